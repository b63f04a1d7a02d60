import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../core/format.js';
import {
  gapRuns,
  yearAxis,
  yearScale,
  yearsWithoutFigures,
  type AxisYear,
  type Gap,
} from './line-chart-axes.js';
import { renderWithLegend, type LegendItem } from './line-chart-legend.js';
import {
  dashArray,
  greyFill,
  labelledRuleX,
  midGrey,
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

export interface LineSeries {
  name: string;
  points: LinePoint[];
  /**
   * A projection of the series at this index (a fitted trend): drawn in that series' colour,
   * thinner and in long dashes, without markers; it never fills a "No data" year.
   */
  projects?: number;
}

export interface LineChartInput {
  title: string;
  /** What the chart shows, in words (the SVG's `<desc>`). */
  description: string;
  yLabel: string;
  decimalPlaces: number;
  /**
   * Up to six series, and projections of them; each series gets its own colour, dash and marker,
   * a label at its last point and a line in the legend.
   */
  series: LineSeries[];
  /** A year marked by a vertical line, labelled at the top ("Target year"); on the axis even without figures. */
  marker?: AxisYear & { label: string };
}

/** A series' value in a year; `x` is the year's place on the axis, to scale. */
type Row = { series: number; x: number; y: number | null };
type PresentRow = Row & { y: number };
/** A series' name and latest value, at its last point; `ly` is where the label goes. */
type EndLabel = { colour: string; x: number; y: number; ly: number; text: string };
type Style = { colour: string; dash: string | undefined; width: number; symbol: string | null };

const width = 720;
const height = 340;
const margin = { top: 30, right: 170, bottom: 50, left: 60 };
const labelGap = 14;
const projectionDash = '12,5';

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

/** A series' look: its own style, or (a projection) its series' colour, thinner, long dashes, no markers. */
function styleOf(series: LineSeries[], si: number): Style {
  const of = series[si]!.projects;
  if (of !== undefined)
    return { ...styleOf(series, of), dash: projectionDash, width: 1.5, symbol: null };
  const style = seriesStyle(si);
  return { colour: style.colour, dash: dashArray(style), width: 2.5, symbol: style.symbol };
}

/**
 * Values over the years, one line per series, the years to scale. Years where no series has a
 * value (the COVID years, for instance, listed with nulls or not at all) are grey bands labelled
 * "No data", and lines break there: a missing value is never drawn as zero, nor bridged. The
 * value axis comes from the data (not forced to zero). A legend under the axis names each line.
 */
export function lineChart(input: LineChartInput): ChartSvg {
  const measured = input.series.filter((s) => s.projects === undefined);
  const allPoints = input.series.flatMap((s) => s.points);
  const axis = yearAxis([...allPoints, ...(input.marker ? [input.marker] : [])]);
  const gapYears = yearsWithoutFigures(
    measured.flatMap((s) => s.points.map((p) => p.yearNumber)),
    measured.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => p.yearNumber)),
  );
  const rows = seriesRows(input.series, axis.xOf, gapYears);
  const present = rows.filter((r) => r.y !== null) as PresentRow[];
  const values = valueDomain(present.map((r) => r.y));
  const lastX = Math.max(...axis.ticks);
  // A line with no value is not drawn, so it is not in the legend either.
  const legend: LegendItem[] = input.series
    .map((s, si) => ({ name: s.name, ...styleOf(input.series, si), si }))
    .filter((l) => present.some((r) => r.series === l.si));
  return renderWithLegend(
    { width, height, margin },
    {
      x: yearScale(axis),
      y: { ...valueScale(values), label: input.yLabel, labelAnchor: 'top', labelArrow: 'none' },
      marks: [
        ...noDataMarks(gapRuns(gapYears), values.domain),
        Plot.gridY(values.ticks, { strokeOpacity: 0.15 }),
        ...(input.marker ? markerMarks(input.marker, axis.xOf(input.marker.yearLabel)) : []),
        ...input.series.flatMap((_, si) => seriesMarks(rows, si, styleOf(input.series, si))),
        ...endLabelMarks(endLabels(input, present, values.domain), lastX),
      ],
    },
    input,
    legend,
  );
}

/**
 * Every series' points as rows, in year order, each at its place on the axis; a measured
 * series gets a null in each year without figures, so its line breaks there.
 */
function seriesRows(
  series: LineSeries[],
  xOf: (label: string) => number,
  gapYears: number[],
): Row[] {
  return series.flatMap((s, si) => {
    const rows: Row[] = s.points.map((p) => ({ series: si, x: xOf(p.yearLabel), y: p.value }));
    if (s.projects === undefined) for (const x of gapYears) rows.push({ series: si, x, y: null });
    return rows.sort((a, b) => a.x - b.x);
  });
}

/** The "No data" bands: grey from the bottom of the value axis to the top, labelled above. */
function noDataMarks(gaps: Gap[], domain: [number, number]): Plot.Markish[] {
  return [
    Plot.rectY(gaps, { x1: 'x1', x2: 'x2', y1: domain[0], y2: domain[1], fill: greyFill }),
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

/** The marked year: a dark vertical line, its label in the top margin. */
function markerMarks(marker: NonNullable<LineChartInput['marker']>, x: number): Plot.Markish[] {
  return labelledRuleX(
    x,
    { stroke: '#0b0c0c', strokeWidth: 1.5, strokeDasharray: '3,3' },
    { text: marker.label, dy: -18, fontSize: 12, fontWeight: 600, fill: '#0b0c0c' },
  );
}

/**
 * One series' line, in its colour and dash, and its marker at each value. The line's null
 * values stay in its data: Plot breaks a line at a null, where a filtered line would join up.
 */
function seriesMarks(rows: Row[], si: number, style: Style): Plot.Markish[] {
  const data = rows.filter((r) => r.series === si);
  return [
    Plot.lineY(data, {
      x: 'x',
      y: 'y',
      stroke: style.colour,
      strokeWidth: style.width,
      strokeDasharray: style.dash,
    }),
    ...(style.symbol === null
      ? []
      : [
          Plot.dot(
            data.filter((r) => r.y !== null),
            { x: 'x', y: 'y', fill: style.colour, symbol: style.symbol, r: 4 },
          ),
        ]),
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
      const colour = styleOf(input.series, si).colour;
      return last ? { colour, name: s.name, x: last.x, y: last.y } : undefined;
    })
    .filter((e) => e !== undefined);
  const spread = spreadLabels(
    ends.map((e) => toPx(e.y)),
    margin.top,
    height - margin.bottom,
  );
  return ends.map(({ name, ...e }, k) => ({
    ...e,
    ly: fromPx(spread[k]!),
    text: `${name}: ${formatNumber(e.y, input.decimalPlaces)}`,
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
      fill: (d: EndLabel) => d.colour,
    }),
  ];
}
