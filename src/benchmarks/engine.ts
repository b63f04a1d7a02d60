/**
 * The benchmark engine: LAIT's method (docs/methods.md) over in-memory inputs, no I/O.
 * `computeBenchmarks` works out every measure × year × LA in one pass: observations are
 * grouped once, each measure's values sit in one typed array (year × area), each year's LA
 * values are sorted once for the cut points and ranks, and results go into typed columns
 * (`MeasureColumns`) rather than an object per row.
 */
import type { Area } from '../measures/areas.js';
import { englandCode } from '../measures/areas.js';
import type { Measure } from '../measures/measure.js';
import type { NeighbourSet } from '../measures/neighbours.repository.js';
import type { ObservationRow } from '../measures/observations.repository.js';
import { bandBeyondCut, intervalOf, labelOf, nextBetterCut } from './bands.js';
import { meanOf } from './change.js';
import { quartiles } from './quantiles.js';
import { countAtOrBelow, countBelow } from './rank.js';
import { bandCode, MeasureColumns, YearBenchmark, type MeasureContext } from './year-benchmark.js';

export { YearBenchmark } from './year-benchmark.js';

export type BenchmarkedMeasure = Pick<Measure, 'code' | 'polarity' | 'noQuartile'>;

export interface EngineInputs {
  measures: BenchmarkedMeasure[];
  observations: ObservationRow[];
  areas: Area[];
  /** The statistical-neighbour set (neighbours and each LA's comparison region); none: no SN averages. */
  neighbourSet: NeighbourSet | undefined;
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
  maxNeighbours: number;
}

function buildGeography(areas: Area[], set: NeighbourSet | undefined): Geography {
  const index = new Map<number, number>();
  areas.forEach((a, i) => index.set(a.code, i));
  const idx = (code: number | null | undefined) =>
    code === null || code === undefined ? -1 : (index.get(code) ?? -1);
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
    parentIdx: Int32Array.from(areas, (a) => idx(a.parentCode)),
    laRegionIdx: Int32Array.from(areas, (a) =>
      a.kind === 'la' ? idx(set?.regions.get(a.code) ?? a.regionCode) : -1,
    ),
    neighbours,
    maxNeighbours: Math.max(0, ...neighbours.map((n) => n.length)),
  };
}

/** Computes every year of every given measure. Observations of other measures are ignored. */
export function computeBenchmarks(inputs: EngineInputs): MeasureBenchmarks[] {
  const geo = buildGeography(inputs.areas, inputs.neighbourSet);
  const byMeasure = new Map<string, ObservationRow[]>();
  for (const m of inputs.measures) byMeasure.set(m.code, []);
  for (const o of inputs.observations) byMeasure.get(o.measureCode)?.push(o);
  const scratch = new Float64Array(Math.max(1, geo.maxNeighbours));
  return inputs.measures.map((m) => computeMeasure(m, byMeasure.get(m.code)!, geo, scratch));
}

/** One measure's observations laid out as year × area. */
interface Grid {
  labels: string[];
  numbers: number[];
  values: Float64Array;
  present: Uint8Array;
  suppression: Map<number, string>;
  /** LAIT's latest year: character maximum of the labels of LA rows (any row if no LA has one). */
  latestLabel: string | null;
  maxYearNumber: number;
}

function buildGrid(rows: ObservationRow[], geo: Geography): Grid {
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
  const values = new Float64Array(labels.length * nA).fill(Number.NaN);
  const present = new Uint8Array(labels.length * nA);
  const suppression = new Map<number, string>();
  let latestLa: string | null = null;
  let latestAny: string | null = null;
  let maxYearNumber = -Infinity;
  for (const r of rows) {
    const a = geo.index.get(r.areaCode);
    if (a === undefined) continue;
    const cell = yearOf.get(r.yearLabel)! * nA + a;
    present[cell] = 1;
    if (r.value !== null) values[cell] = r.value;
    if (r.suppression !== null) suppression.set(cell, r.suppression);
    if (geo.areas[a]!.kind === 'la' && (latestLa === null || r.yearLabel > latestLa))
      latestLa = r.yearLabel;
    if (latestAny === null || r.yearLabel > latestAny) latestAny = r.yearLabel;
    if (r.yearNumber > maxYearNumber) maxYearNumber = r.yearNumber;
  }
  return {
    labels,
    numbers,
    values,
    present,
    suppression,
    latestLabel: latestLa ?? latestAny,
    maxYearNumber,
  };
}

function computeMeasure(
  measure: BenchmarkedMeasure,
  rows: ObservationRow[],
  geo: Geography,
  scratch: Float64Array,
): MeasureBenchmarks {
  const nA = geo.areas.length;
  const grid = buildGrid(rows, geo);
  const { labels, numbers, present } = grid;
  // Years oldest first; within one year number (never in LAIT's data) by label.
  const order = labels
    .map((_, i) => i)
    .sort((x, y) => numbers[x]! - numbers[y]! || compareLabels(labels[x]!, labels[y]!));

  // LAs with a row in any year get a row in every year.
  const laList: number[] = [];
  for (let k = 0; k < geo.laIdx.length; k++) {
    const a = geo.laIdx[k]!;
    for (let y = 0; y < labels.length; y++) {
      if (present[y * nA + a]) {
        laList.push(a);
        break;
      }
    }
  }
  const las = Int32Array.from(laList);
  const context: MeasureContext = {
    columns: new MeasureColumns(las.length * labels.length),
    areas: geo.areas,
    las,
    regions: comparisonRegions(las, geo, grid, order),
    labels,
    suppression: grid.suppression,
  };

  // Change: the LA's previous row is its latest row with a smaller year number.
  const lastBefore = new Int32Array(nA).fill(-1);
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
          years.length * las.length,
          grid,
          geo,
          context,
          lastBefore,
          scratch,
        ),
      );
    }
    for (let j = 0; j < las.length; j++) {
      const a = las[j]!;
      for (let k = g; k < end; k++) if (present[order[k]! * nA + a]) lastBefore[a] = order[k]!;
    }
    g = end;
  }
  return { measureCode: measure.code, years };
}

/**
 * Each LA's comparison region: its statistical-neighbour-file region, except that Inner or
 * Outer London falls back to London when it has no value in the measure's latest year number
 * (LAIT's `clean_ldn_region`). Decided once per measure, for every year.
 */
function comparisonRegions(
  las: Int32Array,
  geo: Geography,
  grid: Grid,
  order: number[],
): Int32Array {
  const nA = geo.areas.length;
  let latestY = -1;
  for (const y of order) if (grid.numbers[y] === grid.maxYearNumber) latestY = y; // the character-max label if several
  return las.map((a) => {
    const r = geo.laRegionIdx[a]!;
    const parent = r >= 0 ? geo.parentIdx[r]! : -1;
    const missing = latestY < 0 || Number.isNaN(grid.values[latestY * nA + r]!);
    return parent >= 0 && missing ? parent : r;
  });
}

const directionCode = { better: 1, worse: 2, same: 3, noDirection: 4 } as const;

function computeYear(
  measure: BenchmarkedMeasure,
  y: number,
  offset: number,
  grid: Grid,
  geo: Geography,
  context: MeasureContext,
  lastBefore: Int32Array,
  scratch: Float64Array,
): YearBenchmark {
  const nA = geo.areas.length;
  const base = y * nA;
  const { values, present } = grid;
  const { columns: c, las, regions } = context;
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
  const polarity = measure.polarity;
  const bandCuts = measure.noQuartile || polarity === null ? null : q;
  const england = geo.englandIdx >= 0 ? values[base + geo.englandIdx]! : Number.NaN;
  for (let k = 0; k < las.length; k++) {
    const i = offset + k;
    const a = las[k]!;
    const v = values[base + a]!;
    c.value[i] = v;
    const has = !Number.isNaN(v);
    // Rank: 1 + how many LAs are strictly better (ties share the smallest rank).
    c.rank[i] =
      has && polarity !== null
        ? 1 + (polarity === 'low' ? countBelow(sorted, v) : n - countAtOrBelow(sorted, v))
        : 0;
    if (has && bandCuts !== null && polarity !== null) {
      c.band[i] = bandCode(labelOf(intervalOf(v, bandCuts), polarity));
      const cut = nextBetterCut(v, bandCuts, polarity);
      const reachable = !Number.isNaN(cut);
      c.nextBand[i] = reachable ? bandCode(bandBeyondCut(cut, bandCuts, polarity)) : 0;
      c.distanceToNextBand[i] = reachable ? (polarity === 'low' ? v - cut : cut - v) : Number.NaN;
    } else {
      c.band[i] = 0;
      c.nextBand[i] = 0;
      c.distanceToNextBand[i] = Number.NaN;
    }
    // SN average: unweighted mean of the neighbours with a value this year.
    const nb = geo.neighbours[a]!;
    let count = 0;
    for (let j = 0; j < nb.length; j++) {
      const sv = values[base + nb[j]!]!;
      if (!Number.isNaN(sv)) scratch[count++] = sv;
    }
    c.snCount[i] = count;
    c.snAverage[i] = meanOf(scratch, count);
    const r = regions[k]!;
    c.regionValue[i] = r >= 0 ? values[base + r]! : Number.NaN;
    // Change: this row minus the LA's previous row; missing if either is missing.
    const prev = present[base + a] ? lastBefore[a]! : -1;
    c.previousYear[i] = prev;
    const change = prev >= 0 ? v - values[prev * nA + a]! : Number.NaN;
    c.change[i] = change;
    c.direction[i] = Number.isNaN(change)
      ? 0
      : polarity === null
        ? directionCode.noDirection
        : change === 0
          ? directionCode.same
          : change > 0 === (polarity === 'high')
            ? directionCode.better
            : directionCode.worse;
    c.distanceToEngland[i] = v - england;
  }
  const cutPoints = q === null ? null : { ...q, laCount: n };
  return new YearBenchmark(
    grid.labels[y]!,
    grid.numbers[y]!,
    grid.labels[y] === grid.latestLabel,
    cutPoints,
    Number.isNaN(england) ? null : england,
    polarity === null ? null : n,
    context,
    y,
    offset,
  );
}
