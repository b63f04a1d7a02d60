import * as Plot from '@observablehq/plot';
import type { QuartileBand } from '../../benchmarks/benchmark.js';
import { formatNumber } from '../../core/format.js';
import {
  greyFill,
  labelledRuleX,
  midGrey,
  renderChart,
  valueDomain,
  valueScale,
  type ChartSvg,
} from './svg.js';

export interface DistributionChartInput {
  title: string;
  description: string;
  decimalPlaces: number;
  /** Every LA's value; LAs with no value are left out. */
  values: { label: string; value: number | null; highlight?: boolean }[];
  /** The 25%, 50% and 75% cut points; null when no bands apply (no polarity or "no quartile"). */
  cutPoints: { q25: number; q50: number; q75: number } | null;
  polarity: 'high' | 'low' | null;
}

/** An LA with a value: one dot. */
type Dot = { label: string; value: number; highlight?: boolean };
type CutPoints = NonNullable<DistributionChartInput['cutPoints']>;

const width = 720;
const radius = 4;
const rowHeight = 16;
/**
 * The top margin holds four rows of text: the band letters, the 25% and 75% cut points, the
 * 50% cut point and the chosen LA.
 */
const margin = { top: 4 * rowHeight + 12, right: 30, bottom: 40, left: 30 };

/** `dy` for text in row `row` (0 to 3) of the top margin. */
const topRow = (row: number) => -margin.top + rowHeight * (row + 0.5) + 4;

/** Band letters from the lowest values up: D C B A for "higher is better", A B C D for "lower". */
function bandsLowToHigh(polarity: 'high' | 'low'): QuartileBand[] {
  return polarity === 'high' ? ['D', 'C', 'B', 'A'] : ['A', 'B', 'C', 'D'];
}

const pxPerUnit = (domain: [number, number]) =>
  (width - margin.left - margin.right) / (domain[1] - domain[0]);

/** Tallest pile of dots (values closer than a dot's width), to size the chart. */
function tallestPile(values: number[], domain: [number, number]): number {
  const piles = new Map<number, number>();
  for (const v of values) {
    const bin = Math.floor(((v - domain[0]) * pxPerUnit(domain)) / (2 * radius));
    piles.set(bin, (piles.get(bin) ?? 0) + 1);
  }
  return Math.max(1, ...piles.values());
}

/**
 * Every LA as a dot along the value axis (piled where values are close), the quartile cut
 * points drawn and labelled, the band regions lettered A–D and the chosen LA marked and
 * named: where the quartile boundaries fall and where an LA sits.
 */
export function distributionChart(input: DistributionChartInput): ChartSvg {
  const dp = input.decimalPlaces;
  const dots = input.values.filter((v) => v.value !== null) as Dot[];
  const cut = input.cutPoints;
  const axis = valueDomain([...dots.map((d) => d.value), ...(cut ? [cut.q25, cut.q75] : [])]);
  const pile = tallestPile(
    dots.map((d) => d.value),
    axis.domain,
  );
  const height = margin.top + margin.bottom + Math.max(100, pile * 2 * radius + 24);
  const bands =
    cut && input.polarity
      ? [...bandMarks(cut, input.polarity, axis.domain), ...cutPointMarks(cut, dp)]
      : [];
  return renderChart(
    { width, height, margin },
    { x: valueScale(axis), marks: [...bands, dotMarks(dots), ...chosenMarks(dots, dp)] },
    input,
  );
}

/** The four band regions, shaded in turn and lettered ("A" alone where "Band A" will not fit). */
function bandMarks(
  cut: CutPoints,
  polarity: 'high' | 'low',
  domain: [number, number],
): Plot.Markish[] {
  const edges = [domain[0], cut.q25, cut.q50, cut.q75, domain[1]];
  const regions = bandsLowToHigh(polarity).map((band, k) => ({
    band,
    x1: edges[k]!,
    x2: edges[k + 1]!,
    fill: k % 2 === 0 ? greyFill : '#ffffff',
  }));
  type Region = (typeof regions)[number];
  return [
    Plot.rectX(regions, { x1: 'x1', x2: 'x2', fill: 'fill' }),
    Plot.text(
      regions.filter((r) => r.x2 > r.x1),
      {
        x: (r: Region) => (r.x1 + r.x2) / 2,
        frameAnchor: 'top',
        dy: topRow(0),
        text: (r: Region) => ((r.x2 - r.x1) * pxPerUnit(domain) < 60 ? r.band : `Band ${r.band}`),
        fontWeight: 700,
        fontSize: 13,
      },
    ),
  ];
}

/**
 * The cut points as dashed lines. Their labels do not overlap: 25% to the left of its line and
 * 75% to the right, in one row; 50% centred on its line in the row below.
 */
function cutPointMarks(cut: CutPoints, dp: number): Plot.Markish[] {
  const lines = [
    { q: '25%', value: cut.q25, row: 1, anchor: 'end' as const, dx: -4 },
    { q: '50%', value: cut.q50, row: 2, anchor: 'middle' as const, dx: 0 },
    { q: '75%', value: cut.q75, row: 1, anchor: 'start' as const, dx: 4 },
  ];
  return lines.flatMap((l) =>
    labelledRuleX(
      l.value,
      { stroke: midGrey, strokeWidth: 1.5, strokeDasharray: '4,3' },
      {
        dy: topRow(l.row),
        dx: l.dx,
        textAnchor: l.anchor,
        text: `${l.q} cut point: ${formatNumber(l.value, dp)}`,
        fill: midGrey,
      },
    ),
  );
}

/**
 * The dots, piled up where values are close. The chosen LA's dot is larger, black with a
 * yellow ring, and sorted last so it is drawn on top.
 */
function dotMarks(dots: Dot[]): Plot.Markish {
  return Plot.dotX(
    dots,
    Plot.dodgeY('middle', {
      x: 'value',
      r: (d: Dot) => (d.highlight ? radius + 2 : radius),
      fill: (d: Dot) => (d.highlight ? '#0b0c0c' : '#1d70b8'),
      fillOpacity: (d: Dot) => (d.highlight ? 1 : 0.7),
      stroke: (d: Dot) => (d.highlight ? '#ffdd00' : 'none'),
      strokeWidth: 2,
      sort: (d: Dot) => (d.highlight ? 1 : 0),
    }),
  );
}

/** A line through the chosen LA's dot, and its name and value in the top margin's last row. */
function chosenMarks(dots: Dot[], dp: number): Plot.Markish[] {
  const chosen = dots.filter((d) => d.highlight);
  return [
    Plot.ruleX(chosen, { x: 'value', stroke: '#0b0c0c', strokeWidth: 1 }),
    Plot.text(chosen, {
      x: 'value',
      frameAnchor: 'top',
      dy: topRow(3),
      text: (d: Dot) => `◆ ${d.label}: ${formatNumber(d.value, dp)}`,
      fontWeight: 700,
      textAnchor: 'middle',
    }),
  ];
}
