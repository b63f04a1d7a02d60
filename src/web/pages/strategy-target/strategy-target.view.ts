/**
 * One target's page: its figures year by year against the line it had to reach (the readings
 * the status engine judged it on), the comparators, and the trend forecast, as a chart and the
 * table behind it. Pure.
 */
import {
  lineChart,
  type LineChartInput,
  type LinePoint,
  type LineSeries,
} from '../../charts/index.js';
import { formatDate } from '../../../core/format.js';
import { recentTrend } from '../../../strategy/forecast.js';
import { targetStateNames } from '../../../strategy/labels.js';
import type { TargetForecast } from '../../../strategy/status-types.js';
import { yearNumberOf } from '../../../strategy/target-terms.js';
import type { JudgedTarget } from '../../../strategy/strategy.service.js';
import { valueCell } from '../../tables/cells.js';
import type { DataTable } from '../../tables/data-table.js';
import { isPercentage, judgedFigures } from '../../../strategy/series.js';
import { directionText, statusTag } from '../strategy/strategy.view.js';

/** What the page calls the LA and its region (the region's name, where it is known). */
export interface TargetNames {
  la: string;
  region: string;
}

type Year = JudgedTarget['years'][number];
type YearReading = JudgedTarget['readings'][number];

/** The target's figure is the LA's own value, so comparators sit on the same scale. */
const onValueScale = (t: JudgedTarget) => t.kind !== 'rank' && t.kind !== 'gap';

const figureName = (t: JudgedTarget, laName: string) =>
  t.kind === 'gap' ? 'Gap' : t.kind === 'rank' ? `${laName}: rank` : laName;

const decimalPlaces = (t: JudgedTarget) => (t.kind === 'rank' ? 0 : t.figures.decimalPlaces);

const fittedForecast = (t: JudgedTarget): TargetForecast | null =>
  t.forecast && !('refused' in t.forecast) ? t.forecast : null;

/** The comparators shown beside a target on the measure's own scale, in the table and the chart. */
function comparators(t: JudgedTarget, names: TargetNames) {
  if (!onValueScale(t)) return [];
  return [
    { name: 'England', short: 'England', value: (y?: Year) => y?.england ?? null },
    { name: names.region, short: names.region, value: (y?: Year) => y?.region ?? null },
    {
      name: 'Statistical neighbours',
      short: 'Neighbours',
      value: (y?: Year) => y?.neighbours ?? null,
    },
  ];
}

/** The trend the status engine fitted, in words (as the summary and the downloads give it). */
function trendText(t: JudgedTarget): string {
  const forecast = fittedForecast(t);
  if (!forecast) return t.forecast && 'refused' in t.forecast ? t.forecast.refused : '–';
  const reaches = forecast.reachesIn
    ? `Reaches the target in ${forecast.reachesIn}.`
    : 'Does not reach the target within 15 years.';
  return `Fitted to ${forecast.years.join(', ')}. ${reaches}`;
}

export function targetTable(t: JudgedTarget, names: TargetNames, fileName: string): DataTable {
  const dp = decimalPlaces(t);
  const byYear = new Map(t.years.map((y) => [y.yearLabel, y]));
  const others = comparators(t, names);
  return {
    id: 'figures',
    caption: 'Each year’s figure and the line to reach',
    fileName,
    columns: [
      { header: 'Year' },
      { header: figureName(t, names.la), numeric: true },
      { header: 'Line to reach', numeric: true },
      { header: 'Reached' },
      ...others.map((c) => ({ header: c.name, numeric: true })),
    ],
    rows: t.readings.map((r) => [
      { raw: r.yearLabel },
      valueCell(r.figure, dp),
      valueCell(r.line, dp),
      { raw: r.reached ? 'Yes' : 'No' },
      ...others.map((c) => valueCell(c.value(byYear.get(r.yearLabel)), dp)),
    ]),
    notes: [
      `Measure: ${t.measureEntry.name}${t.measure ? ` (${t.measure})` : ''}`,
      `Target: ${t.sentence}`,
      `Status: ${targetStateNames[t.status]}. ${t.reason}`,
      `Trend: ${trendText(t)}`,
      'Line to reach: what the figure had to reach that year. Values unrounded. How each target is judged: /methods#strategy-targets',
      `Source: ${t.source ?? 'none'}`,
    ],
  };
}

/** What the table shows, in a sentence above it (the caption stays short). */
export function tableIntro(t: JudgedTarget): string {
  const withOthers = onValueScale(t)
    ? ', with England, the region and the statistical neighbours for comparison'
    : '';
  return `Each year’s figure against the line the target sets for that year${withOthers}. “Reached” says whether the figure reached the line that year.`;
}

/** "2027" in the style of a label like `like`: "2026/27" after "2025/26", "2026-27" after "2025-26". */
function yearLabelLike(year: number, like: string): string {
  const m = /^\d{4}([/-])\d{2}$/.exec(like);
  return m ? `${year}${m[1]}${String((year + 1) % 100).padStart(2, '0')}` : String(year);
}

/** The series' years from the first reading to the last: years without figures are gaps. */
function chartYears(t: JudgedTarget): { yearLabel: string; yearNumber: number }[] {
  const first = t.readings[0]!.yearNumber;
  const last = t.readings.at(-1)!.yearNumber;
  const years = t.years.filter((y) => y.yearNumber >= first && y.yearNumber <= last);
  return years.length ? years : t.readings;
}

/**
 * The trend the status engine forecast on, drawn: the same least-squares fit (forecast.ts)
 * through the same years' readings, for the figure and for the line it has to reach (a margin
 * line is the one less the other), so the lines meet in the year the forecast says. A line that
 * the target fixes (a value, a trajectory, a rank, a gap) runs on as it is; a cut point or an
 * average runs on its own trend, as the forecast assumes.
 */
function trendSeries(t: JudgedTarget): LineSeries[] {
  const forecast = fittedForecast(t);
  const by = yearNumberOf(t.target.by);
  if (!forecast || by <= t.readings.at(-1)!.yearNumber) return [];
  const fitted = t.readings.filter((r) => forecast.years.includes(r.yearNumber));
  const figure = recentTrend(fitted.map((r) => ({ year: r.yearNumber, value: r.figure })));
  const line = recentTrend(fitted.map((r) => ({ year: r.yearNumber, value: r.line })));
  if ('refused' in figure || 'refused' in line) return [];
  const end = Math.max(by, forecast.reachesIn ?? by);
  const endLabel = end === by ? t.target.by : yearLabelLike(end, t.target.by);
  const fixed = t.kind !== 'band' && t.kind !== 'relative';
  const from = (r: YearReading) => ({ yearLabel: r.yearLabel, yearNumber: r.yearNumber });
  const along = (at: (year: number) => number, start: YearReading): LinePoint[] => [
    { ...from(start), value: at(start.yearNumber) },
    { yearLabel: endLabel, yearNumber: end, value: at(end) },
  ];
  return [
    { name: 'Trend', projects: 0, points: along(figure.trend.at, fitted[0]!) },
    {
      name: fixed ? 'Line ahead' : 'Line on its trend',
      projects: 1,
      points: along(line.trend.at, fixed ? fitted.at(-1)! : fitted[0]!),
    },
  ];
}

/** The chart's description: what it shows, the target year, where the trend meets the line. */
function chartDescription(t: JudgedTarget, names: TargetNames, trend: boolean): string {
  const forecast = fittedForecast(t);
  const first = t.readings[0]!.yearLabel;
  const last = t.readings.at(-1)!.yearLabel;
  const others = onValueScale(t)
    ? `, with England, ${names.region} and the statistical neighbours`
    : '';
  const reaches = !trend
    ? ''
    : forecast?.reachesIn
      ? ` The trend fitted to ${forecast.years[0]}–${forecast.years.at(-1)} meets the line in ${forecast.reachesIn}.`
      : ` The trend fitted to ${forecast!.years[0]}–${forecast!.years.at(-1)} does not meet the line within 15 years.`;
  return `Line chart of ${figureName(t, names.la)} from ${first} to ${last} against the line the target sets${others}. The target year, ${t.target.by}, is marked.${reaches} Years with no figures are shaded and marked "No data". The figures are in the table below.`;
}

/** The chart: the figure, the target's line, the comparators, the target year and the trend to it. */
export function targetChart(t: JudgedTarget, names: TargetNames) {
  const input = targetChartInput(t, names);
  return input && lineChart(input);
}

/** What the chart draws (undefined: no year has a reading). */
export function targetChartInput(t: JudgedTarget, names: TargetNames): LineChartInput | undefined {
  if (t.readings.length === 0) return undefined;
  const years = chartYears(t);
  const byLabel = new Map(t.readings.map((r) => [r.yearLabel, r]));
  const byYear = new Map(t.years.map((y) => [y.yearLabel, y]));
  const pts = (f: (r: YearReading | undefined, y: Year | undefined) => number | null) =>
    years.map((y) => ({
      ...y,
      value: f(byLabel.get(y.yearLabel), byYear.get(y.yearLabel)),
    }));
  const trend = trendSeries(t);
  const series: LineSeries[] = [
    { name: figureName(t, names.la), points: pts((r) => r?.figure ?? null) },
    { name: 'Target line', points: pts((r) => r?.line ?? null) },
    ...comparators(t, names).map((c) => ({ name: c.short, points: pts((_, y) => c.value(y)) })),
    ...trend,
  ];
  return {
    title: `${t.measureEntry.name}: ${t.sentence}`,
    description: chartDescription(t, names, trend.length > 0),
    yLabel:
      t.kind === 'rank'
        ? 'Rank (1 = best)'
        : t.kind === 'gap'
          ? `Gap (${isPercentage(t.figures) ? 'percentage points' : 'points'})`
          : (t.figures.unitLabel ?? 'Value'),
    decimalPlaces: decimalPlaces(t),
    series,
    marker: { yearLabel: t.target.by, yearNumber: yearNumberOf(t.target.by), label: 'Target year' },
  };
}

/** The summary list at the top of the page: the target, where it stands and why. */
export function targetSummary(t: JudgedTarget) {
  const f = judgedFigures(t);
  return [
    { key: { text: 'Target' }, value: { text: t.sentence } },
    { key: { text: 'Status' }, value: { html: statusTag(t) } },
    { key: { text: 'Why' }, value: { text: t.reason } },
    {
      key: { text: 'Direction of travel' },
      value: { text: directionText(t) },
    },
    {
      key: { text: 'Latest figure' },
      value: { text: `${f.latest}${t.latestYear ? ` (${t.latestYear})` : ''}` },
    },
    { key: { text: 'Still to go' }, value: { text: f.distance } },
    ...(t.whatItTakes
      ? [{ key: { text: 'What it would take' }, value: { text: t.whatItTakes } }]
      : []),
    { key: { text: 'Trend' }, value: { text: trendText(t) } },
    ...(t.dataDue
      ? [{ key: { text: 'New data due' }, value: { text: `Since ${formatDate(t.dataDue)}` } }]
      : []),
    { key: { text: 'Figures from' }, value: { text: t.source ?? 'No data source yet' } },
    ...(t.measureEntry.replaces
      ? [{ key: { text: 'Replaces' }, value: { text: t.measureEntry.replaces } }]
      : []),
  ];
}
