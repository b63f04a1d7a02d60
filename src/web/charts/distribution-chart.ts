import * as Plot from '@observablehq/plot';
import type { QuartileBand } from '../../benchmarks/benchmark.js';
import { formatNumber } from '../../core/format.js';
import { finishSvg, midGrey, plot, tickFormatter, valueDomain, type ChartSvg } from './svg.js';

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

const width = 720;
const radius = 4;
const rowHeight = 16;
const margin = { top: 4 * rowHeight + 12, right: 30, bottom: 40, left: 30 };

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
  const dots = input.values.filter((v) => v.value !== null) as {
    label: string;
    value: number;
    highlight?: boolean;
  }[];
  const cut = input.cutPoints;
  const { domain, ticks, step } = valueDomain([
    ...dots.map((d) => d.value),
    ...(cut ? [cut.q25, cut.q75] : []),
  ]);
  const pile = tallestPile(
    dots.map((d) => d.value),
    domain,
  );
  const height = margin.top + margin.bottom + Math.max(100, pile * 2 * radius + 24);
  const marks: Plot.Markish[] = [];

  if (cut && input.polarity) {
    const edges = [domain[0], cut.q25, cut.q50, cut.q75, domain[1]];
    const regions = bandsLowToHigh(input.polarity).map((band, k) => ({
      band,
      x1: edges[k]!,
      x2: edges[k + 1]!,
      fill: k % 2 === 0 ? '#f3f2f1' : '#ffffff',
    }));
    marks.push(
      Plot.rectX(regions, { x1: 'x1', x2: 'x2', fill: 'fill' }),
      Plot.text(
        regions.filter((r) => r.x2 > r.x1),
        {
          x: (r: (typeof regions)[number]) => (r.x1 + r.x2) / 2,
          frameAnchor: 'top',
          dy: -margin.top + rowHeight / 2 + 4,
          text: (r: (typeof regions)[number]) =>
            (r.x2 - r.x1) * pxPerUnit(domain) < 60 ? r.band : `Band ${r.band}`,
          fontWeight: 700,
          fontSize: 13,
        },
      ),
    );
    const lines = [
      { q: '25%', value: cut.q25, row: 1, anchor: 'end' as const, dx: -4 },
      { q: '50%', value: cut.q50, row: 2, anchor: 'middle' as const, dx: 0 },
      { q: '75%', value: cut.q75, row: 1, anchor: 'start' as const, dx: 4 },
    ];
    for (const l of lines) {
      marks.push(
        Plot.ruleX([l.value], { stroke: midGrey, strokeWidth: 1.5, strokeDasharray: '4,3' }),
        Plot.text([l.value], {
          x: (d: number) => d,
          frameAnchor: 'top',
          dy: -margin.top + rowHeight * (l.row + 0.5) + 4,
          dx: l.dx,
          textAnchor: l.anchor,
          text: () => `${l.q} cut point: ${formatNumber(l.value, dp)}`,
          fill: midGrey,
        }),
      );
    }
  }
  marks.push(
    Plot.dotX(
      dots,
      Plot.dodgeY('middle', {
        x: 'value',
        r: (d: (typeof dots)[number]) => (d.highlight ? radius + 2 : radius),
        fill: (d: (typeof dots)[number]) => (d.highlight ? '#0b0c0c' : '#1d70b8'),
        fillOpacity: (d: (typeof dots)[number]) => (d.highlight ? 1 : 0.7),
        stroke: (d: (typeof dots)[number]) => (d.highlight ? '#ffdd00' : 'none'),
        strokeWidth: 2,
        sort: (d: (typeof dots)[number]) => (d.highlight ? 1 : 0),
      }),
    ),
  );
  const chosen = dots.filter((d) => d.highlight);
  marks.push(
    Plot.ruleX(chosen, { x: 'value', stroke: '#0b0c0c', strokeWidth: 1 }),
    Plot.text(chosen, {
      x: 'value',
      frameAnchor: 'top',
      dy: -margin.top + rowHeight * 3.5 + 4,
      text: (d: (typeof dots)[number]) => `◆ ${d.label}: ${formatNumber(d.value, dp)}`,
      fontWeight: 700,
      textAnchor: 'middle',
    }),
  );
  const svg = plot({
    width,
    height,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    x: { domain, ticks, tickFormat: tickFormatter(step), label: null },
    marks,
  });
  svg.setAttribute('font-size', '12');
  return finishSvg(svg, input);
}
