/**
 * Shared plumbing for the server-rendered charts: a linkedom document for Observable Plot, the
 * accessibility fixes axe needs (STACK.md §5), nice ticks and en-GB tick labels.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { formatNumber } from '../../core/format.js';

export interface ChartSvg {
  /** SVG markup, safe to put in a page as it is (`| safe` in Nunjucks). */
  svg: string;
}

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** Series colours (GOV.UK palette), each with a dash pattern and a marker so colour is never the only cue. */
export const seriesStyles = [
  { colour: '#1d70b8', dash: 'none', symbol: 'circle' },
  { colour: '#d4351c', dash: '6,3', symbol: 'square' },
  { colour: '#00703c', dash: '2,3', symbol: 'triangle' },
  { colour: '#0b0c0c', dash: '10,3,2,3', symbol: 'diamond' },
  { colour: '#4c2c92', dash: '4,4', symbol: 'star' },
  { colour: '#b58840', dash: '1,2', symbol: 'cross' },
] as const;

/** The `k`th series style, round again after the sixth. */
export function seriesStyle(k: number): (typeof seriesStyles)[number] {
  return seriesStyles[k % seriesStyles.length]!;
}

/** A style's dash as Plot's `strokeDasharray` (none for a solid line). */
export function dashArray(style: (typeof seriesStyles)[number]): string | undefined {
  return style.dash === 'none' ? undefined : style.dash;
}

export const greyFill = '#f3f2f1';
export const midGrey = '#505a5f';

/** Plot with our document; returns the root `<svg>` element. */
export function plot(options: Plot.PlotOptions): SVGSVGElement {
  return Plot.plot({
    ...options,
    document: document as unknown as Document,
  }) as SVGSVGElement;
}

/** A chart's size in pixels; `margin` holds the room for axes and labels outside the plot area. */
export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/**
 * Draws a labelled chart (not a sparkline) in its frame: 12px text rather than Plot's 10px, then
 * `finishSvg` for the title, description and the accessibility fixes.
 */
export function renderChart(
  frame: ChartFrame,
  options: Omit<Plot.PlotOptions, 'width' | 'height' | 'margin'>,
  meta: { title: string; description: string },
): ChartSvg {
  const { width, height, margin } = frame;
  const svg = plot({
    width,
    height,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    ...options,
  });
  svg.setAttribute('font-size', '12');
  return finishSvg(svg, meta);
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

const svgNs = 'http://www.w3.org/2000/svg';

/** An SVG element holding `text` as text: the DOM escapes it, whatever characters it has. */
function textElement(name: 'title' | 'desc', text: string): Element {
  const el = document.createElementNS(svgNs, name);
  el.textContent = text;
  return el;
}

/**
 * Makes Plot's SVG accessible and CSP-safe: `role="img"`, a `<title>` and a `<desc>` linked by
 * `aria-labelledby` and `aria-describedby`; drops Plot's `aria-label`s on `<g>`
 * (prohibited on elements with no role: axe `aria-prohibited-attr`) and its inline `<style>`
 * (the CSP forbids inline styles; lantern.css sizes `.lantern-chart svg`). Every text goes in
 * through the DOM as a text node and the markup comes out of it (outerHTML), never by pasting
 * strings, so a title with ">" or "<script>" stays text (test/web/hostile-text.test.ts); no
 * attribute holds a text (the name is the title's, by id), only ids, numbers and colours.
 */
export function finishSvg(
  svg: SVGSVGElement,
  meta: { title: string; description: string; hidden?: boolean },
): ChartSvg {
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  svg.removeAttribute('class');
  for (const el of Array.from(svg.querySelectorAll('[aria-label]')))
    el.removeAttribute('aria-label');
  for (const el of Array.from(svg.querySelectorAll('[aria-description]')))
    el.removeAttribute('aria-description');
  svg.setAttribute('class', 'lantern-chart__svg');
  if (meta.hidden) {
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    return { svg: svg.outerHTML };
  }
  const id = `chart-${hash(`${meta.title}\n${meta.description}`)}`;
  const title = textElement('title', meta.title);
  const desc = textElement('desc', meta.description);
  title.setAttribute('id', `${id}-title`);
  desc.setAttribute('id', `${id}-desc`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title`);
  svg.setAttribute('aria-describedby', `${id}-desc`);
  svg.prepend(title, desc);
  return { svg: svg.outerHTML };
}

/**
 * A vertical line at `value` and its label, placed from the top of the chart (`frameAnchor:
 * 'top'`; a negative `dy` lifts it into the top margin, clear of the data).
 */
export function labelledRuleX(
  value: number,
  rule: Plot.RuleXOptions,
  label: Omit<Plot.TextOptions, 'text'> & { text: string },
): Plot.Markish[] {
  const { text, ...options } = label;
  return [
    Plot.ruleX([value], rule),
    Plot.text([value], { x: (d: number) => d, frameAnchor: 'top', ...options, text: () => text }),
  ];
}

/** A 1-2-5 step giving about `count` intervals over [lo, hi]. */
export function niceStep(lo: number, hi: number, count = 5): number {
  const span = Math.abs(hi - lo) || Math.abs(hi) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** A value axis: its domain, its tick values and the step between them. */
export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
  step: number;
}

/**
 * A value axis from the data, not forced to zero: the data's range padded by one nice step
 * each side (LAIT pads by a step too, but always includes 0, which flattens 50–80% data).
 */
export function valueDomain(values: number[], options: { includeZero?: boolean } = {}): ValueAxis {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (options.includeZero) [lo, hi] = [Math.min(0, lo), Math.max(0, hi)];
  if (lo === hi) [lo, hi] = [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1];
  const step = niceStep(lo, hi);
  let start = Math.floor(lo / step) * step;
  let end = Math.ceil(hi / step) * step;
  if (start === lo && !(options.includeZero && lo === 0)) start -= step;
  if (end === hi && !(options.includeZero && hi === 0)) end += step;
  // Never cross zero just for padding (a percentage axis starting at -5 misleads too).
  if (lo >= 0 && start < 0) start = 0;
  if (hi <= 0 && end > 0) end = 0;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return { domain: [start, end], ticks, step };
}

/** Decimal places a tick step needs ("0.5" → 1). */
export function stepDecimals(step: number): number {
  return Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
}

/** Tick labels through core/format.ts. */
export function tickFormatter(step: number): (d: number) => string {
  const dp = stepDecimals(step);
  return (d) => formatNumber(d, dp);
}

/** The value axis's scale options (no axis title), from `valueDomain`'s result. */
export function valueScale(axis: ValueAxis): Plot.ScaleOptions {
  return {
    domain: axis.domain,
    ticks: axis.ticks,
    tickFormat: tickFormatter(axis.step),
    label: null,
  };
}
