/**
 * The status engine's reasons in words, each with the figures behind it: "Off track: 57.0% in
 * 2025 (band D), 9.0 percentage points below the upper-quartile cut point of 66.0%; …". Pure.
 */
import { quartileBand } from '../benchmarks/bands.js';
import { formatCount, formatDate } from '../core/format.js';
import { distanceText, gapText, isPercentage, valueText, type YearFigure } from './series.js';
import type { TargetForecast, TargetInput } from './status-types.js';
import type { Target } from './strategy-schema.js';
import { ordinal, reached, wantsHigher, type Reading } from './target-terms.js';

const comparatorNames = {
  england: 'England average',
  region: 'regional average',
  neighbours: 'statistical neighbours’ average',
} as const;

function cutName(t: Extract<Target, { kind: 'band' }>, higher: boolean): string {
  if (t.band === 'top-half') return 'median';
  const upper = (t.band === 'top-quartile') === higher;
  return upper ? 'upper-quartile cut point' : 'lower-quartile cut point';
}

/** What the figure is judged against: "the upper-quartile cut point of 66.0%". */
function lineWords(input: TargetInput, y: YearFigure, r: Reading): string {
  const t = input.target;
  const m = input.series!.measure;
  const higher = wantsHigher(t, m.polarity);
  switch (t.kind) {
    case 'value':
      return `the target of ${valueText(m, r.line)}`;
    case 'trajectory':
      return y.yearNumber >= Number(t.by.slice(0, 4))
        ? `the target of ${valueText(m, r.line)}`
        : `the trajectory’s ${valueText(m, r.line)} for ${y.yearLabel}`;
    case 'band':
      return `the ${cutName(t, higher)} of ${valueText(m, r.line)}`;
    case 'rank':
      return `rank ${r.line}`;
    case 'relative':
      return t.within
        ? `${valueText(m, r.line)}, the ${comparatorNames[t.comparator]} (${valueText(m, r.line + (higher ? t.within : -t.within))}) ${higher ? 'less' : 'plus'} the ${distanceText(m, t.within)} allowed`
        : `the ${comparatorNames[t.comparator]} of ${valueText(m, r.line)}`;
    case 'gap':
      return `the ${gapText(m, r.line)} allowed`;
  }
}

/** The figure judged: "57.0% in 2025 (band D)", "ranked 136th of 151 in 2025", "a gap of 20.1 percentage points in 2025". */
function figureWords(input: TargetInput, y: YearFigure, r: Reading): string {
  const t = input.target;
  const m = input.series!.measure;
  if (t.kind === 'rank')
    return `ranked ${ordinal(y.rank!)} of ${y.rankOf ?? '?'} in ${y.yearLabel}`;
  if (t.kind === 'gap') {
    return `a gap of ${gapText(m, t.atMost! - r.margin)} in ${y.yearLabel}`;
  }
  const band = t.kind === 'band' ? quartileBand(y.value, y.cutPoints, m.polarity) : null;
  return `${valueText(m, y.value!)} in ${y.yearLabel}${band ? ` (band ${band})` : ''}`;
}

/** "9.0 percentage points below", "98 places short of", "at", "2.1 percentage points above". */
function sideWords(input: TargetInput, r: Reading): string {
  const t = input.target;
  const m = input.series!.measure;
  if (t.kind === 'rank') {
    if (r.margin >= 0)
      return r.margin === 0 ? 'at' : `${r.margin} place${r.margin === 1 ? '' : 's'} better than`;
    return `${-r.margin} place${r.margin === -1 ? '' : 's'} short of`;
  }
  if (r.margin === 0) return 'at';
  if (t.kind === 'gap')
    return `${distanceText(m, r.margin)} ${r.margin > 0 ? 'narrower than' : 'wider than'}`;
  const higher = wantsHigher(t, m.polarity);
  const valueAbove = r.margin > 0 === higher;
  return `${distanceText(m, r.margin)} ${valueAbove ? 'above' : 'below'}`;
}

function sentence(input: TargetInput, y: YearFigure, r: Reading): string {
  return `${figureWords(input, y, r)}, ${sideWords(input, r)} ${lineWords(input, y, r)}`;
}

export function reachedWords(input: TargetInput, y: YearFigure, r: Reading): string {
  return `Met: ${sentence(input, y, r)}.`;
}

export function missedWords(input: TargetInput, y: YearFigure, r: Reading): string {
  const strict = r.strict && r.margin === 0 ? ' (a figure must be above it to count)' : '';
  return `Not met in ${y.yearLabel}, the target year: ${sentence(input, y, r)}${strict}.`;
}

function trendWords(forecast: TargetForecast | { refused: string } | null, by: string): string {
  if (!forecast) return '';
  if ('refused' in forecast) return ` No trend can be drawn: ${forecast.refused}.`;
  const span = `the trend of ${forecast.years.length} years (${forecast.years[0]}–${forecast.years[forecast.years.length - 1]})`;
  if (forecast.reachesIn === null) return ` On ${span} it would not be reached within 15 years.`;
  const inTime = forecast.reachesIn <= Number(by.slice(0, 4));
  return ` On ${span} it would be reached in ${forecast.reachesIn}${inTime ? `, in time for ${by}` : `, after ${by}`}.`;
}

export function pendingWords(
  input: TargetInput,
  y: YearFigure,
  r: Reading,
  forecast: TargetForecast | { refused: string } | null,
): string {
  const t = input.target;
  if (t.kind === 'trajectory') {
    return `${reached(r) ? 'On track' : 'Off track'}: ${sentence(input, y, r)}.${trendWords(forecast, t.by)}`;
  }
  if (reached(r)) {
    return `On track: already ${sentence(input, y, r)}; the target is for ${t.by}.`;
  }
  const words = trendWords(forecast, t.by);
  const onTrend =
    forecast &&
    !('refused' in forecast) &&
    forecast.reachesIn !== null &&
    forecast.reachesIn <= Number(t.by.slice(0, 4));
  return `${onTrend ? 'On track' : 'Off track'}: ${sentence(input, y, r)}.${words}`;
}

export function narrowingWords(
  input: TargetInput,
  gaps: { y: YearFigure; gap: number }[],
  widened: { y: YearFigure; gap: number } | undefined,
): string {
  const m = input.series!.measure;
  const list = gaps.map((g) => `${gapText(m, g.gap)} in ${g.y.yearLabel}`).join(', ');
  if (widened) {
    const before = gaps[gaps.indexOf(widened) - 1]!;
    const how = widened.gap === before.gap ? 'did not narrow' : 'widened';
    return `Off track: the gap ${how} in ${widened.y.yearLabel} (${list}).`;
  }
  const last = gaps[gaps.length - 1]!;
  const done = last.y.yearNumber >= Number(input.target.by.slice(0, 4));
  return `${done ? 'Met' : 'On track'}: the gap narrowed every year (${list}).`;
}

/** "It would take 9.0 percentage points more: about 46 more pupils…", or why pupils cannot be said. */
export function whatItTakes(
  input: TargetInput,
  y: YearFigure,
  distance: number,
  onTheLine = false,
): { text: string | null; pupils: number | null } {
  const t = input.target;
  const m = input.series!.measure;
  // Exactly on a cut point that must be passed (LAIT's bands are closed above): not yet reached.
  if (distance === 0 && t.kind === 'band' && y.value !== null && onTheLine)
    return {
      text: `It would take any rise above ${valueText(m, y.value)}: the cut point itself is in the band below.`,
      pupils: null,
    };
  if (distance <= 0) return { text: null, pupils: null };
  if (t.kind === 'rank')
    return {
      text: `It would take a rise of ${distance} place${distance === 1 ? '' : 's'} in the ranking.`,
      pupils: null,
    };
  if (t.kind === 'gap')
    return { text: `The gap would have to close by ${distanceText(m, distance)}.`, pupils: null };
  const higher = wantsHigher(t, m.polarity);
  const change = `It would take ${distanceText(m, distance)} ${higher ? 'more' : 'less'}${t.kind === 'band' && higher ? ' (and a little over, to pass the cut point)' : ''}`;
  if (!isPercentage(m)) return { text: `${change}.`, pupils: null };
  // The judged year's cohort, or the latest before it (a count may be published later).
  const cohort = (input.cohorts ?? [])
    .filter((c) => c.yearNumber <= y.yearNumber)
    .sort((a, b) => b.yearNumber - a.yearNumber)[0];
  if (!cohort) {
    return {
      text: `${change}. No cohort size is known for this measure, so Lantern cannot say how many pupils that is.`,
      pupils: null,
    };
  }
  const pupils = Math.ceil((distance / 100) * cohort.pupils - 1e-9);
  return {
    text: `${change}: about ${formatCount(pupils)} ${higher ? 'more' : 'fewer'} pupils, of a cohort of ${formatCount(cohort.pupils)} in ${cohort.yearLabel}.`,
    pupils,
  };
}

export function dueWords(iso: string): string {
  return `New data due since ${formatDate(iso)}: the figures here may be out of date.`;
}
