/** The words and numbers a benchmark row shows, shared by `benchmark` and `scorecard`. */
import {
  bandText,
  changeText,
  missing,
  neighboursAverageText,
  rankText,
} from '../benchmarks/figures.js';
import { formatNumber } from '../core/format.js';
import type { LaBenchmark } from '../benchmarks/benchmark.js';
import type { Measure } from '../measures/measure.js';
import type { CsvValue, TableColumn } from './output.js';

export function polarityText(measure: Measure): string {
  return measure.polarity === 'high'
    ? 'higher is better'
    : measure.polarity === 'low'
      ? 'lower is better'
      : 'no better direction';
}

export function valueText(
  measure: Measure,
  value: number | null,
  suppression: string | null = null,
): string {
  return formatNumber(value, measure.decimalPlaces, { suppression });
}

export function regionText(measure: Measure, r: LaBenchmark): string {
  return r.regionName === null ? missing : `${valueText(measure, r.regionValue)} ${r.regionName}`;
}

/** CSV columns for one row: raw, unrounded values. */
export const rowCsvHeader = [
  'laCode',
  'laName',
  'value',
  'suppression',
  'rank',
  'rankOf',
  'quartileBand',
  'statisticalNeighboursAverage',
  'statisticalNeighboursWithValue',
  'regionCode',
  'regionName',
  'regionValue',
  'englandValue',
  'previousYearLabel',
  'changeFromPrevious',
  'changeDirection',
  'nextBand',
  'distanceToNextBand',
  'distanceToEngland',
];

export function rowCsvValues(r: LaBenchmark): CsvValue[] {
  return [
    r.laCode,
    r.laName,
    r.value,
    r.suppression,
    r.rank,
    r.rankOf,
    r.quartileBand,
    r.statisticalNeighboursAverage,
    r.statisticalNeighboursWithValue,
    r.regionCode,
    r.regionName,
    r.regionValue,
    r.englandValue,
    r.previousYearLabel,
    r.changeFromPrevious,
    r.changeDirection,
    r.nextBand,
    r.distanceToNextBand,
    r.distanceToEngland,
  ];
}

export function measureJson(m: Measure): {
  code: string;
  name: string;
  topic: string;
  polarity: Measure['polarity'];
  decimalPlaces: number;
  noQuartile: boolean;
} {
  return {
    code: m.code,
    name: m.name,
    topic: m.topic,
    polarity: m.polarity,
    decimalPlaces: m.decimalPlaces,
    noQuartile: m.noQuartile,
  };
}

/** The comparison columns `benchmark` and `scorecard` share, after their own first columns. */
export const comparisonColumns: TableColumn[] = [
  { header: 'Value', align: 'right' },
  { header: 'Rank', align: 'right' },
  { header: 'Band' },
  { header: 'SN avg (n)', align: 'right' },
  { header: 'Region' },
  { header: 'England', align: 'right' },
  { header: 'Change', align: 'right' },
];

export function comparisonCells(m: Measure, r: LaBenchmark): string[] {
  return [
    valueText(m, r.value, r.suppression),
    rankText(r, m),
    bandText(r.quartileBand, m),
    neighboursAverageText(r, m.decimalPlaces),
    regionText(m, r),
    valueText(m, r.englandValue),
    changeText(r, m.decimalPlaces),
  ];
}
