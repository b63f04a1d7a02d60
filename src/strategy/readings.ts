/**
 * How a target reads each year's figures: the line it had to reach (a trajectory's from its
 * baseline year) and the figure judged against it. The status engine (status.ts) judges on
 * these, and the target page's chart and table show the same readings. Pure.
 */
import { clean } from './forecast.js';
import { figureFor, type YearFigure } from './series.js';
import type { TargetInput } from './status-types.js';
import {
  gapIn,
  reached,
  readingFor,
  wantsHigher,
  yearNumberOf,
  type Reading,
  type ReadingContext,
} from './target-terms.js';

export function contextFor(
  input: TargetInput,
  higher: boolean,
): ReadingContext | { noBaseline: string } {
  const t = input.target;
  if (t.kind === 'trajectory') {
    const base = figureFor(input.series!, yearNumberOf(t.from));
    if (!base) return { noBaseline: t.from };
    const from = base.yearNumber;
    const by = yearNumberOf(t.by);
    return {
      higher,
      trajectoryAt: (year) => base.value! + ((t.value - base.value!) * (year - from)) / (by - from),
    };
  }
  return { higher };
}

/** The reading for a year, with a gap target's other group read the same year. */
export function readYear(input: TargetInput, y: YearFigure, ctx: ReadingContext): Reading | null {
  const other = input.other ? figureFor(input.other, y.yearNumber) : undefined;
  return readingFor(input.target, y, { ...ctx, other });
}

/** Each year as the target reads it: the figure judged (a gap target's: the gap) and its line. */
export interface YearReading {
  yearLabel: string;
  yearNumber: number;
  figure: number;
  line: number;
  reached: boolean;
}

/** The readings behind a target's chart and table, from the same rule that judges it. */
export function yearReadings(input: TargetInput): YearReading[] {
  if (!input.series || (input.target.kind === 'gap' && !input.other)) return [];
  const t = input.target;
  const higher = wantsHigher(t, input.series.measure.polarity);
  if (t.kind === 'gap' && t.narrows) return narrowingReadings(input, higher);
  const ctx = contextFor(input, higher);
  if ('noBaseline' in ctx) return [];
  return input.series.years.flatMap((y) => {
    const r = readYear(input, y, ctx);
    if (!r) return [];
    // A gap or rank target's figure is the gap or the rank: the line less the margin.
    const figure = t.kind === 'gap' || t.kind === 'rank' ? clean(r.line - r.margin) : y.value!;
    const { yearLabel, yearNumber } = y;
    return [{ yearLabel, yearNumber, figure, line: r.line, reached: reached(r) }];
  });
}

/** "Narrows each year": each year's gap, against the year before's. */
function narrowingReadings(input: TargetInput, higher: boolean): YearReading[] {
  const t = input.target as Extract<TargetInput['target'], { kind: 'gap' }>;
  const from = t.from ? yearNumberOf(t.from) : input.strategyStart;
  const by = yearNumberOf(t.by);
  const out: YearReading[] = [];
  // The years the judgement counts (from the start to the target year), as judgeNarrowing.
  for (const y of input.series!.years.filter((x) => x.yearNumber >= from && x.yearNumber <= by)) {
    const gap = gapIn(y, figureFor(input.other!, y.yearNumber), higher);
    if (gap === null) continue;
    const before = out.at(-1)?.figure;
    const { yearLabel, yearNumber } = y;
    out.push({
      yearLabel,
      yearNumber,
      figure: gap,
      line: before ?? gap,
      reached: before === undefined || gap < before,
    });
  }
  return out;
}
