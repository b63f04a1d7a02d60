import type { ChartSvg } from './svg.js';
import type { LinePoint } from './line-chart.js';

const width = 90;
const height = 24;
const margin = 3;

/**
 * A tiny trend line for a table row, written by hand rather than by Plot: a scorecard has ~430
 * of them, so each is one `<path>` in whole pixels of a 90 × 24 box and the latest point a
 * `<circle>`, ~150 bytes, coloured and sized by lantern.css (`.lantern-sparkline`). Hidden from
 * assistive technology: the row holds the figures, the LA-measure page every year. Missing
 * years break the line; the y axis is the values' range padded by a tenth, as before.
 */
export function sparkline(points: LinePoint[]): ChartSvg {
  const ys = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  const [bottom, top] = [lo - pad, hi + pad];
  const step = (width - 2 * margin) / Math.max(1, points.length - 1);
  const at = (i: number, v: number) =>
    [
      Math.round(margin + i * step),
      Math.round(height - margin - ((v - bottom) / (top - bottom)) * (height - 2 * margin)),
    ].join(' ');
  let d = '';
  let last = '';
  let drawing = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      drawing = false;
      return;
    }
    last = at(i, p.value);
    d += drawing ? ` ${last}` : `M${last}`;
    drawing = true;
  });
  const [cx, cy] = last.split(' ');
  const path = d ? `<path d="${d}"/>` : '';
  const dot = last ? `<circle cx="${cx}" cy="${cy}" r="2"/>` : '';
  return { svg: `<svg aria-hidden="true" viewBox="0 0 ${width} ${height}">${path}${dot}</svg>` };
}
