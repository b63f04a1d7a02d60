import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../core/format.js';
import {
  finishSvg,
  greyFill,
  midGrey,
  plot,
  seriesStyles,
  tickFormatter,
  valueDomain,
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
  const index = new Map(years.map((y, i) => [y, i]));
  const rows = input.series.flatMap((s, si) =>
    s.points.map((p) => ({ series: si, x: index.get(p.yearLabel)!, y: p.value })),
  );
  const present = rows.filter((r) => r.y !== null) as { series: number; x: number; y: number }[];
  const { domain, ticks, step } = valueDomain(present.map((r) => r.y));
  // Runs of years where no series has a value: one "No data" band each.
  const gaps: { x1: number; x2: number; mid: number }[] = [];
  years.forEach((_, i) => {
    if (present.some((r) => r.x === i)) return;
    const run = gaps.at(-1);
    if (run && run.x2 === i - 0.5) {
      run.x2 = i + 0.5;
      run.mid = (run.x1 + run.x2) / 2;
    } else gaps.push({ x1: i - 0.5, x2: i + 0.5, mid: i });
  });

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
  const labels = ends.map((e, k) => ({
    ...e,
    ly: fromPx(spread[k]!),
    text: `${e.name}: ${formatNumber(e.y, input.decimalPlaces)}`,
  }));
  const lastX = years.length - 1;

  const marks: Plot.Markish[] = [
    Plot.rectY(gaps, {
      x1: (d: (typeof gaps)[number]) => Math.max(-0.5, d.x1),
      x2: (d: (typeof gaps)[number]) => Math.min(lastX + 0.5, d.x2),
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
    Plot.gridY(ticks, { strokeOpacity: 0.15 }),
  ];
  input.series.forEach((_, si) => {
    const style = seriesStyles[si % seriesStyles.length]!;
    const data = rows.filter((r) => r.series === si);
    marks.push(
      Plot.lineY(data, {
        x: 'x',
        y: 'y',
        stroke: style.colour,
        strokeWidth: 2.5,
        strokeDasharray: style.dash === 'none' ? undefined : style.dash,
      }),
      Plot.dot(
        data.filter((r) => r.y !== null),
        { x: 'x', y: 'y', fill: style.colour, symbol: style.symbol, r: 4 },
      ),
    );
  });
  marks.push(
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
      fill: (d: (typeof labels)[number]) => seriesStyles[d.si % seriesStyles.length]!.colour,
    }),
  );

  const svg = plot({
    width,
    height,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    x: {
      type: 'linear',
      domain: [-0.5, Math.max(0.5, lastX + 0.5)],
      ticks: years.map((_, i) => i),
      tickFormat: (i: number) => years[i] ?? '',
      tickRotate: years.length > 8 ? -35 : 0,
      label: null,
    },
    y: {
      domain,
      ticks,
      tickFormat: tickFormatter(step),
      label: input.yLabel,
      labelAnchor: 'top',
      labelArrow: 'none',
    },
    marks,
  });
  svg.setAttribute('font-size', '12');
  return finishSvg(svg, input);
}
