import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../core/format.js';
import {
  dashArray,
  greyFill,
  midGrey,
  renderChart,
  seriesStyle,
  valueDomain,
  valueScale,
  type ChartSvg,
} from './svg.js';

export interface LinePoint {
  yearLabel: string;
  yearNumber: number;
  value: number | null;
}

export interface LineChartInput {
  title: string;
  /** What the chart shows, in words (the SVG's `<desc>`). */
  description: string;
  yLabel: string;
  decimalPlaces: number;
  /** Up to six series; each gets its own colour, dash, marker and a label at its last point. */
  series: { name: string; points: LinePoint[] }[];
}

/** A series' value in a year; `x` is the year's place on the axis (0 for the first year). */
type Row = { series: number; x: number; y: number | null };
type PresentRow = Row & { y: number };
/** A run of years with no value in any series, half a year wider each side than its years. */
type Gap = { x1: number; x2: number; mid: number };
/** A series' name and latest value, at its last point; `ly` is where the label goes. */
type EndLabel = { si: number; name: string; x: number; y: number; ly: number; text: string };

const width = 720;
const height = 340;
const margin = { top: 30, right: 170, bottom: 50, left: 60 };
const labelGap = 14;

/** Years in order (by number, then label), each year once, across every series. */
function yearAxis(series: LineChartInput['series']): string[] {
  const years = new Map<string, number>();
  for (const s of series) for (const p of s.points) years.set(p.yearLabel, p.yearNumber);
  return [...years]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([label]) => label);
}

/** Nudges end labels apart so none overlap (pixel positions, top to bottom). */
function spreadLabels(ys: number[], top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++)
    order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + labelGap);
  const overflow = (order[order.length - 1]?.y ?? 0) - bottom;
  if (overflow > 0) for (const o of order) o.y = Math.max(top, o.y - overflow);
  const out = new Array<number>(ys.length);
  for (const o of order) out[o.i] = o.y;
  return out;
}

/**
 * Values over the years, one line per series. Years where no series has a value (the COVID
 * years, for instance) are grey bands labelled "No data", and lines break there: a missing
 * value is never drawn as zero. The value axis comes from the data (not forced to zero).
 */
export function lineChart(input: LineChartInput): ChartSvg {
  const years = yearAxis(input.series);
  const rows = seriesRows(input.series, years);
  const present = rows.filter((r) => r.y !== null) as PresentRow[];
  const axis = valueDomain(present.map((r) => r.y));
  const lastX = years.length - 1;
  return renderChart(
    { width, height, margin },
    {
      x: yearScale(years),
      y: { ...valueScale(axis), label: input.yLabel, labelAnchor: 'top', labelArrow: 'none' },
      marks: [
        ...noDataMarks(noDataRuns(years, present), lastX, axis.domain),
        Plot.gridY(axis.ticks, { strokeOpacity: 0.15 }),
        ...input.series.flatMap((_, si) => seriesMarks(rows, si)),
        ...endLabelMarks(endLabels(input, present, axis.domain), lastX),
      ],
    },
    input,
  );
}

/**
 * The years as a linear scale of their places (0, 1, 2…) rather than as categories, so that a
 * "No data" band can run from half a year before its first year to half a year after its last.
 */
function yearScale(years: string[]): Plot.ScaleOptions {
  const lastX = years.length - 1;
  return {
    type: 'linear',
    domain: [-0.5, Math.max(0.5, lastX + 0.5)],
    ticks: years.map((_, i) => i),
    tickFormat: (i: number) => years[i] ?? '',
    tickRotate: years.length > 8 ? -35 : 0,
    label: null,
  };
}

/** Every series' points as rows, each year at its place on the year axis. */
function seriesRows(series: LineChartInput['series'], years: string[]): Row[] {
  const index = new Map(years.map((y, i) => [y, i]));
  return series.flatMap((s, si) =>
    s.points.map((p) => ({ series: si, x: index.get(p.yearLabel)!, y: p.value })),
  );
}

/** Runs of years where no series has a value: one "No data" band each. */
function noDataRuns(years: string[], present: PresentRow[]): Gap[] {
  const gaps: Gap[] = [];
  years.forEach((_, i) => {
    if (present.some((r) => r.x === i)) return;
    const run = gaps.at(-1);
    if (run && run.x2 === i - 0.5) {
      run.x2 = i + 0.5;
      run.mid = (run.x1 + run.x2) / 2;
    } else gaps.push({ x1: i - 0.5, x2: i + 0.5, mid: i });
  });
  return gaps;
}

/** The "No data" bands: grey from the bottom of the value axis to the top, labelled above. */
function noDataMarks(gaps: Gap[], lastX: number, domain: [number, number]): Plot.Markish[] {
  return [
    Plot.rectY(gaps, {
      x1: (d: Gap) => Math.max(-0.5, d.x1),
      x2: (d: Gap) => Math.min(lastX + 0.5, d.x2),
      y1: domain[0],
      y2: domain[1],
      fill: greyFill,
    }),
    Plot.text(gaps, {
      x: 'mid',
      y: domain[1],
      text: () => 'No data',
      dy: -8,
      fill: midGrey,
      fontSize: 11,
    }),
  ];
}

/**
 * One series' line, in its colour and dash, and its marker at each value. The line's null
 * values stay in its data: Plot breaks a line at a null, where a filtered line would join up.
 */
function seriesMarks(rows: Row[], si: number): Plot.Markish[] {
  const style = seriesStyle(si);
  const data = rows.filter((r) => r.series === si);
  return [
    Plot.lineY(data, {
      x: 'x',
      y: 'y',
      stroke: style.colour,
      strokeWidth: 2.5,
      strokeDasharray: dashArray(style),
    }),
    Plot.dot(
      data.filter((r) => r.y !== null),
      { x: 'x', y: 'y', fill: style.colour, symbol: style.symbol, r: 4 },
    ),
  ];
}

/**
 * Each series' name and latest value, to go right of the last year. Labels are spread apart in
 * pixels (where a label's height is known), then turned back into values for Plot's y scale.
 */
function endLabels(
  input: LineChartInput,
  present: PresentRow[],
  domain: [number, number],
): EndLabel[] {
  const plotHeight = height - margin.top - margin.bottom;
  const toPx = (v: number) => margin.top + ((domain[1] - v) / (domain[1] - domain[0])) * plotHeight;
  const fromPx = (py: number) =>
    domain[1] - ((py - margin.top) / plotHeight) * (domain[1] - domain[0]);
  const ends = input.series
    .map((s, si) => {
      const last = present.filter((r) => r.series === si).at(-1);
      return last ? { si, name: s.name, x: last.x, y: last.y } : undefined;
    })
    .filter((e) => e !== undefined);
  const spread = spreadLabels(
    ends.map((e) => toPx(e.y)),
    margin.top,
    height - margin.bottom,
  );
  return ends.map((e, k) => ({
    ...e,
    ly: fromPx(spread[k]!),
    text: `${e.name}: ${formatNumber(e.y, input.decimalPlaces)}`,
  }));
}

/** The end labels in their series' colours, each joined by a faint line to its last point. */
function endLabelMarks(labels: EndLabel[], lastX: number): Plot.Markish[] {
  return [
    Plot.link(labels, {
      x1: 'x',
      y1: 'y',
      x2: () => lastX,
      y2: 'ly',
      stroke: midGrey,
      strokeOpacity: 0.4,
    }),
    Plot.text(labels, {
      x: () => lastX,
      y: 'ly',
      text: 'text',
      dx: 10,
      textAnchor: 'start',
      fontSize: 12,
      fontWeight: 600,
      fill: (d: EndLabel) => seriesStyle(d.si).colour,
    }),
  ];
}
