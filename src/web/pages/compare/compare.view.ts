/**
 * The compare page's tables, chart inputs and form choices. Every number formatted via
 * core/format.
 *
 * Layout: one table per measure (rows: the chosen areas; columns: that measure's years), each
 * next to its line chart, rather than one table of LA × measure rows. Measures differ in units,
 * decimal places and year labels ("2024-25" academic years beside "2024" calendar years), so a
 * shared year column would mix units and leave most cells blank; a table per measure reads
 * down each year like LAIT's own tables and pairs with its chart.
 */
import type { Area } from '../../../measures/areas.js';
import type { MeasureSummary } from '../../../benchmarks/benchmarks.service.js';
import { lineChart } from '../../charts/line-chart.js';
import { valueCell } from '../../tables/cells.js';
import type { DataTable } from '../../tables/data-table.js';
import type { CompareQuery, Comparison, MeasureComparison } from '../../../benchmarks/compare.js';

/** The line chart takes at most this many lines (more cannot be told apart). */
export const maxChartSeries = 6;

export function tableId(index: number): string {
  return `compare-${index + 1}`;
}

export function measureTable(mc: MeasureComparison, index: number, pageUrl: string): DataTable {
  const dp = mc.measure.decimalPlaces;
  return {
    id: tableId(index),
    caption: mc.measure.name,
    fileName: `lantern-compare-${mc.measure.code.replace(/[^A-Za-z0-9_-]+/g, '-')}`,
    columns: [
      { header: 'Area' },
      { header: 'Code' },
      ...mc.yearLabels.map((y) => ({ header: y, numeric: true })),
    ],
    rows: mc.rows.map((r) => [
      { raw: r.name },
      { raw: r.code },
      ...r.values.map((v) => valueCell(v.value, dp, v.suppression)),
    ]),
    notes: [
      `Measure: ${mc.measure.code}${mc.measure.unitLabel ? ` (${mc.measure.unitLabel})` : ''}`,
      `Source: ${mc.measure.source ?? 'LAIT'}`,
      'Values as published, unrounded in downloads; a missing value is blank or its published marker, never zero.',
      `Lantern: ${pageUrl}`,
    ],
  };
}

export function chartInput(mc: MeasureComparison) {
  const shown = pickChartRows(mc);
  return {
    title: mc.measure.name,
    description: `${mc.measure.name} for ${shown.map((r) => r.name).join(', ')}, ${mc.yearLabels[0] ?? ''} to ${mc.yearLabels.at(-1) ?? ''}. The table below gives every figure.`,
    yLabel: mc.measure.unitLabel ?? '',
    decimalPlaces: mc.measure.decimalPlaces,
    series: shown.map((r) => ({
      name: r.name,
      points: r.values.map((v) => ({
        yearLabel: v.yearLabel,
        yearNumber: Number(v.yearLabel.slice(0, 4)) || 0,
        value: v.value,
      })),
    })),
    shownCount: shown.length,
    rowCount: mc.rows.length,
  };
}

/** The first LAs, keeping England and the first region if chosen, up to maxChartSeries lines. */
function pickChartRows(mc: MeasureComparison) {
  if (mc.rows.length <= maxChartSeries) return mc.rows;
  const refs = [
    ...mc.rows.filter((r) => r.kind === 'region').slice(0, 1),
    ...mc.rows.filter((r) => r.kind === 'england'),
  ];
  return [
    ...mc.rows.filter((r) => r.kind === 'la').slice(0, maxChartSeries - refs.length),
    ...refs,
  ];
}

export function summaryText(c: Comparison): string {
  const years =
    c.years === 'all'
      ? 'every year'
      : c.years === 'latest'
        ? 'the latest year of each measure'
        : c.years.join(', ');
  const las = `${c.las.length} local ${c.las.length === 1 ? 'authority' : 'authorities'}`;
  const ms = `${c.measures.length} ${c.measures.length === 1 ? 'measure' : 'measures'}`;
  return `${las}${c.setName ? ` (“${c.setName}”)` : ''} on ${ms}, ${years}.`;
}

export interface Choice {
  value: string;
  text: string;
  checked?: boolean;
  selected?: boolean;
  hint?: { text: string };
}

/** The LAs to tick, grouped by region, with the URL's choices ticked (code or GSS code). */
function laChoices(q: CompareQuery, regions: Area[], las: Area[]) {
  const chosen = new Set(q.la);
  return regions
    .map((r) => {
      const items = las
        .filter((a) => a.regionCode === r.code)
        .map((a) => ({
          value: String(a.code),
          text: `${a.name} (${a.code})`,
          checked: chosen.has(String(a.code)) || (a.gssCode !== null && chosen.has(a.gssCode)),
        }));
      return {
        region: r.name,
        idPrefix: `la-${r.code}`,
        items,
        checkedCount: items.filter((i) => i.checked).length,
      };
    })
    .filter((g) => g.items.length > 0);
}

/** Whole regions, and an LA's statistical neighbours, as groups. */
function groupChoices(q: CompareQuery, regions: Area[], las: Area[]) {
  const groups = new Set(q.group);
  const regionItems: Choice[] = regions.map((r) => ({
    value: `region:${r.code}`,
    text: r.name,
    checked: groups.has(`region:${r.code}`),
  }));
  const snItems: Choice[] = [
    { value: '', text: 'None' },
    ...las.map((a) => ({
      value: `sn:${a.code}`,
      text: `${a.name} (${a.code})`,
      selected: groups.has(`sn:${a.code}`),
    })),
  ];
  return { regionItems, snItems };
}

/** "Latest year of each measure" and every first year any measure has. */
function yearChoices(q: CompareQuery, measures: MeasureSummary[]): Choice[] {
  const yearNumbers = [
    ...new Set(measures.flatMap((s) => s.yearLabels.map((y) => Number(y.slice(0, 4))))),
  ]
    .filter((n) => n > 1990)
    .sort((a, b) => b - a);
  const years = new Set(q.year);
  return [
    { value: 'latest', text: 'Latest year of each measure', checked: years.has('latest') },
    ...yearNumbers.map((n) => ({
      value: String(n),
      text: String(n),
      checked: years.has(String(n)),
    })),
  ];
}

/** Checkbox, select and input choices for the form, with what the URL has chosen ticked. */
export function formChoices(
  q: CompareQuery,
  areas: Area[],
  measures: MeasureSummary[],
  found: MeasureSummary[],
) {
  const regions = areas.filter((a) => a.kind === 'region');
  const las = areas
    .filter((a) => a.kind === 'la' && a.status === 'current')
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const byCode = new Map(measures.map((s) => [s.measure.code, s]));
  const selectedMeasures = q.measure
    .map((c) => byCode.get(c))
    .filter((s) => s !== undefined)
    .map((s) => measureChoice(s, true));
  const foundMeasures = found
    .filter((s) => !q.measure.includes(s.measure.code))
    .slice(0, 30)
    .map((s) => measureChoice(s, false));
  return {
    laGroups: laChoices(q, regions, las),
    ...groupChoices(q, regions, las),
    selectedMeasures,
    foundMeasures,
    yearItems: yearChoices(q, measures),
  };
}

function measureChoice(s: MeasureSummary, checked: boolean): Choice {
  const first = s.yearLabels[0];
  const last = s.yearLabels.at(-1);
  return {
    value: s.measure.code,
    text: s.measure.name,
    checked,
    hint: {
      text: `${s.measure.topic} · ${s.measure.code}${first ? ` · ${first === last ? first : `${first} to ${last}`}` : ''}`,
    },
  };
}

/** One section per measure compared: its table (with its downloads) and its chart. */
export function compareSections(comparison: Comparison | undefined, pageUrl: string) {
  return (comparison?.measures ?? []).map((mc, i) => {
    const chart = chartInput(mc);
    return {
      measure: mc.measure,
      table: measureTable(mc, i, pageUrl),
      chart,
      chartSvg: mc.yearLabels.length ? lineChart(chart).svg : '',
      empty: mc.yearLabels.length === 0,
    };
  });
}
