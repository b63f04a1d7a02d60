import * as Plot from '@observablehq/plot';
import { finishSvg, plot, type ChartSvg } from './svg.js';
import type { LinePoint } from './line-chart.js';

/**
 * A tiny trend line for a table row: hidden from assistive technology (the row holds the
 * figures). Missing years break the line; the latest point is marked.
 */
export function sparkline(points: LinePoint[]): ChartSvg {
  const rows = points.map((p, x) => ({ x, y: p.value }));
  const present = rows.filter((r) => r.y !== null) as { x: number; y: number }[];
  const last = present.at(-1);
  const ys = present.map((r) => r.y);
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  const svg = plot({
    width: 90,
    height: 24,
    margin: 3,
    axis: null,
    x: { domain: [0, Math.max(1, rows.length - 1)] },
    y: { domain: present.length ? [lo - pad, hi + pad] : [0, 1] },
    marks: [
      Plot.lineY(rows, { x: 'x', y: 'y', stroke: '#1d70b8', strokeWidth: 1.5 }),
      Plot.dot(last ? [last] : [], { x: 'x', y: 'y', fill: '#0b0c0c', r: 2 }),
    ],
  });
  return finishSvg(svg, { title: '', description: '', hidden: true });
}
