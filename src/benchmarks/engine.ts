/**
 * The benchmark engine: LAIT's method (docs/methods.md) over in-memory inputs, no I/O.
 * `computeBenchmarks` works out every measure × year × LA in one pass: observations are
 * grouped once, each measure's values sit in one typed array (year × area), and each year's
 * LA values are sorted once for the cut points and the ranks.
 */
import type { Area } from '../measures/areas.js';
import { englandCode } from '../measures/areas.js';
import type { Measure } from '../measures/measure.js';
import type { NeighbourSet } from '../measures/neighbours.repository.js';
import type { ObservationRow } from '../measures/observations.repository.js';
import { nextBetterBand, quartileBand } from './bands.js';
import type { CutPoints, LaBenchmark } from './benchmark.js';
import { changeBetween, changeDirection, meanOf } from './change.js';
import { quartiles } from './quantiles.js';
import { rankOf } from './rank.js';

export type BenchmarkedMeasure = Pick<Measure, 'code' | 'polarity' | 'noQuartile'>;

export interface EngineInputs {
  measures: BenchmarkedMeasure[];
  observations: ObservationRow[];
  areas: Area[];
  /** The statistical-neighbour set (neighbours and each LA's comparison region); none: no SN averages. */
  neighbourSet: NeighbourSet | undefined;
}

export interface YearBenchmark {
  yearLabel: string;
  yearNumber: number;
  /** LAIT's latest year: the character maximum of the year labels of the measure's LA rows. */
  isLatest: boolean;
  /** Type-7 cut points of the LA values that year; null when no LA has a value. */
  cutPoints: CutPoints | null;
  /** One row per LA that has a row (with a value or not) in any year of the measure. */
  rows: LaBenchmark[];
}

export interface MeasureBenchmarks {
  measureCode: string;
  /** Oldest first (by year number, then label). */
  years: YearBenchmark[];
}

/** C-locale (code unit) comparison, as R's dplyr/vctrs orders character vectors. */
export function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Geography {
  areas: Area[];
  index: Map<number, number>;
  laIdx: Int32Array;
  englandIdx: number;
  /** area index -> its parent's index (Inner/Outer London -> London), or -1. */
  parentIdx: Int32Array;
  /** area index -> the index of the region it is compared with, or -1. */
  laRegionIdx: Int32Array;
  /** area index -> neighbour indices, SN1 first (unique, never itself). */
  neighbours: Int32Array[];
}

function buildGeography(areas: Area[], set: NeighbourSet | undefined): Geography {
  const index = new Map<number, number>();
  areas.forEach((a, i) => index.set(a.code, i));
  const idx = (code: number | null | undefined) =>
    code === null || code === undefined ? -1 : (index.get(code) ?? -1);
  const parentIdx = Int32Array.from(areas, (a) => idx(a.parentCode));
  const laRegionIdx = Int32Array.from(areas, (a) =>
    a.kind === 'la' ? idx(set?.regions.get(a.code) ?? a.regionCode) : -1,
  );
  const neighbours = areas.map((a) => {
    const list = a.kind === 'la' ? (set?.neighbours.get(a.code) ?? []) : [];
    const unique = [...new Set(list.map((n) => idx(n.code)))].filter(
      (i) => i >= 0 && areas[i]!.code !== a.code,
    );
    return Int32Array.from(unique);
  });
  return {
    areas,
    index,
    laIdx: Int32Array.from(areas.flatMap((a, i) => (a.kind === 'la' ? [i] : []))),
    englandIdx: idx(englandCode),
    parentIdx,
    laRegionIdx,
    neighbours,
  };
}

/** Computes every year of every given measure. Observations of other measures are ignored. */
export function computeBenchmarks(inputs: EngineInputs): MeasureBenchmarks[] {
  const geo = buildGeography(inputs.areas, inputs.neighbourSet);
  const byMeasure = new Map<string, ObservationRow[]>();
  for (const m of inputs.measures) byMeasure.set(m.code, []);
  for (const o of inputs.observations) byMeasure.get(o.measureCode)?.push(o);
  return inputs.measures.map((m) => computeMeasure(m, byMeasure.get(m.code)!, geo));
}

function computeMeasure(
  measure: BenchmarkedMeasure,
  rows: ObservationRow[],
  geo: Geography,
): MeasureBenchmarks {
  const nA = geo.areas.length;
  const yearOf = new Map<string, number>();
  const labels: string[] = [];
  const numbers: number[] = [];
  for (const r of rows) {
    if (!yearOf.has(r.yearLabel)) {
      yearOf.set(r.yearLabel, labels.length);
      labels.push(r.yearLabel);
      numbers.push(r.yearNumber);
    }
  }
  const nY = labels.length;
  const values = new Float64Array(nY * nA).fill(Number.NaN);
  const present = new Uint8Array(nY * nA);
  const suppression = new Map<number, string>();
  const isLa = new Uint8Array(nA);
  for (let k = 0; k < geo.laIdx.length; k++) isLa[geo.laIdx[k]!] = 1;
  let latestLaLabel: string | null = null;
  let latestAnyLabel: string | null = null;
  let maxYearNumber = -Infinity;
  for (const r of rows) {
    const a = geo.index.get(r.areaCode);
    if (a === undefined) continue;
    const cell = yearOf.get(r.yearLabel)! * nA + a;
    present[cell] = 1;
    if (r.value !== null) values[cell] = r.value;
    if (r.suppression !== null) suppression.set(cell, r.suppression);
    if (isLa[a] && (latestLaLabel === null || r.yearLabel > latestLaLabel))
      latestLaLabel = r.yearLabel;
    if (latestAnyLabel === null || r.yearLabel > latestAnyLabel) latestAnyLabel = r.yearLabel;
    if (r.yearNumber > maxYearNumber) maxYearNumber = r.yearNumber;
  }
  const latestLabel = latestLaLabel ?? latestAnyLabel;

  // Years oldest first; within one year number (never in LAIT's data) by label.
  const order = labels
    .map((_, i) => i)
    .sort((x, y) => numbers[x]! - numbers[y]! || compareLabels(labels[x]!, labels[y]!));

  // LAs with a row in any year get a row in every year.
  const las: number[] = [];
  for (let k = 0; k < geo.laIdx.length; k++) {
    const a = geo.laIdx[k]!;
    for (let y = 0; y < nY; y++) {
      if (present[y * nA + a]) {
        las.push(a);
        break;
      }
    }
  }

  const regionIdx = comparisonRegions(las, geo, order, numbers, maxYearNumber, values, nA);

  // Change: the LA's previous row is its latest row with a smaller year number.
  const lastBefore = new Int32Array(nA).fill(-1);
  const scratch = new Float64Array(Math.max(16, ...geo.neighbours.map((n) => n.length)));
  const years: YearBenchmark[] = [];
  let g = 0;
  while (g < order.length) {
    let end = g;
    while (end < order.length && numbers[order[end]!] === numbers[order[g]!]) end++;
    for (let k = g; k < end; k++) {
      years.push(
        computeYear(
          measure,
          order[k]!,
          labels,
          numbers,
          latestLabel,
          las,
          geo,
          values,
          present,
          suppression,
          regionIdx,
          lastBefore,
          scratch,
        ),
      );
    }
    for (const a of las) {
      for (let k = g; k < end; k++) if (present[order[k]! * nA + a]) lastBefore[a] = order[k]!;
    }
    g = end;
  }
  return { measureCode: measure.code, years };
}

/**
 * Each LA's comparison region: its statistical-neighbour-file region, except that Inner or
 * Outer London falls back to London when it has no value in the measure's latest year number
 * (LAIT's `clean_ldn_region`).
 */
function comparisonRegions(
  las: number[],
  geo: Geography,
  order: number[],
  numbers: number[],
  maxYearNumber: number,
  values: Float64Array,
  nA: number,
): Int32Array {
  let latestY = -1;
  for (const y of order) if (numbers[y] === maxYearNumber) latestY = y; // the character-max label if several
  const result = new Int32Array(nA).fill(-1);
  for (const a of las) {
    const r = geo.laRegionIdx[a]!;
    const parent = r >= 0 ? geo.parentIdx[r]! : -1;
    const missing = latestY < 0 || Number.isNaN(values[latestY * nA + r]!);
    result[a] = parent >= 0 && missing ? parent : r;
  }
  return result;
}

function computeYear(
  measure: BenchmarkedMeasure,
  y: number,
  labels: string[],
  numbers: number[],
  latestLabel: string | null,
  las: number[],
  geo: Geography,
  values: Float64Array,
  present: Uint8Array,
  suppression: Map<number, string>,
  regionIdx: Int32Array,
  lastBefore: Int32Array,
  scratch: Float64Array,
): YearBenchmark {
  const nA = geo.areas.length;
  const base = y * nA;
  let n = 0;
  for (let k = 0; k < geo.laIdx.length; k++) if (!Number.isNaN(values[base + geo.laIdx[k]!]!)) n++;
  const sorted = new Float64Array(n);
  n = 0;
  for (let k = 0; k < geo.laIdx.length; k++) {
    const v = values[base + geo.laIdx[k]!]!;
    if (!Number.isNaN(v)) sorted[n++] = v;
  }
  sorted.sort();
  const q = quartiles(sorted);
  const cutPoints: CutPoints | null = q === null ? null : { ...q, laCount: n };
  const bandCuts = measure.noQuartile ? null : q;
  const polarity = measure.polarity;
  const englandValue = geo.englandIdx >= 0 ? numOrNull(values[base + geo.englandIdx]!) : null;
  const rows: LaBenchmark[] = new Array<LaBenchmark>(las.length);
  for (let k = 0; k < las.length; k++) {
    const a = las[k]!;
    const area = geo.areas[a]!;
    const value = numOrNull(values[base + a]!);
    const nb = geo.neighbours[a]!;
    let count = 0;
    for (let j = 0; j < nb.length; j++) {
      const v = values[base + nb[j]!]!;
      if (!Number.isNaN(v)) scratch[count++] = v;
    }
    const r = regionIdx[a]!;
    const prevY = present[base + a] ? lastBefore[a]! : -1;
    const previous = prevY >= 0 ? numOrNull(values[prevY * nA + a]!) : null;
    const change = changeBetween(value, previous);
    const next = nextBetterBand(value, bandCuts, polarity);
    rows[k] = {
      laCode: area.code,
      laName: area.name,
      value,
      suppression: suppression.get(base + a) ?? null,
      rank: rankOf(sorted, value, polarity),
      rankOf: polarity === null ? null : n,
      quartileBand: quartileBand(value, bandCuts, polarity),
      statisticalNeighboursAverage: count === 0 ? null : meanOf(scratch, count),
      statisticalNeighboursWithValue: count,
      regionCode: r >= 0 ? geo.areas[r]!.code : null,
      regionName: r >= 0 ? geo.areas[r]!.name : null,
      regionValue: r >= 0 ? numOrNull(values[base + r]!) : null,
      englandValue,
      previousYearLabel: prevY >= 0 ? labels[prevY]! : null,
      changeFromPrevious: change,
      changeDirection: changeDirection(change, polarity),
      nextBand: next?.band ?? null,
      distanceToNextBand: next?.distance ?? null,
      distanceToEngland: value === null || englandValue === null ? null : value - englandValue,
    };
  }
  return {
    yearLabel: labels[y]!,
    yearNumber: numbers[y]!,
    isLatest: labels[y] === latestLabel,
    cutPoints,
    rows,
  };
}

function numOrNull(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}
