/**
 * The status engine (docs/methods.md, "Strategy targets"): for each target, met / on track /
 * off track / no data with the reason in words and the figures behind it, its RAG colour, the
 * direction of travel, the forecast and what it would take. Pure: the figures come in, the
 * judgement goes out, so every page, download, JSON answer and the board report read the same.
 */
import { changeBetween, changeDirection } from '../benchmarks/change.js';
import { clean, recentTrend, yearReached, type Point } from './forecast.js';
import { figureFor, latestFigure, type Series, type YearFigure } from './series.js';
import { floorHeld, ragOf } from './rag.js';
import { contextFor, readYear } from './readings.js';
import {
  noData,
  type Direction,
  type TargetInput,
  type TargetState,
  type TargetStatus,
} from './status-types.js';
import type { Target } from './strategy-schema.js';
import {
  gapIn,
  reached,
  wantsHigher,
  yearNumberOf,
  type Reading,
  type ReadingContext,
} from './target-terms.js';
import {
  dueWords,
  missedWords,
  narrowingWords,
  pendingWords,
  reachedWords,
  whatItTakes,
} from './status-words.js';

const directionWords = { better: 'improving', worse: 'declining', same: 'no_change' } as const;

/** The year before `latest` in the series (no skipping back, as the benchmark engine's change). */
function previousOf(series: Series, latest: YearFigure): YearFigure | undefined {
  const i = series.years.indexOf(latest);
  return i > 0 ? series.years[i - 1] : undefined;
}

function directionOf(input: TargetInput, latest: YearFigure, higher: boolean): Direction | null {
  const series = input.series!;
  const prev = previousOf(series, latest);
  if (!prev) return null;
  if (input.target.kind === 'gap') {
    const now = gapIn(
      latest,
      input.other ? figureFor(input.other, latest.yearNumber) : undefined,
      higher,
    );
    const before = gapIn(
      prev,
      input.other ? figureFor(input.other, prev.yearNumber) : undefined,
      higher,
    );
    const d = changeDirection(changeBetween(now, before), 'low');
    return d && d !== 'no_direction' ? directionWords[d] : null;
  }
  const d = changeDirection(changeBetween(latest.value, prev.value), series.measure.polarity);
  return d && d !== 'no_direction' ? directionWords[d] : null;
}

/** Judges one target on the figures given. */
export function evaluateTarget(input: TargetInput): TargetStatus {
  const t = input.target;
  if (!input.series) return noData(input, noSeriesReason(input));
  if (t.kind === 'gap' && !input.other)
    return noData(input, 'No figures for the group the gap is measured against.');
  const higher = wantsHigher(t, input.series.measure.polarity);
  const ctx = contextFor(input, higher);
  if ('noBaseline' in ctx)
    return noData(
      input,
      `No figure for the baseline year ${ctx.noBaseline}, so the trajectory has no start.`,
    );
  const latest = latestFigure(input.series);
  if (!latest) return noData(input, 'No figures yet for this LA.');
  if (t.kind === 'gap' && t.narrows) return judgeNarrowing(input, latest, higher);

  const by = yearNumberOf(t.by);
  const atBy = figureFor(input.series, by);
  const atByReading = atBy ? readYear(input, atBy, ctx) : null;
  const judged = atBy && atByReading ? atBy : latest;
  const reading = atByReading ?? readYear(input, latest, ctx);
  if (!reading)
    return noData(input, `The ${latest.yearLabel} figures lack what this target is judged on.`);
  const base = baseStatus(input, judged, reading, higher);

  if (atBy && atByReading) {
    const met = reached(atByReading);
    return finish(
      input,
      base,
      met ? 'met' : 'off_track',
      met ? reachedWords(input, judged, reading) : missedWords(input, judged, reading),
      true,
    );
  }
  if (targetYearGone(latest, by, input.today)) {
    return {
      ...noData(input, `No figure for ${t.by}, the year this target is judged on.`),
      latestValue: latest.value,
      latestYear: latest.yearLabel,
    };
  }
  return judgePending(input, base, latest, reading, ctx);
}

function baseStatus(
  input: TargetInput,
  y: YearFigure,
  reading: Reading,
  higher: boolean,
): TargetStatus {
  // clean(): -0 (a figure exactly on a strict line) is shown as 0, never "-0.0".
  const distance = reached(reading) ? 0 : clean(-reading.margin) || 0;
  const words = whatItTakes(input, y, distance, !reached(reading) && distance === 0);
  const t = input.target;
  return {
    ...noData(input, ''),
    direction: directionOf(input, y, higher),
    // A gap target is about the gap, so its figure is the gap (the line minus the margin).
    latestValue: t.kind === 'gap' ? clean(reading.line - reading.margin) : y.value,
    latestYear: y.yearLabel,
    targetValue: reading.line,
    distance,
    whatItTakes: words.text,
    pupils: words.pupils,
  };
}

/** The target year has not come: on track if already reached, on the trajectory, or on the trend. */
function judgePending(
  input: TargetInput,
  base: TargetStatus,
  latest: YearFigure,
  reading: Reading,
  ctx: ReadingContext,
): TargetStatus {
  const t = input.target;
  const by = yearNumberOf(t.by);
  const margins: Point[] = [];
  const values: Point[] = [];
  for (const y of input.series!.years) {
    const r = readYear(input, y, ctx);
    if (r) margins.push({ year: y.yearNumber, value: r.margin });
    if (y.value !== null) values.push({ year: y.yearNumber, value: y.value });
  }
  const trend = recentTrend(margins);
  let forecast: TargetStatus['forecast'];
  if ('refused' in trend) forecast = trend;
  else {
    const valueTrend = recentTrend(values);
    forecast = {
      years: trend.trend.points.map((p) => p.year),
      slope: trend.trend.slope,
      valueInTargetYear:
        t.kind === 'rank' || t.kind === 'gap' || 'refused' in valueTrend
          ? null
          : valueTrend.trend.at(by),
      reachesIn: yearReached(trend.trend, (_y, m) => reached({ ...reading, margin: m })),
    };
  }
  const withForecast = { ...base, forecast };
  if (t.kind === 'trajectory') {
    const on = reached(reading);
    return finish(
      input,
      withForecast,
      on ? 'on_track' : 'off_track',
      pendingWords(input, latest, reading, forecast),
    );
  }
  if (reached(reading))
    return finish(input, withForecast, 'on_track', pendingWords(input, latest, reading, forecast));
  const onTrend =
    forecast !== null &&
    !('refused' in forecast) &&
    forecast.reachesIn !== null &&
    forecast.reachesIn <= by;
  return finish(
    input,
    withForecast,
    onTrend ? 'on_track' : 'off_track',
    pendingWords(input, latest, reading, forecast),
  );
}

/** "Narrows each year": every year's gap below the year before's, from the start year to the target year. */
function judgeNarrowing(input: TargetInput, latest: YearFigure, higher: boolean): TargetStatus {
  const t = input.target as Extract<Target, { kind: 'gap' }>;
  const from = t.from ? yearNumberOf(t.from) : input.strategyStart;
  const by = yearNumberOf(t.by);
  const gaps: { y: YearFigure; gap: number }[] = [];
  for (const y of input.series!.years) {
    if (y.yearNumber < from || y.yearNumber > by) continue;
    const gap = gapIn(y, input.other ? figureFor(input.other, y.yearNumber) : undefined, higher);
    if (gap !== null) gaps.push({ y, gap });
  }
  if (gaps.length < 2)
    return noData(
      input,
      `A narrowing gap needs the gap in at least two years from ${from} to ${t.by}; there ${gaps.length === 1 ? 'is one' : 'are none'}.`,
    );
  const widened = gaps.find((g, i) => i > 0 && g.gap >= gaps[i - 1]!.gap);
  const last = gaps[gaps.length - 1]!;
  const done = last.y.yearNumber >= by;
  // Not missed yet, but the target year's gap will never come: no data, never met or on track.
  if (!widened && !done && targetYearGone(latest, by, input.today))
    return noData(input, `No gap for ${t.by}, the year this target is judged on.`);
  const status: TargetState = widened ? 'off_track' : done ? 'met' : 'on_track';
  const base: TargetStatus = {
    ...noData(input, ''),
    // The direction of the gap shown (the judged year's), as every other kind of target has.
    direction: directionOf(input, last.y, higher),
    latestValue: last.gap,
    latestYear: last.y.yearLabel,
    targetValue: gaps.length > 1 ? gaps[gaps.length - 2]!.gap : null,
    // Once missed, a gap that narrowed this year has no distance left to close: none is shown.
    distance: widened ? distanceIfWider(last.gap, gaps[gaps.length - 2]!.gap) : 0,
  };
  return finish(input, base, status, narrowingWords(input, gaps, widened), done);
}

/** Why a target has no figures at all: no source yet, or its data not imported here. */
function noSeriesReason(input: TargetInput): string {
  if (input.notImported)
    return 'No figures for this measure in Lantern yet: an administrator imports them with `lantern import`.';
  const why = (input.noDataSource ?? 'no published file holds this measure').replace(/\.+$/, '');
  // "No published file…" reads on after the colon as "no published file…" (not "KS3…": kept).
  return `No data source yet: ${/^[A-Z][a-z]/.test(why) ? why[0]!.toLowerCase() + why.slice(1) : why}.`;
}

/**
 * The target year's figures will not come: newer years are in, or it is three years past (no
 * DfE release comes that late).
 */
function targetYearGone(latest: YearFigure, by: number, today: string): boolean {
  return latest.yearNumber > by || by <= Number(today.slice(0, 4)) - 3;
}

function distanceIfWider(gap: number, before: number): number | null {
  return gap >= before ? clean(gap - before) : null;
}

function finish(
  input: TargetInput,
  s: TargetStatus,
  status: TargetState,
  reason: string,
  /** Judged on the target year's own figure: new data cannot change it, so none is "due". */
  final = false,
): TargetStatus {
  const higher = wantsHigher(input.target, input.series!.measure.polarity);
  const due = input.series!.measure.nextUpdate;
  const dataDue = !final && due !== null && due < input.today ? due : null;
  return {
    ...s,
    status,
    rag: ragOf(status, status === 'met' ? null : floorHeld(input, s, higher)),
    reason: dataDue ? `${reason} ${dueWords(dataDue)}` : reason,
    dataDue,
  };
}

export { yearReadings, type YearReading } from './readings.js';
export type {
  Direction,
  Rag,
  TargetForecast,
  TargetInput,
  TargetState,
  TargetStatus,
} from './status-types.js';
