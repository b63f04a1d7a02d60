import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../core/format.js';
import {
  finishSvg,
  midGrey,
  plot,
  seriesStyles,
  tickFormatter,
  valueDomain,
  type ChartSvg,
} from './svg.js';

export interface BarChartInput {
  title: string;
  description: string;
  decimalPlaces: number;
  /** One bar per row, in the order given. A null value shows "No data", never a zero bar. */
  bars: { label: string; value: number | null; highlight?: boolean }[];
  /** Vertical lines across the bars, e.g. England and the neighbours' average. */
  referenceLines?: { label: string; value: number }[];
}

const barHeight = 26;

/**
 * Horizontal bars, each labelled with its value. Bars start at zero (a bar's length is its
 * value). The highlighted bar is dark blue and marked "◀" by its value, not by colour alone.
 */
export function barChart(input: BarChartInput): ChartSvg {
  const refs = input.referenceLines ?? [];
  const values = [
    ...input.bars.map((b) => b.value).filter((v) => v !== null),
    ...refs.map((r) => r.value),
  ];
  const { domain, ticks, step } = valueDomain(values, { includeZero: true });
  const labels = input.bars.map((b) => b.label);
  const labelWidth = Math.min(260, 20 + 7 * Math.max(8, ...labels.map((l) => l.length)));
  const marginTop = 20 + 16 * refs.length;
  const height = marginTop + 40 + barHeight * input.bars.length;
  const rows = input.bars.map((b) => ({
    ...b,
    text:
      b.value === null
        ? 'No data'
        : `${formatNumber(b.value, input.decimalPlaces)}${b.highlight ? ' ◀' : ''}`,
  }));
  const marks: Plot.Markish[] = [
    Plot.gridX(ticks, { strokeOpacity: 0.15 }),
    Plot.barX(
      rows.filter((r) => r.value !== null),
      {
        y: 'label',
        x: 'value',
        fill: (d: (typeof rows)[number]) => (d.highlight ? '#1d70b8' : '#b1b4b6'),
        insetTop: 3,
        insetBottom: 3,
      },
    ),
    Plot.ruleX([domain[0] <= 0 && domain[1] >= 0 ? 0 : domain[0]]),
    ...[false, true].map((bold) =>
      Plot.text(
        rows.filter((r) => Boolean(r.highlight) === bold),
        {
          y: 'label',
          x: (d: (typeof rows)[number]) => (d.value === null ? 0 : Math.max(0, d.value)),
          text: 'text',
          textAnchor: 'start',
          dx: 4,
          fontWeight: bold ? 700 : 400,
          fill: (d: (typeof rows)[number]) => (d.value === null ? midGrey : '#0b0c0c'),
        },
      ),
    ),
  ];
  refs.forEach((ref, k) => {
    const style = seriesStyles[(k + 1) % seriesStyles.length]!;
    marks.push(
      Plot.ruleX([ref.value], {
        stroke: style.colour,
        strokeWidth: 2,
        strokeDasharray: style.dash === 'none' ? undefined : style.dash,
      }),
      Plot.text([ref.value], {
        x: (d: number) => d,
        frameAnchor: 'top',
        dy: -marginTop + 10 + 16 * k,
        text: () => `${ref.label}: ${formatNumber(ref.value, input.decimalPlaces)}`,
        fill: style.colour,
        fontWeight: 600,
      }),
    );
  });
  const svg = plot({
    width: 720,
    height,
    marginTop,
    marginLeft: labelWidth,
    marginRight: 70,
    marginBottom: 40,
    x: { domain, ticks, tickFormat: tickFormatter(step), label: null },
    y: { domain: labels, label: null, tickSize: 0 },
    marks,
  });
  svg.setAttribute('font-size', '12');
  return finishSvg(svg, input);
}
