import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../core/format.js';
import {
  dashArray,
  labelledRuleX,
  midGrey,
  renderChart,
  seriesStyle,
  valueDomain,
  valueScale,
  type ChartFrame,
  type ChartSvg,
  type ValueAxis,
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

type ReferenceLine = NonNullable<BarChartInput['referenceLines']>[number];

/** A bar and the text written beside it. */
type BarRow = BarChartInput['bars'][number] & { text: string };

const barHeight = 26;

/**
 * Horizontal bars, each labelled with its value. Bars start at zero (a bar's length is its
 * value). The highlighted bar is dark blue and marked "◀" by its value, not by colour alone.
 */
export function barChart(input: BarChartInput): ChartSvg {
  const refs = input.referenceLines ?? [];
  const axis = valueDomain(
    [...input.bars.map((b) => b.value).filter((v) => v !== null), ...refs.map((r) => r.value)],
    { includeZero: true },
  );
  const labels = input.bars.map((b) => b.label);
  const frame = barFrame(labels, refs.length);
  const rows = barRows(input);
  return renderChart(
    frame,
    {
      x: valueScale(axis),
      y: { domain: labels, label: null, tickSize: 0 },
      marks: [
        ...barMarks(rows, axis),
        ...valueTextMarks(rows),
        ...referenceLineMarks(refs, frame.margin.top, input.decimalPlaces),
      ],
    },
    input,
  );
}

/** Room on the left for the longest bar label, and at the top for one row per reference line. */
function barFrame(labels: string[], referenceLines: number): ChartFrame {
  const labelWidth = Math.min(260, 20 + 7 * Math.max(8, ...labels.map((l) => l.length)));
  const margin = { top: 20 + 16 * referenceLines, right: 70, bottom: 40, left: labelWidth };
  return {
    width: 720,
    height: margin.top + margin.bottom + barHeight * labels.length,
    margin,
  };
}

/** Each bar with its text: the value (and "◀" on the highlighted bar), or "No data". */
function barRows(input: BarChartInput): BarRow[] {
  return input.bars.map((b) => ({
    ...b,
    text:
      b.value === null
        ? 'No data'
        : `${formatNumber(b.value, input.decimalPlaces)}${b.highlight ? ' ◀' : ''}`,
  }));
}

/** Grid lines, the bars (none where there is no value) and the zero line they start from. */
function barMarks(rows: BarRow[], { domain, ticks }: ValueAxis): Plot.Markish[] {
  return [
    Plot.gridX(ticks, { strokeOpacity: 0.15 }),
    Plot.barX(
      rows.filter((r) => r.value !== null),
      {
        y: 'label',
        x: 'value',
        fill: (d: BarRow) => (d.highlight ? '#1d70b8' : '#b1b4b6'),
        insetTop: 3,
        insetBottom: 3,
      },
    ),
    Plot.ruleX([domain[0] <= 0 && domain[1] >= 0 ? 0 : domain[0]]),
  ];
}

/**
 * The text beside each bar, from zero for a negative or missing value. One mark for plain text
 * and one for the highlighted bar's bold text: Plot's font weight is one constant per mark.
 */
function valueTextMarks(rows: BarRow[]): Plot.Markish[] {
  return [false, true].map((bold) =>
    Plot.text(
      rows.filter((r) => Boolean(r.highlight) === bold),
      {
        y: 'label',
        x: (d: BarRow) => (d.value === null ? 0 : Math.max(0, d.value)),
        text: 'text',
        textAnchor: 'start',
        dx: 4,
        fontWeight: bold ? 700 : 400,
        fill: (d: BarRow) => (d.value === null ? midGrey : '#0b0c0c'),
      },
    ),
  );
}

/**
 * One line per reference, labelled in its own row of the top margin. Styles start at the
 * second series style: the first is the highlighted bar's blue.
 */
function referenceLineMarks(
  refs: ReferenceLine[],
  marginTop: number,
  decimalPlaces: number,
): Plot.Markish[] {
  return refs.flatMap((ref, k) => {
    const style = seriesStyle(k + 1);
    return labelledRuleX(
      ref.value,
      { stroke: style.colour, strokeWidth: 2, strokeDasharray: dashArray(style) },
      {
        dy: -marginTop + 10 + 16 * k,
        text: `${ref.label}: ${formatNumber(ref.value, decimalPlaces)}`,
        fill: style.colour,
        fontWeight: 600,
      },
    );
  });
}
