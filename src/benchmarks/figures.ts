/**
 * How each benchmark figure is put into words: one rule per figure, used by every page, download
 * note, JSON field that carries words, and the CLI (docs/methods.md §8–9). Numbers become text
 * in core/format.ts; this module decides which number, arrow, letter or word a figure shows.
 */
import { hasBands } from './bands.js';
import { formatChange, formatNumber, formatRank } from '../core/format.js';
import type { Measure } from '../measures/measure.js';
import type { BandRange } from './band-ranges.js';
import type { ChangeDirection, LaBenchmark, QuartileBand } from './benchmark.js';

/** Shown where a figure does not apply (no polarity, or no bands for the measure). */
export const notApplicable = 'n/a';
/** Shown where a figure is missing. */
export const missing = '–';

export const bandWords: Record<QuartileBand, string> = {
  A: 'best 25%',
  B: 'second 25%',
  C: 'third 25%',
  D: 'weakest 25%',
};

const directionWords: Record<ChangeDirection, string> = {
  better: 'better',
  worse: 'worse',
  same: 'no change',
  no_direction: 'no better direction',
};

export interface ChangeFigure {
  /** The unrounded change. */
  change: number;
  /** From the sign of the unrounded change (methods §8): +0.04 at 1 dp is "0.0" but up. */
  arrow: '▲' | '▼' | '►';
  way: 'up' | 'down' | 'level';
  /** The change to the measure's decimal places, with its sign: "+1.0", "0.0", "-2.77". */
  text: string;
  direction: ChangeDirection;
  /** "better", "worse", "no change" or "no better direction". */
  word: string;
  previousYearLabel: string | null;
}

type ChangeInput = Pick<
  LaBenchmark,
  'changeFromPrevious' | 'changeDirection' | 'previousYearLabel'
>;

/** The change from the previous year as shown; null when there is none. */
export function describeChange(b: ChangeInput, decimalPlaces: number): ChangeFigure | null {
  const change = b.changeFromPrevious;
  if (change === null) return null;
  const [arrow, way] =
    change > 0
      ? (['▲', 'up'] as const)
      : change < 0
        ? (['▼', 'down'] as const)
        : (['►', 'level'] as const);
  const direction = b.changeDirection ?? 'no_direction';
  return {
    change,
    arrow,
    way,
    text: formatChange(change, decimalPlaces),
    direction,
    word: directionWords[direction],
    previousYearLabel: b.previousYearLabel,
  };
}

/** The change in one line of text: "▲ 0.0 better", or "–". */
export function changeText(b: ChangeInput, decimalPlaces: number): string {
  const f = describeChange(b, decimalPlaces);
  return f ? `${f.arrow} ${f.text} ${f.word}` : missing;
}

type BandMeasure = Pick<Measure, 'polarity' | 'noQuartile'>;

/** The band letter as shown: "A"…"D", "n/a" (the measure has no bands) or "–" (no value). */
export function bandText(band: QuartileBand | null, measure: BandMeasure): string {
  if (!hasBands(measure)) return notApplicable;
  return band ?? missing;
}

/** A band with its words: "A (best 25%)". */
export function bandLabel(band: QuartileBand): string {
  return `${band} (${bandWords[band]})`;
}

/** A band's value range as shown: "78.0 to 66.1" (band-ranges.ts decides the ends). */
export function bandRangeText(
  range: Pick<BandRange, 'from' | 'to'>,
  decimalPlaces: number,
): string {
  return `${formatNumber(range.from, decimalPlaces)} to ${formatNumber(range.to, decimalPlaces)}`;
}

/** "136 of 151"; "n/a" for a measure with no better direction; "–" without a rank. */
export function rankText(
  b: Pick<LaBenchmark, 'rank' | 'rankOf'>,
  measure: Pick<Measure, 'polarity'>,
): string {
  return measure.polarity === null ? notApplicable : formatRank(b.rank, b.rankOf);
}

/** "60.1 (10)": the neighbours' average and how many neighbours had a value. */
export function neighboursAverageText(
  b: Pick<LaBenchmark, 'statisticalNeighboursAverage' | 'statisticalNeighboursWithValue'>,
  decimalPlaces: number,
): string {
  const avg = b.statisticalNeighboursAverage;
  return avg === null
    ? missing
    : `${formatNumber(avg, decimalPlaces)} (${b.statisticalNeighboursWithValue})`;
}

export interface MovedBandFigure {
  previousBand: QuartileBand;
  moved: 'better' | 'worse' | null;
  /** "moved up", "moved down" or "same". */
  words: string;
}

/** The band last year beside this year's: null when last year's band is not known. */
export function describeMovedBand(history: {
  previousBand: QuartileBand | null;
  moved: 'better' | 'worse' | null;
}): MovedBandFigure | null {
  if (!history.previousBand) return null;
  const words =
    history.moved === 'better' ? 'moved up' : history.moved === 'worse' ? 'moved down' : 'same';
  return { previousBand: history.previousBand, moved: history.moved, words };
}
