import type { Measure } from '../measures/measure.js';

/** A best (A) to worst (D) by the measure's polarity. */
export type QuartileBand = 'A' | 'B' | 'C' | 'D';

/** Type-7 quantiles of the LA values in one year (LAIT's cut points), unrounded. */
export interface CutPoints {
  q0: number;
  q25: number;
  q50: number;
  q75: number;
  q100: number;
  /** N: how many LAs had a value. */
  laCount: number;
}

/** Whether a change is good news for the measure's polarity. */
export type ChangeDirection = 'better' | 'worse' | 'same' | 'no_direction';

/** Where one LA stands on one measure in one year. Numbers unrounded; null where missing. */
export interface LaBenchmark {
  laCode: number;
  laName: string;
  value: number | null;
  /** Suppression marker published in place of the value, if any. */
  suppression: string | null;
  rank: number | null;
  rankOf: number | null;
  quartileBand: QuartileBand | null;
  statisticalNeighboursAverage: number | null;
  statisticalNeighboursWithValue: number;
  regionCode: number | null;
  regionName: string | null;
  regionValue: number | null;
  englandValue: number | null;
  previousYearLabel: string | null;
  changeFromPrevious: number | null;
  changeDirection: ChangeDirection | null;
  /** The next better band and how far (in the measure's units, always >= 0) the value must move to reach it. */
  nextBand: QuartileBand | null;
  distanceToNextBand: number | null;
  /** value − England (signed, unrounded). */
  distanceToEngland: number | null;
}

export interface MeasureBenchmark {
  measure: Measure;
  yearLabel: string;
  yearNumber: number;
  /** Every year label the measure has, newest first. */
  yearLabels: string[];
  cutPoints: CutPoints | null;
  /** Statistical-neighbour set used for the averages ('2025'...). */
  neighbourSetVersion: string | null;
  rows: LaBenchmark[];
}

export interface ScorecardEntry {
  measure: Measure;
  yearLabel: string;
  cutPoints: CutPoints | null;
  benchmark: LaBenchmark;
}

export interface Scorecard {
  laCode: number;
  laName: string;
  neighbourSetVersion: string | null;
  topics: { topic: string; entries: ScorecardEntry[] }[];
}
