/** The all-LAs page: every LA's row (sortable), the distribution chart and the cut points. */
import { hasBands } from '../../../benchmarks/bands.js';
import { bandRanges } from '../../../benchmarks/band-ranges.js';
import type { LaBenchmark, MeasureBenchmark } from '../../../benchmarks/benchmark.js';
import { formatNumber } from '../../../core/format.js';
import { bandLabel } from '../../../benchmarks/figures.js';
import type { Area } from '../../../measures/areas.js';
import { distributionChart, type ChartSvg } from '../../charts/index.js';
import { downloadFileName, type DataTable } from '../../tables/data-table.js';
import {
  bandCell,
  changeCell,
  linkCell,
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

/** Every current LA, and a former council only in a year it has a value; sorted as asked. */
function shownRows(b: MeasureBenchmark, areas: Area[], options: ViewOptions): LaBenchmark[] {
  const status = new Map(areas.map((a) => [a.code, a.status]));
  return sortRows(
    b.rows.filter((r) => r.value !== null || status.get(r.laCode) === 'current'),
    options.sort,
    options.order,
  );
}

function lasTable(
  b: MeasureBenchmark,
  rows: LaBenchmark[],
  n: number | null,
  options: ViewOptions,
): DataTable {
  const m = b.measure;
  const dp = m.decimalPlaces;
  const measurePath = encodeURIComponent(m.code);
  return {
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
        linkCell(r.laName, `/la/${r.laCode}/measure/${measurePath}`, { chosen: isChosen }),
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
    fileName: downloadFileName(`lantern-all-las-${m.code}-${b.yearLabel}`),
    notes: tableNotes(m, b.yearLabel, [
      `Sorted by ${options.sort} (${options.order === 'asc' ? 'ascending' : 'descending'}); missing values last.`,
      ...(b.neighbourSetVersion ? [`Statistical neighbours: ${b.neighbourSetVersion} set`] : []),
    ]),
  };
}

function bandsTable(b: MeasureBenchmark): DataTable | null {
  const m = b.measure;
  const dp = m.decimalPlaces;
  const ranges = bandRanges(b.cutPoints, m.polarity, dp);
  if (!ranges.length) return null;
  const counts = new Map<string, number>();
  for (const r of b.rows)
    if (r.quartileBand) counts.set(r.quartileBand, (counts.get(r.quartileBand) ?? 0) + 1);
  return {
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
    fileName: downloadFileName(`lantern-bands-${m.code}-${b.yearLabel}`),
    notes: tableNotes(m, b.yearLabel, [
      "Ranges rounded to the measure's decimal places; each band includes its upper cut point (docs/methods.md §4).",
    ]),
  };
}

function cutPointsTable(b: MeasureBenchmark): DataTable | null {
  const q = b.cutPoints;
  if (!q) return null;
  const m = b.measure;
  const points = [
    ['0% (lowest value)', q.q0],
    ['25%', q.q25],
    ['50% (median)', q.q50],
    ['75%', q.q75],
    ['100% (highest value)', q.q100],
  ] as const;
  return {
    id: 'cut-points',
    caption: `Quartile cut points, ${b.yearLabel} (from ${q.laCount} local authorities)`,
    columns: [{ header: 'Cut point' }, { header: 'Value', numeric: true }],
    rows: points.map(([label, v]) => [textCell(label), valueCell(v, m.decimalPlaces)]),
    fileName: downloadFileName(`lantern-cut-points-${m.code}-${b.yearLabel}`),
    notes: tableNotes(m, b.yearLabel, ['Type 7 quantiles of the unrounded LA values.']),
  };
}

function chartOf(
  b: MeasureBenchmark,
  rows: LaBenchmark[],
  n: number | null,
  chosen: LaBenchmark | null,
): ChartSvg {
  const m = b.measure;
  const dp = m.decimalPlaces;
  const q = b.cutPoints;
  return distributionChart({
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
      highlight: r.laCode === chosen?.laCode,
    })),
    cutPoints: q && hasBands(m) ? q : null,
    polarity: m.polarity,
  });
}

interface ViewOptions {
  sort: SortKey;
  order: SortOrder;
  laCode?: number;
}

export function allLasView(b: MeasureBenchmark, areas: Area[], options: ViewOptions): AllLasView {
  const rows = shownRows(b, areas, options);
  const n = b.cutPoints?.laCount ?? rows.find((r) => r.rankOf !== null)?.rankOf ?? null;
  const chosen = rows.find((r) => r.laCode === options.laCode) ?? null;
  return {
    las: lasTable(b, rows, n, options),
    sortable: new Map([
      [0, 'name'],
      [1, 'value'],
      [2, 'rank'],
    ]),
    bands: bandsTable(b),
    cutPoints: cutPointsTable(b),
    chart: chartOf(b, rows, n, chosen),
    chosen,
  };
}
