/**
 * Server-rendered SVG charts (Observable Plot on linkedom). Each returns `{ svg }`: markup with
 * `role="img"`, a `<title>` and a `<desc>` (named and described by id), safe for the page's CSP (no inline
 * styles). Put it in `partials/chart.njk` with its data table. Deterministic: the same input
 * gives the same markup, so render once per cached view. The sparkline is the exception: a path
 * of a few hand-written bytes per scorecard row, drawn in the browser (sparkline.ts).
 */
export { barChart, type BarChartInput } from './bar-chart.js';
export { distributionChart, type DistributionChartInput } from './distribution-chart.js';
export { lineChart, type LineChartInput, type LinePoint, type LineSeries } from './line-chart.js';
export { sparklineBox, sparklinePath } from './sparkline.js';
export type { ChartSvg } from './svg.js';
