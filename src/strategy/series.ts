/**
 * What the status engine reads: one measure's figures for the strategy's LA, year by year, with
 * the comparators the benchmark engine gives (England, region, statistical neighbours, rank,
 * cut points). Built from the engine for a Lantern measure, from the entered values for a local
 * one. Pure.
 */
import type { CutPoints } from '../benchmarks/benchmark.js';
import { formatNumber, roundHalfAwayFromZero } from '../core/format.js';

export interface YearFigure {
  yearLabel: string;
  yearNumber: number;
  /** The LA's figure; null when it has none that year (missing or suppressed). */
  value: number | null;
  rank: number | null;
  rankOf: number | null;
  cutPoints: CutPoints | null;
  england: number | null;
  region: number | null;
  neighbours: number | null;
}

export interface SeriesMeasure {
  code: string;
  name: string;
  polarity: 'high' | 'low' | null;
  decimalPlaces: number;
  unitLabel: string | null;
  /** ISO dates from the source's own metadata; null for local measures. */
  lastUpdate: string | null;
  nextUpdate: string | null;
  /** Where the figures come from: "DfE LAIT (bds_long_0.parquet, imported 2 December 2026)". */
  source: string;
}

export interface Series {
  measure: SeriesMeasure;
  /** Oldest first; a year label once. */
  years: YearFigure[];
}

/** A year's figure for the target year: the last label with that year number (2025 over "2025 (prov)"). */
export function figureFor(series: Series, yearNumber: number): YearFigure | undefined {
  let found: YearFigure | undefined;
  for (const y of series.years) if (y.yearNumber === yearNumber && y.value !== null) found = y;
  return found;
}

/** The newest year with a figure. */
export function latestFigure(series: Series): YearFigure | undefined {
  for (let i = series.years.length - 1; i >= 0; i--) {
    if (series.years[i]!.value !== null) return series.years[i];
  }
  return undefined;
}

/** Percentages compare in percentage points; anything else in its own units. */
export function isPercentage(measure: Pick<SeriesMeasure, 'unitLabel' | 'name'>): boolean {
  return (
    (measure.unitLabel ?? measure.name).trim().startsWith('%') ||
    /^percent/i.test(measure.unitLabel ?? '')
  );
}

/** "57.0%" or "104.2": a value as the measure publishes it. */
export function valueText(measure: SeriesMeasure, value: number): string {
  return `${formatNumber(value, measure.decimalPlaces)}${isPercentage(measure) ? '%' : ''}`;
}

/**
 * A distance's size at the measure's decimal places ("9.0"). The one rounding rule for
 * distances and gaps: one that is not nil but rounds to nothing there gets one more place
 * ("0.04"), and, nothing at that either, "less than 0.01" (never "0.0" for a distance to go).
 */
export function distanceFigure(distance: number, decimalPlaces: number): string {
  const size = Math.abs(distance);
  if (size === 0 || roundHalfAwayFromZero(size, decimalPlaces) !== 0)
    return formatNumber(size, decimalPlaces);
  const finer = decimalPlaces + 1;
  if (roundHalfAwayFromZero(size, finer) !== 0) return formatNumber(size, finer);
  return `less than ${formatNumber(10 ** -finer, finer)}`;
}

/** "9.0 percentage points" or "3.2 points": a distance in the measure's units. */
export function distanceText(measure: SeriesMeasure, distance: number): string {
  const n = distanceFigure(distance, measure.decimalPlaces);
  return `${n} ${isPercentage(measure) ? 'percentage point' : 'point'}${n === formatNumber(1, measure.decimalPlaces) ? '' : 's'}`;
}

/**
 * "4.0 percentage points", or "-2.0 percentage points" where the group is ahead: a gap keeps its
 * sign (a distance never has one), unless it is too small to show ("less than 0.01 …").
 */
export function gapText(measure: SeriesMeasure, gap: number): string {
  const text = distanceText(measure, gap);
  return `${gap < 0 && !text.startsWith('less') ? '-' : ''}${text}`;
}

/** A judged target's latest figure and distance as text: "57.0%", "9.0 percentage points", "98 places". */
export function judgedFigures(t: {
  kind: string;
  latestValue: number | null;
  distance: number | null;
  figures: SeriesMeasure;
  status?: string;
  /** Set while anything is still needed (a band target on its cut point must pass it). */
  whatItTakes?: string | null;
}): { latest: string; distance: string } {
  // A gap target's figure is the gap, in points; any other's is the measure's value.
  const latest =
    t.latestValue === null
      ? '–'
      : t.kind === 'gap'
        ? gapText(t.figures, t.latestValue)
        : valueText(t.figures, t.latestValue);
  // Met or reached: nothing still to go (not "0.0 percentage points" beside "2.0 above").
  const distance =
    t.distance === null
      ? '–'
      : t.distance === 0 && (t.status === 'met' || t.status === 'on_track') && !t.whatItTakes
        ? t.status === 'met'
          ? 'None: met'
          : 'None: reached already'
        : t.kind === 'rank'
          ? `${t.distance} place${t.distance === 1 ? '' : 's'}`
          : distanceText(t.figures, t.distance);
  return { latest, distance };
}
