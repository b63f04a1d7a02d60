/** The all-LAs page: every LA's row (sortable), the distribution chart and the cut points. */
import { bandRanges } from '../../../benchmarks/band-ranges.js';
import type { LaBenchmark, MeasureBenchmark } from '../../../benchmarks/benchmark.js';
import { formatNumber } from '../../../core/format.js';
import { bandLabel } from '../../../benchmarks/figures.js';
import type { Area } from '../../../measures/areas.js';
import { distributionChart, type ChartSvg } from '../../charts/index.js';
import { escapeHtml } from '../../html.js';
import type { DataTable } from '../../tables/data-table.js';
import {
  bandCell,
  changeCell,
  rankCell,
  snAverageCell,
  tableNotes,
  textCell,
  valueCell,
} from '../../tables/cells.js';

export type SortKey = 'name' | 'value' | 'rank';
export type SortOrder = 'asc' | 'desc';
export const sortKeys: SortKey[] = ['name', 'value', 'rank'];

export interface AllLasView {
  las: DataTable;
  /** Column index -> sort key, for the header links. */
  sortable: Map<number, SortKey>;
  bands: DataTable | null;
  cutPoints: DataTable | null;
  chart: ChartSvg;
  chosen: LaBenchmark | null;
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '-');

/** Missing values and ranks always last, whichever way the column is sorted. */
export function sortRows(rows: LaBenchmark[], key: SortKey, order: SortOrder): LaBenchmark[] {
  const sign = order === 'asc' ? 1 : -1;
  const byName = (a: LaBenchmark, b: LaBenchmark) => a.laName.localeCompare(b.laName, 'en-GB');
  const pick = (r: LaBenchmark) => (key === 'value' ? r.value : r.rank);
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const x = pick(a);
    const y = pick(b);
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    if (x !== null && y !== null && x !== y) return sign * (x - y);
    return byName(a, b);
  });
}

export function allLasView(
  b: MeasureBenchmark,
  areas: Area[],
  options: { sort: SortKey; order: SortOrder; laCode?: number },
): AllLasView {
  const m = b.measure;
  const dp = m.decimalPlaces;
  const status = new Map(areas.map((a) => [a.code, a.status]));
  // Every current LA; a former council only in a year it has a value.
  const rows = sortRows(
    b.rows.filter((r) => r.value !== null || status.get(r.laCode) === 'current'),
    options.sort,
    options.order,
  );
  const n = b.cutPoints?.laCount ?? rows.find((r) => r.rankOf !== null)?.rankOf ?? null;
  const chosen = rows.find((r) => r.laCode === options.laCode) ?? null;
  const measurePath = encodeURIComponent(m.code);
  const las: DataTable = {
    id: 'all-las',
    caption: `Every local authority, ${b.yearLabel}`,
    columns: [
      { header: 'Local authority' },
      { header: 'Value', numeric: true },
      { header: n ? `Rank of ${n} (1 = best)` : 'Rank (1 = best)', numeric: true },
      { header: 'Quartile band' },
      { header: 'Change from previous year', numeric: true },
      { header: "Statistical neighbours' average (neighbours with a value)", numeric: true },
    ],
    rows: rows.map((r) => {
      const isChosen = r.laCode === options.laCode;
      const cells = [
        {
          raw: r.laName,
          html:
            `<a class="govuk-link" href="/la/${r.laCode}/measure/${measurePath}">${escapeHtml(r.laName)}</a>` +
            (isChosen ? ' <strong class="lantern-chosen-tag">chosen</strong>' : ''),
        },
        valueCell(r.value, dp, r.suppression),
        rankCell(r, m),
        bandCell(r, m),
        changeCell(r, dp),
        snAverageCell(r, dp),
      ];
      return isChosen
        ? cells.map((c) => ({ ...c, classes: `${c.classes ?? ''} lantern-row--chosen`.trim() }))
        : cells;
    }),
    fileName: safeName(`lantern-all-las-${m.code}-${b.yearLabel}`),
    notes: tableNotes(m, b.yearLabel, [
      `Sorted by ${options.sort} (${options.order === 'asc' ? 'ascending' : 'descending'}); missing values last.`,
      ...(b.neighbourSetVersion ? [`Statistical neighbours: ${b.neighbourSetVersion} set`] : []),
    ]),
  };
  const q = b.cutPoints;
  const ranges = bandRanges(q, m.polarity, dp);
  const counts = new Map<string, number>();
  for (const r of b.rows)
    if (r.quartileBand) counts.set(r.quartileBand, (counts.get(r.quartileBand) ?? 0) + 1);
  const bands: DataTable | null = ranges.length
    ? {
        id: 'bands',
        caption: `Quartile bands, ${b.yearLabel}`,
        columns: [
          { header: 'Band' },
          { header: 'From', numeric: true },
          { header: 'To', numeric: true },
          { header: 'Local authorities', numeric: true },
        ],
        rows: ranges.map((r) => [
          { raw: r.band, text: bandLabel(r.band) },
          valueCell(r.from, dp),
          valueCell(r.to, dp),
          { raw: counts.get(r.band) ?? 0, text: String(counts.get(r.band) ?? 0) },
        ]),
        fileName: safeName(`lantern-bands-${m.code}-${b.yearLabel}`),
        notes: tableNotes(m, b.yearLabel, [
          "Ranges rounded to the measure's decimal places; each band includes its upper cut point (docs/methods.md §4).",
        ]),
      }
    : null;
  const cutPoints: DataTable | null = q
    ? {
        id: 'cut-points',
        caption: `Quartile cut points, ${b.yearLabel} (from ${q.laCount} local authorities)`,
        columns: [{ header: 'Cut point' }, { header: 'Value', numeric: true }],
        rows: (
          [
            ['0% (lowest value)', q.q0],
            ['25%', q.q25],
            ['50% (median)', q.q50],
            ['75%', q.q75],
            ['100% (highest value)', q.q100],
          ] as const
        ).map(([label, v]) => [textCell(label), valueCell(v, dp)]),
        fileName: safeName(`lantern-cut-points-${m.code}-${b.yearLabel}`),
        notes: tableNotes(m, b.yearLabel, ['Type 7 quantiles of the unrounded LA values.']),
      }
    : null;
  const chart = distributionChart({
    title: `${m.name}, ${b.yearLabel}: every local authority`,
    description:
      `One dot per local authority with a value (${n ?? 0})` +
      (q
        ? `, with the 25%, 50% and 75% cut points at ${formatNumber(q.q25, dp)}, ${formatNumber(q.q50, dp)} and ${formatNumber(q.q75, dp)}`
        : '') +
      (chosen ? `; ${chosen.laName} (${formatNumber(chosen.value, dp)}) is marked` : '') +
      '. The same figures are in the tables on this page.',
    decimalPlaces: dp,
    values: rows.map((r) => ({
      label: r.laName,
      value: r.value,
      highlight: r.laCode === options.laCode,
    })),
    cutPoints: q && m.polarity !== null && !m.noQuartile ? q : null,
    polarity: m.polarity,
  });
  return {
    las,
    sortable: new Map([
      [0, 'name'],
      [1, 'value'],
      [2, 'rank'],
    ]),
    bands,
    cutPoints,
    chart,
    chosen,
  };
}
