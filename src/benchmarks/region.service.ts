import type { Database } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import { englandCode, isInRegion, type Area } from '../measures/areas.js';
import { listAreas } from '../measures/areas.repository.js';
import type { Measure } from '../measures/measure.js';
import { listObservations } from '../measures/observations.repository.js';
import type { CutPoints, LaBenchmark } from './benchmark.js';
import { emptyBenchmark } from './empty-benchmark.js';
import { getMeasureBenchmark } from './benchmarks.service.js';

/** A region's (or England's) published figure: never computed from the LAs, never ranked. */
export interface AreaValue {
  code: number;
  name: string;
  kind: 'region' | 'england';
  /** London for Inner and Outer London. */
  parentCode: number | null;
  value: number | null;
  suppression: string | null;
}

export interface RegionComparison {
  measure: Measure;
  yearLabel: string;
  /** Newest first. */
  yearLabels: string[];
  cutPoints: CutPoints | null;
  region: AreaValue;
  england: AreaValue;
  /**
   * The region's LAs (London: Inner and Outer), best first: by rank, then name; LAs without a
   * value last. Measures with no better direction: by value, smallest first (as LAIT sorts).
   */
  las: LaBenchmark[];
  /** Every region and England (last): best first by value where the measure has a direction. */
  regions: AreaValue[];
}

function compareBenchmarks(polarity: Measure['polarity']) {
  return (a: LaBenchmark, b: LaBenchmark): number => {
    if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
    if (a.value !== null && b.value !== null && a.value !== b.value) {
      if (polarity === 'low' || polarity === null) return a.value - b.value;
      return b.value - a.value;
    }
    return a.laName.localeCompare(b.laName, 'en-GB');
  };
}

function compareAreaValues(polarity: Measure['polarity']) {
  return (a: AreaValue, b: AreaValue): number => {
    if (a.kind !== b.kind) return a.kind === 'england' ? 1 : -1;
    if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
    if (a.value !== null && b.value !== null && a.value !== b.value)
      return polarity === 'high' ? b.value - a.value : a.value - b.value;
    return a.code - b.code;
  };
}

/** England with no figure, when the reference areas lack it. */
const noEngland: AreaValue = {
  code: englandCode,
  name: 'England',
  kind: 'england',
  parentCode: null,
  value: null,
  suppression: null,
};

/** Reads a region's (or England's) published figure for one measure-year. */
async function publishedValues(
  db: Database,
  measureCode: string,
  yearLabel: string,
): Promise<(a: Area) => AreaValue> {
  const observations = (await listObservations(db, [measureCode])).filter(
    (o) => o.yearLabel === yearLabel,
  );
  const observed = new Map(observations.map((o) => [o.areaCode, o]));
  return (a) => ({
    code: a.code,
    name: a.name,
    kind: a.kind === 'england' ? 'england' : 'region',
    parentCode: a.parentCode,
    value: observed.get(a.code)?.value ?? null,
    suppression: observed.get(a.code)?.suppression ?? null,
  });
}

/**
 * LAIT's region page: every LA in a region with its value, rank, band and change, the region's
 * and England's published values, and every region's value. Current LAs are always listed;
 * former councils only in years they have a value.
 */
export async function getRegionComparison(
  db: Database,
  regionCode: number,
  measureCode: string,
  options: { yearLabel?: string } = {},
): Promise<RegionComparison> {
  const areas = await listAreas(db);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const region = byCode.get(regionCode);
  if (!region || region.kind !== 'region') {
    throw lanternError('LANTERN_AREA_NOT_FOUND', `No region has the code ${regionCode}.`, {
      hint: 'Regions have the codes 980 to 990 (986 London, 987 Inner London, 988 Outer London).',
    });
  }
  const benchmark = await getMeasureBenchmark(db, measureCode, {
    ...(options.yearLabel !== undefined ? { yearLabel: options.yearLabel } : {}),
  });
  const areaValue = await publishedValues(db, benchmark.measure.code, benchmark.yearLabel);
  const rows = new Map(benchmark.rows.map((r) => [r.laCode, r]));
  const las = areas
    .filter((a) => a.kind === 'la' && isInRegion(a, region.code, byCode))
    .map((a) => rows.get(a.code) ?? emptyBenchmark(a))
    .filter((r) => r.value !== null || byCode.get(r.laCode)?.status === 'current')
    .sort(compareBenchmarks(benchmark.measure.polarity));
  const england = areas.find((a) => a.kind === 'england');
  const regions = areas
    .filter((a) => a.kind === 'region' || a.kind === 'england')
    .map(areaValue)
    // Inner and Outer London only where published that year (LAIT drops them when empty).
    .filter((r) => r.parentCode === null || r.value !== null || r.code === region.code)
    .sort(compareAreaValues(benchmark.measure.polarity));
  return {
    measure: benchmark.measure,
    yearLabel: benchmark.yearLabel,
    yearLabels: benchmark.yearLabels,
    cutPoints: benchmark.cutPoints,
    region: areaValue(region),
    england: england ? areaValue(england) : noEngland,
    las,
    regions,
  };
}
