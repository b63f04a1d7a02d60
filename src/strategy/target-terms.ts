/**
 * What each kind of target asks of a year's figures, as one number: the margin, how far the
 * figure is past the line it must reach (positive or zero: reached; negative: short by that
 * much, in the measure's units, or in places for a rank). One rule per kind, used for the
 * status, the distance, the forecast and the sentence. Pure.
 */
import type { QuartileBand } from '../benchmarks/benchmark.js';
import { parseYearLabel } from '../sources/lait/year-label.js';
import { clean } from './forecast.js';
import { distanceText, gapText, valueText, type SeriesMeasure, type YearFigure } from './series.js';
import type { BandGoal, Target } from './strategy-schema.js';

export const yearNumberOf = (label: string): number => parseYearLabel(label)!.yearNumber;

/** +1 when higher is what the target wants, −1 when lower. */
export function wantsHigher(t: Target, polarity: SeriesMeasure['polarity']): boolean {
  if ((t.kind === 'value' || t.kind === 'trajectory') && t.comparison !== undefined) {
    return t.comparison === 'at-least';
  }
  return polarity !== 'low';
}

export interface Reading {
  margin: number;
  /** The line the figure had to reach that year, in the measure's units (a rank for rank targets). */
  line: number;
  /** The line must be passed, not only reached (LAIT's bands are closed on the upper side). */
  strict: boolean;
}

export const reached = (r: Reading): boolean => (r.strict ? r.margin > 0 : r.margin >= 0);

/** The bands each band goal accepts, best first. */
export const bandsOf: Record<BandGoal, QuartileBand[]> = {
  'top-quartile': ['A'],
  'top-half': ['A', 'B'],
  'not-bottom-quartile': ['A', 'B', 'C'],
};

function bandCut(goal: BandGoal, y: YearFigure, higher: boolean): number | null {
  const q = y.cutPoints;
  if (!q) return null;
  if (higher) return goal === 'top-quartile' ? q.q75 : goal === 'top-half' ? q.q50 : q.q25;
  return goal === 'top-quartile' ? q.q25 : goal === 'top-half' ? q.q50 : q.q75;
}

function comparatorValue(t: Extract<Target, { kind: 'relative' }>, y: YearFigure): number | null {
  return t.comparator === 'england'
    ? y.england
    : t.comparator === 'region'
      ? y.region
      : y.neighbours;
}

/** The gap in a year: how far this measure is behind the other, by the measure's polarity. */
export function gapIn(
  y: YearFigure,
  other: YearFigure | undefined,
  higher: boolean,
): number | null {
  if (y.value === null || other?.value == null) return null;
  return clean(higher ? other.value - y.value : y.value - other.value);
}

export interface ReadingContext {
  higher: boolean;
  /** Trajectory targets: the line's value in a year (null when the baseline has no figure). */
  trajectoryAt?: (yearNumber: number) => number | null;
  /** Gap targets: the other group's figure the same year. */
  other?: YearFigure | undefined;
}

/** How a year's figures stand against the target, or null when that year lacks what it needs. */
export function readingFor(t: Target, y: YearFigure, ctx: ReadingContext): Reading | null {
  const s = ctx.higher ? 1 : -1;
  const past = (line: number | null, strict = false): Reading | null =>
    line === null || y.value === null
      ? null
      : { margin: clean(s * (y.value - line)), line, strict };
  switch (t.kind) {
    case 'value':
      return past(t.value);
    case 'trajectory':
      return past(ctx.trajectoryAt?.(y.yearNumber) ?? null);
    case 'band':
      return past(bandCut(t.band, y, ctx.higher), ctx.higher);
    case 'rank':
      return y.rank === null ? null : { margin: t.rank - y.rank, line: t.rank, strict: false };
    case 'relative': {
      const c = comparatorValue(t, y);
      return past(c === null ? null : clean(c - s * (t.within ?? 0)));
    }
    case 'gap': {
      const g = gapIn(y, ctx.other, ctx.higher);
      if (g === null || t.atMost === undefined) return null;
      return { margin: clean(t.atMost - g), line: t.atMost, strict: false };
    }
  }
}

const comparatorWords = {
  england: 'the England average',
  region: 'the regional average',
  neighbours: 'the statistical neighbours’ average',
} as const;

const bandWords: Record<BandGoal, string> = {
  'top-quartile': 'in the top quartile of LAs in England (band A)',
  'top-half': 'in the top half of LAs in England (band A or B)',
  'not-bottom-quartile': 'out of the bottom quartile of LAs in England (band A, B or C)',
};

/** 1st, 2nd, 3rd, 11th, 38th. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** The target in one plain-English sentence, as a board paper would state it. */
export function targetSentence(t: Target, measure: SeriesMeasure, otherName?: string): string {
  const higher = wantsHigher(t, measure.polarity);
  const atLeast = higher ? 'at least' : 'at most';
  const v = (x: number) => valueText(measure, x);
  let sentence: string;
  switch (t.kind) {
    case 'value':
      sentence = `${measure.name}: ${atLeast} ${v(t.value)} in ${t.by}`;
      break;
    case 'trajectory':
      sentence = `${measure.name}: ${higher ? 'rising' : 'falling'} steadily from the ${t.from} figure to ${atLeast} ${v(t.value)} in ${t.by}`;
      break;
    case 'band':
      sentence = `${measure.name}: ${bandWords[t.band]} in ${t.by}`;
      break;
    case 'rank':
      sentence = `${measure.name}: ranked ${ordinal(t.rank)} or better of LAs in England in ${t.by}`;
      break;
    case 'relative':
      sentence =
        t.within === undefined || t.within === 0
          ? `${measure.name}: at or ${higher ? 'above' : 'below'} ${comparatorWords[t.comparator]} in ${t.by}`
          : `${measure.name}: no more than ${distanceText(measure, t.within)} ${higher ? 'below' : 'above'} ${comparatorWords[t.comparator]} in ${t.by}`;
      break;
    case 'gap': {
      const versus = otherName ?? t.compareWith;
      sentence =
        t.atMost !== undefined
          ? `The gap between ${measure.name} and ${versus}: ${gapText(measure, t.atMost)} or less in ${t.by}`
          : `The gap between ${measure.name} and ${versus}: narrowing every year${t.from ? ` from ${t.from}` : ''} to ${t.by}`;
      break;
    }
  }
  return `${sentence}${floorWords(t, measure)}.`;
}

function floorWords(t: Target, measure: SeriesMeasure): string {
  if (t.floor === undefined) return '';
  const higher = wantsHigher(t, measure.polarity);
  switch (t.kind) {
    // The floor in the board's words: where amber ends and red begins.
    case 'band':
      return `; red if below band ${t.floor}`;
    case 'rank':
      return `; red if ranked below ${ordinal(t.floor)}`;
    case 'relative':
      return `; red if more than ${distanceText(measure, t.floor)} ${higher ? 'below' : 'above'} ${comparatorWords[t.comparator]}`;
    case 'gap':
      return `; red if the gap is more than ${gapText(measure, t.floor)}`;
    default:
      return `; red if ${higher ? 'below' : 'above'} ${valueText(measure, t.floor)}`;
  }
}
