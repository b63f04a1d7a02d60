/** The statistical-neighbours page's table and chart, built once per cached view. */
import type { NeighbourComparison } from '../../../benchmarks/neighbours.service.js';
import { formatNumber } from '../../../core/format.js';
import { barChart, type ChartSvg } from '../../charts/index.js';
import { type DataCell, downloadFileName, type DataTable } from '../../tables/data-table.js';
import {
  bandCell,
  changeCell,
  linkCell,
  rankCell,
  tableNotes,
  textCell,
  valueCell,
} from '../../tables/cells.js';
import { laMeasureHref } from '../../urls.js';

export interface NeighboursView {
  table: DataTable;
  chart: ChartSvg;
  /** "60.1 from 10 neighbours" or why there is none. */
  averageText: string;
}

function setLabel(version: string): string {
  return version === 'demo' ? 'synthetic demo set' : `${version} set`;
}

/** The LA, its neighbours (SN1…), their average, the region and England. */
function tableRows(c: NeighbourComparison): DataCell[][] {
  const m = c.measure;
  const dp = m.decimalPlaces;
  const la = c.la;
  const measureHref = (code: number) => laMeasureHref(code, m.code);
  const row = (label: string, b: typeof la, closeness: string) => [
    textCell(label),
    linkCell(b.laName, measureHref(b.laCode)),
    textCell(closeness),
    valueCell(b.value, dp, b.suppression),
    rankCell(b, m),
    bandCell(b, m),
    changeCell(b, dp),
  ];
  const comparator = (label: string, name: string, value: number | null) => [
    textCell(label),
    textCell(name),
    textCell(''),
    valueCell(value, dp),
    { raw: null, text: 'not ranked' },
    { raw: null, text: 'not banded' },
    { raw: null, text: '' },
  ];
  const of = c.neighbours.length;
  const average = `Statistical neighbours' average (${setLabel(c.neighbourSet.version)}, ${la.statisticalNeighboursWithValue} of ${of} with a value)`;
  return [
    row('Selected LA', la, ''),
    ...c.neighbours.map((nb) => row(`SN${nb.position}`, nb.benchmark, nb.closeness ?? '')),
    ...(of > 0 ? [comparator('Average', average, la.statisticalNeighboursAverage)] : []),
    comparator('Region', la.regionName ?? 'Region', la.regionValue),
    comparator('England', 'England', la.englandValue),
  ];
}

function neighboursTable(c: NeighbourComparison): DataTable {
  const m = c.measure;
  const la = c.la;
  const n = c.cutPoints?.laCount ?? la.rankOf;
  return {
    id: 'neighbours',
    caption: `${la.laName} and its statistical neighbours (${setLabel(c.neighbourSet.version)}), ${c.yearLabel}`,
    columns: [
      { header: 'Group' },
      { header: 'Local authority or area' },
      { header: 'Closeness' },
      { header: 'Value', numeric: true },
      { header: n ? `Rank of ${n} (1 = best)` : 'Rank (1 = best)', numeric: true },
      { header: 'Quartile band' },
      { header: 'Change from previous year', numeric: true },
    ],
    rows: tableRows(c),
    fileName: downloadFileName(
      `lantern-neighbours-${la.laCode}-${m.code}-${c.yearLabel}-${c.neighbourSet.version}`,
    ),
    notes: tableNotes(m, c.yearLabel, [`Statistical neighbours: ${c.neighbourSet.description}`]),
  };
}

function neighboursChart(c: NeighbourComparison): ChartSvg {
  const { measure: m, la } = c;
  const avg = la.statisticalNeighboursAverage;
  const of = c.neighbours.length;
  const refs = [
    ...(avg !== null ? [{ label: "Neighbours' average", value: avg }] : []),
    ...(la.englandValue !== null ? [{ label: 'England', value: la.englandValue }] : []),
  ];
  return barChart({
    title: `${m.name}, ${c.yearLabel}: ${la.laName} and its statistical neighbours`,
    description:
      `Bars for ${la.laName} (highlighted) and its ${of} neighbours in SN1 to SN${of} order` +
      (refs.length ? `; lines for ${refs.map((r) => r.label).join(' and ')}` : '') +
      '. The same figures are in the table below.',
    decimalPlaces: m.decimalPlaces,
    bars: [
      { label: la.laName, value: la.value, highlight: true },
      ...c.neighbours.map((nb) => ({
        label: `SN${nb.position} ${nb.benchmark.laName}`,
        value: nb.benchmark.value,
      })),
    ],
    referenceLines: refs,
  });
}

export function neighboursView(c: NeighbourComparison): NeighboursView {
  const la = c.la;
  const avg = la.statisticalNeighboursAverage;
  const of = c.neighbours.length;
  const set = setLabel(c.neighbourSet.version);
  const averageText =
    of === 0
      ? `${la.laName} has no statistical neighbours in the ${set}.`
      : avg === null
        ? `None of the ${of} neighbours has a value in ${c.yearLabel}, so there is no average.`
        : `${formatNumber(avg, c.measure.decimalPlaces)} from ${la.statisticalNeighboursWithValue} of ${of} neighbours (${set})`;
  return { table: neighboursTable(c), chart: neighboursChart(c), averageText };
}
