/**
 * The line chart's year axis, to scale: each year at its own number, so a year with no figures
 * (2020 and 2021 for the KS2 tests) keeps its width rather than being squeezed out. Labels that
 * share a year number ("2025 (prov)" and "2025") sit side by side within their year.
 */
import type * as Plot from '@observablehq/plot';

/** A label on the axis and the year it is in. */
export interface AxisYear {
  yearLabel: string;
  yearNumber: number;
}

export interface YearAxis {
  /** A label's place on the axis. */
  xOf: (yearLabel: string) => number;
  /** Every label's place, in order, and the label at each. */
  ticks: number[];
  labels: Map<number, string>;
  domain: [number, number];
}

/** How far apart, within their year, labels that share a year number are. */
const shareWidth = 0.6;

/** Labels in order of year, then label, each once. */
function orderedLabels(years: AxisYear[]): AxisYear[] {
  const seen = new Map<string, number>();
  for (const y of years) if (!seen.has(y.yearLabel)) seen.set(y.yearLabel, y.yearNumber);
  return [...seen]
    .map(([yearLabel, yearNumber]) => ({ yearLabel, yearNumber }))
    .sort(
      (a, b) =>
        a.yearNumber - b.yearNumber ||
        (a.yearLabel < b.yearLabel ? -1 : a.yearLabel > b.yearLabel ? 1 : 0),
    );
}

/** The axis through every label given, half a year beyond the first and the last. */
export function yearAxis(years: AxisYear[]): YearAxis {
  const ordered = orderedLabels(years);
  const perYear = new Map<number, string[]>();
  for (const y of ordered)
    perYear.set(y.yearNumber, [...(perYear.get(y.yearNumber) ?? []), y.yearLabel]);
  const place = new Map<string, number>();
  for (const [year, labels] of perYear) {
    const step = labels.length > 1 ? shareWidth / (labels.length - 1) : 0;
    labels.forEach((label, i) =>
      place.set(label, year + (labels.length > 1 ? i * step - shareWidth / 2 : 0)),
    );
  }
  const ticks = ordered.map((y) => place.get(y.yearLabel)!);
  const first = ordered[0]?.yearNumber ?? 0;
  const last = ordered.at(-1)?.yearNumber ?? first;
  return {
    xOf: (label) => place.get(label)!,
    ticks,
    labels: new Map(ordered.map((y) => [place.get(y.yearLabel)!, y.yearLabel])),
    domain: [first - 0.5, Math.max(first + 0.5, last + 0.5)],
  };
}

/** The scale Plot draws the axis with: the labels at their places, slanted when there are many. */
export function yearScale(axis: YearAxis): Plot.ScaleOptions {
  return {
    type: 'linear',
    domain: axis.domain,
    ticks: axis.ticks,
    tickFormat: (x: number) => axis.labels.get(x) ?? '',
    tickRotate: axis.ticks.length > 8 ? -35 : 0,
    label: null,
  };
}

/** A run of years with no figures in any series, from half a year before it to half after. */
export interface Gap {
  x1: number;
  x2: number;
  mid: number;
}

/**
 * The years from the first to the last with no figure in any series (on the axis with nulls, or
 * not on it at all): each is a "No data" band, and every line breaks there.
 */
export function yearsWithoutFigures(all: number[], withFigures: number[]): number[] {
  if (all.length === 0) return [];
  const has = new Set(withFigures);
  const out: number[] = [];
  for (let y = Math.min(...all); y <= Math.max(...all); y++) if (!has.has(y)) out.push(y);
  return out;
}

/** Consecutive years without figures as one band each. */
export function gapRuns(years: number[]): Gap[] {
  const gaps: Gap[] = [];
  for (const y of years) {
    const run = gaps.at(-1);
    if (run && run.x2 === y - 0.5) {
      run.x2 = y + 0.5;
      run.mid = (run.x1 + run.x2) / 2;
    } else gaps.push({ x1: y - 0.5, x2: y + 0.5, mid: y });
  }
  return gaps;
}
