import type { LinePoint } from './line-chart.js';

/** The box every sparkline is drawn in, in CSS pixels (lantern.css `.lantern-sparkline`). */
export const sparklineBox = { width: 90, height: 24 } as const;
const margin = 3;

/**
 * A tiny trend line for a scorecard row, written by hand rather than by Plot: a scorecard has
 * ~430 of them, so each is one SVG path in whole pixels of a 90 × 24 box (~40 bytes). The page
 * does not carry them: public/sparklines.mjs fetches an LA's paths as one cached JSON answer and
 * draws each beside its value, with a dot on the latest point (progressive enhancement, hidden
 * from assistive technology: the row holds the figures, the LA-measure page every year). That
 * keeps the every-topic scorecard under 200 KB (ADR 0008). Missing years break the line; the
 * y axis is the values' range padded by a tenth. Null when fewer than two years have a value.
 */
export function sparklinePath(points: LinePoint[]): string | null {
  const ys = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (ys.length < 2) return null;
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  const [bottom, top] = [lo - pad, hi + pad];
  const { width, height } = sparklineBox;
  const step = (width - 2 * margin) / Math.max(1, points.length - 1);
  const at = (i: number, v: number) =>
    [
      Math.round(margin + i * step),
      Math.round(height - margin - ((v - bottom) / (top - bottom)) * (height - 2 * margin)),
    ].join(' ');
  let d = '';
  let drawing = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      drawing = false;
      return;
    }
    d += drawing ? ` ${at(i, p.value)}` : `M${at(i, p.value)}`;
    drawing = true;
  });
  return d;
}
