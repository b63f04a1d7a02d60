/**
 * The line chart's legend, under its year axis: each series' name beside a sample of its line,
 * in its colour, width and dash, so the lines can be told apart without colour. Built through
 * the DOM (names are text nodes), then the chart is finished as every chart is (svg.ts).
 */
import type * as Plot from '@observablehq/plot';
import { finishSvg, plot, type ChartFrame, type ChartSvg } from './svg.js';

export interface LegendItem {
  name: string;
  colour: string;
  width: number;
  /** Plot's strokeDasharray; undefined for a solid line. */
  dash: string | undefined;
}

const svgNs = 'http://www.w3.org/2000/svg';
const rowHeight = 20;
const sampleWidth = 32;
/** Room under the plot area for the year labels (slanted when there are many). */
const axisRoom = 50;

/** Names longer than this get two columns rather than three. */
const longName = 26;

function columnsFor(items: LegendItem[]): number {
  return items.some((i) => i.name.length > longName) ? 2 : 3;
}

/** The height the legend adds to a chart. */
export function legendHeight(items: LegendItem[]): number {
  return items.length === 0 ? 0 : Math.ceil(items.length / columnsFor(items)) * rowHeight + 10;
}

function element(svg: SVGSVGElement, name: string, attributes: Record<string, string | number>) {
  const el = svg.ownerDocument.createElementNS(svgNs, name);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
  return el;
}

/** The legend's rows from `top` (pixels), left-aligned with the plot area. */
function appendLegend(svg: SVGSVGElement, items: LegendItem[], frame: ChartFrame, top: number) {
  const columns = columnsFor(items);
  const left = frame.margin.left;
  const columnWidth = (frame.width - left - 10) / columns;
  const g = element(svg, 'g', { 'font-size': 12, fill: '#0b0c0c' });
  items.forEach((item, i) => {
    const x = left + (i % columns) * columnWidth;
    const y = top + Math.floor(i / columns) * rowHeight + rowHeight / 2;
    g.append(
      element(svg, 'line', {
        x1: x,
        x2: x + sampleWidth,
        y1: y,
        y2: y,
        stroke: item.colour,
        'stroke-width': item.width,
        ...(item.dash ? { 'stroke-dasharray': item.dash } : {}),
      }),
    );
    const text = element(svg, 'text', {
      x: x + sampleWidth + 6,
      y,
      dy: '0.32em',
      'text-anchor': 'start',
    });
    text.textContent = item.name;
    g.append(text);
  });
  svg.append(g);
}

/**
 * Draws the chart with its legend: the frame's plot area as given, the legend in extra room
 * below it, then `finishSvg` for the title, the description and the accessibility fixes.
 */
export function renderWithLegend(
  frame: ChartFrame,
  options: Omit<Plot.PlotOptions, 'width' | 'height' | 'margin'>,
  meta: { title: string; description: string },
  items: LegendItem[],
): ChartSvg {
  const extra = legendHeight(items);
  const { width, height, margin } = frame;
  const svg = plot({
    width,
    height: height + extra,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom + extra,
    marginLeft: margin.left,
    ...options,
  });
  svg.setAttribute('font-size', '12');
  if (items.length) appendLegend(svg, items, frame, height - margin.bottom + axisRoom);
  return finishSvg(svg, meta);
}
