/**
 * The benchmark engine: LAIT's method (docs/methods.md) over in-memory inputs, no I/O.
 * `computeBenchmarks` works out every measure × year × LA in one pass: observations are
 * grouped once, each measure's values sit in one typed array (year × area), each year's LA
 * values are sorted once for the cut points and ranks, and results go into typed columns
 * (`MeasureColumns`) rather than an object per row. Each row's rank, band and change direction
 * come from rankOf (rank.ts), quartileBand (bands.ts) and changeDirectionCode (change.ts), the
 * functions the unit tests check, which allocate nothing. engine-grid.ts lays the inputs out.
 */
import type { Area } from '../measures/areas.js';
import type { Measure } from '../measures/measure.js';
import type { NeighbourSet } from '../measures/neighbours.repository.js';
import type { ObservationRow } from '../measures/observations.repository.js';
import { buildGeography, buildGrid, type Geography, type Grid } from './engine-grid.js';
import { bandBeyondCut, distanceToCut, hasBands, nextBetterCut, quartileBand } from './bands.js';
import { changeDirectionCode, meanOf } from './change.js';
import { quartiles, type Quartiles } from './quantiles.js';
import { rankOf } from './rank.js';
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

/** Computes every year of every given measure. Observations of other measures are ignored. */
export function computeBenchmarks(inputs: EngineInputs): MeasureBenchmarks[] {
  const geo = buildGeography(inputs.areas, inputs.neighbourSet);
  const byMeasure = new Map<string, ObservationRow[]>();
  for (const m of inputs.measures) byMeasure.set(m.code, []);
  for (const o of inputs.observations) byMeasure.get(o.measureCode)?.push(o);
  const scratch = new Float64Array(Math.max(1, geo.maxNeighbours));
  return inputs.measures.map((m) => computeMeasure(m, byMeasure.get(m.code)!, geo, scratch));
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

  const las = lasWithRows(geo, grid);
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

/** The LAs with a row in any year of the measure: each gets a row in every year. */
function lasWithRows(geo: Geography, grid: Grid): Int32Array {
  const nA = geo.areas.length;
  const las: number[] = [];
  for (let k = 0; k < geo.laIdx.length; k++) {
    const a = geo.laIdx[k]!;
    for (let y = 0; y < grid.labels.length; y++) {
      if (grid.present[y * nA + a]) {
        las.push(a);
        break;
      }
    }
  }
  return Int32Array.from(las);
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

/** One measure-year's rows: where they are in the grid (`base`) and in the columns (`offset`). */
interface YearRows {
  base: number;
  offset: number;
  values: Float64Array;
  las: Int32Array;
  columns: MeasureColumns;
}

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
  const rows: YearRows = {
    base: y * nA,
    offset,
    values: grid.values,
    las: context.las,
    columns: context.columns,
  };
  const sorted = sortedLaValues(grid.values, rows.base, geo.laIdx);
  const q = quartiles(sorted);
  const polarity = measure.polarity;
  const england = geo.englandIdx >= 0 ? grid.values[rows.base + geo.englandIdx]! : Number.NaN;
  fillRanksAndBands(rows, sorted, polarity, hasBands(measure) ? q : null);
  fillNeighbourAverages(rows, geo.neighbours, scratch);
  fillChangeRegionEngland(
    rows,
    { nA, present: grid.present, lastBefore, polarity },
    context,
    england,
  );
  return new YearBenchmark(
    grid.labels[y]!,
    grid.numbers[y]!,
    grid.labels[y] === grid.latestLabel,
    q === null ? null : { ...q, laCount: sorted.length },
    Number.isNaN(england) ? null : england,
    polarity === null ? null : sorted.length,
    context,
    y,
    offset,
  );
}

/** The year's LA values that are not missing, ascending (what cut points and ranks are taken from). */
function sortedLaValues(values: Float64Array, base: number, laIdx: Int32Array): Float64Array {
  let n = 0;
  for (let k = 0; k < laIdx.length; k++) if (!Number.isNaN(values[base + laIdx[k]!]!)) n++;
  const sorted = new Float64Array(n);
  n = 0;
  for (let k = 0; k < laIdx.length; k++) {
    const v = values[base + laIdx[k]!]!;
    if (!Number.isNaN(v)) sorted[n++] = v;
  }
  return sorted.sort();
}

/** Value, rank of N, quartile band, and the next better band with the distance to its cut point. */
function fillRanksAndBands(
  rows: YearRows,
  sorted: Float64Array,
  polarity: BenchmarkedMeasure['polarity'],
  bandCuts: Quartiles | null,
): void {
  const { base, offset, values, las, columns: c } = rows;
  for (let k = 0; k < las.length; k++) {
    const i = offset + k;
    const v = values[base + las[k]!]!;
    c.value[i] = v;
    c.rank[i] = rankOf(sorted, v, polarity) ?? 0;
    const band = quartileBand(v, bandCuts, polarity);
    c.band[i] = bandCode(band);
    const banded = band !== null && bandCuts !== null && polarity !== null;
    const cut = banded ? nextBetterCut(v, bandCuts, polarity) : Number.NaN;
    if (banded && !Number.isNaN(cut)) {
      c.nextBand[i] = bandCode(bandBeyondCut(cut, bandCuts, polarity));
      c.distanceToNextBand[i] = distanceToCut(v, cut, polarity);
    } else {
      c.nextBand[i] = 0;
      c.distanceToNextBand[i] = Number.NaN;
    }
  }
}

/** SN average: the unweighted mean of the neighbours with a value this year, and their count. */
function fillNeighbourAverages(
  rows: YearRows,
  neighbours: Int32Array[],
  scratch: Float64Array,
): void {
  const { base, offset, values, las, columns: c } = rows;
  for (let k = 0; k < las.length; k++) {
    const i = offset + k;
    const nb = neighbours[las[k]!]!;
    let count = 0;
    for (let j = 0; j < nb.length; j++) {
      const sv = values[base + nb[j]!]!;
      if (!Number.isNaN(sv)) scratch[count++] = sv;
    }
    c.snCount[i] = count;
    c.snAverage[i] = meanOf(scratch, count);
  }
}

/**
 * Change from the LA's previous row (missing if either value is missing) and its direction, the
 * comparison region's value, and the distance to England.
 */
function fillChangeRegionEngland(
  rows: YearRows,
  previous: {
    nA: number;
    present: Uint8Array;
    lastBefore: Int32Array;
    polarity: BenchmarkedMeasure['polarity'];
  },
  context: MeasureContext,
  england: number,
): void {
  const { base, offset, values, las, columns: c } = rows;
  const { nA, present, lastBefore, polarity } = previous;
  for (let k = 0; k < las.length; k++) {
    const i = offset + k;
    const a = las[k]!;
    const v = values[base + a]!;
    const r = context.regions[k]!;
    c.regionValue[i] = r >= 0 ? values[base + r]! : Number.NaN;
    const prev = present[base + a] ? lastBefore[a]! : -1;
    c.previousYear[i] = prev;
    const change = prev >= 0 ? v - values[prev * nA + a]! : Number.NaN;
    c.change[i] = change;
    c.direction[i] = changeDirectionCode(change, polarity);
    c.distanceToEngland[i] = v - england;
  }
}
