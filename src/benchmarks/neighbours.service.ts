import type { Database } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import { listAreas } from '../measures/areas.repository.js';
import type { Measure } from '../measures/measure.js';
import {
  latestNeighbourSetVersion,
  listNeighbourSetVersions,
  loadNeighbourSet,
} from '../measures/neighbours.repository.js';
import type { CutPoints, LaBenchmark } from './benchmark.js';
import { emptyBenchmark } from './empty-benchmark.js';
import { getMeasureBenchmark, requireLa } from './benchmarks.service.js';

export interface NeighbourSetSummary {
  version: string;
  description: string;
}

export interface NeighbourEntry {
  /** 1 for SN1 (the closest) to 10. */
  position: number;
  /** The DfE's closeness label ("Very close", "Close"...), as published. */
  closeness: string | null;
  benchmark: LaBenchmark;
}

/** An LA, its statistical neighbours (SN1 first) and the comparators, for one measure and year. */
export interface NeighbourComparison {
  measure: Measure;
  yearLabel: string;
  /** Newest first. */
  yearLabels: string[];
  cutPoints: CutPoints | null;
  /** The set the neighbours and the average come from. */
  neighbourSet: NeighbourSetSummary;
  /** Every loaded set, newest first. */
  neighbourSets: NeighbourSetSummary[];
  /** The LA itself; its SN average and count use `neighbourSet`. */
  la: LaBenchmark;
  /** Empty when the LA had no neighbours in this set (Cumberland, Westmorland and Furness in 2021). */
  neighbours: NeighbourEntry[];
}

/** Loaded sets, newest first, with the synthetic demo set last (as latestNeighbourSetVersion orders them). */
export async function getNeighbourSets(db: Database): Promise<NeighbourSetSummary[]> {
  const sets = await listNeighbourSetVersions(db);
  return [...sets.filter((s) => s.version !== 'demo'), ...sets.filter((s) => s.version === 'demo')];
}

/**
 * The statistical-neighbours view (LAIT's SN page): the LA and its neighbours in SN1..SN10
 * order with their value, rank and band, and the LA's SN average computed with `setVersion`
 * (default: the newest set).
 */
export async function getNeighbourComparison(
  db: Database,
  laCode: number,
  measureCode: string,
  options: { yearLabel?: string; setVersion?: string } = {},
): Promise<NeighbourComparison> {
  const la = await requireLa(db, laCode);
  const version = options.setVersion ?? (await latestNeighbourSetVersion(db));
  if (version === undefined) {
    throw lanternError('LANTERN_NO_DATA', 'No statistical-neighbour set is loaded.', {
      hint: 'Import the LAIT files (they include the 2025 and 2021 sets): `lantern import lait <folder>`.',
    });
  }
  const [benchmark, set, sets, areas] = [
    await getMeasureBenchmark(db, measureCode, {
      ...(options.yearLabel !== undefined ? { yearLabel: options.yearLabel } : {}),
      neighbourSetVersion: version,
    }),
    await loadNeighbourSet(db, version),
    await getNeighbourSets(db),
    await listAreas(db),
  ];
  if (!set) throw new Error(`neighbour set ${version} vanished`);
  const byCode = new Map(benchmark.rows.map((r) => [r.laCode, r]));
  const nameOf = new Map(areas.map((a) => [a.code, a.name]));
  const rowFor = (code: number) =>
    byCode.get(code) ?? emptyBenchmark({ code, name: nameOf.get(code) ?? String(code) });
  const neighbours = (set.neighbours.get(la.code) ?? []).map((n, i) => ({
    position: i + 1,
    closeness: n.closeness,
    benchmark: rowFor(n.code),
  }));
  return {
    measure: benchmark.measure,
    yearLabel: benchmark.yearLabel,
    yearLabels: benchmark.yearLabels,
    cutPoints: benchmark.cutPoints,
    neighbourSet: { version: set.version, description: set.description },
    neighbourSets: sets,
    la: rowFor(la.code),
    neighbours,
  };
}
