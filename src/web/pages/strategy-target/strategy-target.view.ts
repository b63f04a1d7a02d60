/**
 * One target's page: its figures year by year against the line it had to reach (the readings
 * the status engine judged it on), the comparators, and the trend forecast, as a chart and the
 * table behind it. Pure.
 */
import { lineChart, type LinePoint } from '../../charts/index.js';
import { formatNumber } from '../../../core/format.js';
import { yearNumberOf } from '../../../strategy/target-terms.js';
import type { JudgedTarget } from '../../../strategy/strategy.service.js';
import type { DataTable } from '../../tables/data-table.js';
import { formatDate } from '../../../core/format.js';
import { judgedFigures } from '../../../strategy/series.js';
import { directionText, statusTag } from '../strategy/strategy.view.js';

/** The target's figure is the LA's own value, so comparators sit on the same scale. */
const onValueScale = (t: JudgedTarget) => t.kind !== 'rank' && t.kind !== 'gap';

const figureName = (t: JudgedTarget, laName: string) =>
  t.kind === 'gap' ? 'Gap' : t.kind === 'rank' ? `${laName}: rank` : laName;

export function targetTable(t: JudgedTarget, laName: string, fileName: string): DataTable {
  const dp = t.kind === 'rank' ? 0 : t.figures.decimalPlaces;
  const byYear = new Map(t.years.map((y) => [y.yearLabel, y]));
  const n = (v: number | null | undefined) => ({
    raw: v ?? null,
    text: formatNumber(v ?? null, dp),
  });
  const comparators = onValueScale(t);
  return {
    id: 'figures',
    caption: `${t.measureEntry.name}: each year against the target`,
    fileName,
    columns: [
      { header: 'Year' },
      { header: figureName(t, laName), numeric: true },
      { header: 'Line to reach', numeric: true },
      { header: 'Reached' },
      ...(comparators
        ? [
            { header: 'England', numeric: true },
            { header: 'Region', numeric: true },
            { header: 'Statistical neighbours', numeric: true },
          ]
        : []),
    ],
    rows: t.readings.map((r) => {
      const y = byYear.get(r.yearLabel);
      return [
        { raw: r.yearLabel },
        n(r.figure),
        n(r.line),
        { raw: r.reached ? 'Yes' : 'No' },
        ...(comparators ? [n(y?.england), n(y?.region), n(y?.neighbours)] : []),
      ];
    }),
    notes: [
      `${t.sentence.replace(/\.$/, '')}. The line is what the figure had to reach that year (docs/methods.md, "Strategy targets"). Source: ${t.source ?? 'none'}.`,
    ],
  };
}

/** The chart: the figure, the target's line, the comparators, and the trend to the target year. */
export function targetChart(t: JudgedTarget, laName: string) {
  if (t.readings.length === 0) return undefined;
  const pts = (f: (r: JudgedTarget['readings'][number]) => number | null): LinePoint[] =>
    t.readings.map((r) => ({ yearLabel: r.yearLabel, yearNumber: r.yearNumber, value: f(r) }));
  const byYear = new Map(t.years.map((y) => [y.yearLabel, y]));
  const series = [
    { name: figureName(t, laName), points: pts((r) => r.figure) },
    { name: 'Target line', points: pts((r) => r.line) },
  ];
  const forecast = t.forecast && !('refused' in t.forecast) ? t.forecast : null;
  const last = t.readings.at(-1)!;
  const by = t.target.by;
  if (forecast?.valueInTargetYear != null && yearNumberOf(by) > last.yearNumber) {
    series.push({
      name: 'Trend',
      points: [
        { yearLabel: last.yearLabel, yearNumber: last.yearNumber, value: last.figure },
        { yearLabel: by, yearNumber: yearNumberOf(by), value: forecast.valueInTargetYear },
      ],
    });
  }
  if (onValueScale(t)) {
    const c = (f: (y: JudgedTarget['years'][number]) => number | null) =>
      pts((r) => {
        const y = byYear.get(r.yearLabel);
        return y ? f(y) : null;
      });
    series.push(
      { name: 'England', points: c((y) => y.england) },
      { name: 'Neighbours', points: c((y) => y.neighbours) },
    );
  }
  return lineChart({
    title: `${t.measureEntry.name}: ${t.sentence}`,
    description: `Line chart of ${figureName(t, laName)} from ${t.readings[0]!.yearLabel} to ${last.yearLabel} against the line the target sets${forecast ? ', with the recent trend to the target year' : ''}. The figures are in the table below.`,
    yLabel: t.kind === 'rank' ? 'Rank (1 = best)' : (t.figures.unitLabel ?? 'Value'),
    decimalPlaces: t.kind === 'rank' ? 0 : t.figures.decimalPlaces,
    series,
  });
}

/** The summary list at the top of the page: the target, where it stands and why. */
export function targetSummary(t: JudgedTarget) {
  const f = judgedFigures(t);
  const forecast = t.forecast && !('refused' in t.forecast) ? t.forecast : null;
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
    {
      key: { text: 'Trend' },
      value: {
        text: forecast
          ? `Fitted to ${forecast.years.join(', ')}. ${forecast.reachesIn ? `Reaches the target in ${forecast.reachesIn}.` : 'Does not reach the target within 15 years.'}`
          : t.forecast && 'refused' in t.forecast
            ? t.forecast.refused
            : '–',
      },
    },
    ...(t.dataDue
      ? [{ key: { text: 'New data due' }, value: { text: `Since ${formatDate(t.dataDue)}` } }]
      : []),
    { key: { text: 'Figures from' }, value: { text: t.source ?? 'No data source yet' } },
    ...(t.measureEntry.replaces
      ? [{ key: { text: 'Replaces' }, value: { text: t.measureEntry.replaces } }]
      : []),
  ];
}
