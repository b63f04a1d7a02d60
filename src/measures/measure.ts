/** A measure an LA is compared on: KS2 RWM expected standard, persistent absence, NEET... */
export interface Measure {
  code: string;
  name: string;
  topic: string;
  /** 'high': a higher value is better; 'low': lower is better; null: neither, so no rank or band. */
  polarity: 'high' | 'low' | null;
  /** Places shown on screen (LAIT assumes 1 when its dictionary gives none). */
  decimalPlaces: number;
  /** False when the source gave no decimal places and 1 was assumed. */
  decimalPlacesPublished: boolean;
  yearType: string | null;
  unitLabel: string | null;
  chartTitle: string | null;
  description: string | null;
  methodology: string | null;
  source: string | null;
  sourceLinks: string | null;
  /** ISO dates (YYYY-MM-DD). */
  lastUpdate: string | null;
  nextUpdate: string | null;
  /** The spread is too small for quartile bands to mean anything: rank only. */
  noQuartile: boolean;
}
