import { performance } from 'node:perf_hooks';
import type { Database, Queryable } from '../../core/db.js';
import { refreshBenchmarks } from '../../benchmarks/benchmarks.service.js';
import { removeDemoData } from '../../demo/demo.service.js';
import { upsertMeasures } from '../../measures/measures.repository.js';
import { replaceNeighbourSet } from '../../measures/neighbours.repository.js';
import { recordRelease } from '../../measures/releases.repository.js';
import { silentProgress, withProgress, type Progress } from '../shared/progress.js';
import type { Removal } from '../shared/removals.js';
import { locateLaitFiles } from './lait.files.js';
import { readLaitFolder, type AreaLookup, type FileFacts, type LaitReading } from './lait.read.js';
import { removeLaitMeasures, replaceObservations } from './lait.repository.js';
import { checkLaitRemovals, goneMeasureOutcome } from './lait.removals.js';
import type { ObservationColumns } from './bds.js';
import type { ObservationRow } from '../../measures/observations.repository.js';

export interface LaitImportSummary {
  measures: number;
  observations: number;
  /** Observations with a number (the rest are missing or suppressed). */
  observationsWithValue: number;
  /** Distinct year labels ('2016-17 (OT)' and '2016' count separately). */
  yearLabels: number;
  firstYear: number | null;
  lastYear: number | null;
  /** LAs (not regions or England) with at least one observation. */
  las: number;
  neighbourSets: { version: string; las: number; lasWithoutNeighbours: number[] }[];
  /** Measures in the data file without a dictionary row: not imported. */
  undocumentedMeasures: { code: string; rows: number }[];
  /** Rows with a year label such as "0" and no value: skipped. */
  rowsWithoutYear: number;
  /** Dictionary rows dropped because their Table_status says DISCONTINUE. */
  discontinuedDictionaryRows: number;
  /** Measure codes with several dictionary rows, merged into one measure. */
  mergedMeasureCodes: string[];
  /**
   * Measure-years (and neighbour sets) that lost areas, with `replace`; without it the import
   * refuses. They include every year of a measure the dictionary no longer has (removedMeasures).
   */
  removals: Removal[];
  /**
   * Measures an earlier LAIT release gave the store that this dictionary lacks (renamed, dropped or
   * DISCONTINUE): what LAIT gave them is removed, so no figure of an older release stays beside the
   * new ones. One holding figures is refused without `replace`, as any removal.
   */
  removedMeasures: string[];
  /** The same in words, one line each (at most 20, then a count). */
  removalLines: string[];
  releaseIds: number[];
  durationMs: number;
  /** Where the time went: reading and checking the files, writing the store, refreshing benchmarks. */
  timings: { readMs: number; loadMs: number; benchmarksMs: number };
}

async function areaLookup(db: Queryable): Promise<AreaLookup> {
  const rows = await db.query<{ code: number; kind: string; name: string }>(
    'select code, kind, name from area',
  );
  return {
    areaCodes: new Set(rows.map((r) => r.code)),
    neighbourContext: {
      laCodes: new Set(rows.filter((r) => r.kind === 'la').map((r) => r.code)),
      regionCodes: new Map(
        rows.filter((r) => r.kind === 'region').map((r) => [r.name.toLowerCase(), r.code]),
      ),
    },
  };
}

function release(
  tx: Queryable,
  facts: FileFacts,
  description: string,
  details: Record<string, unknown>,
): Promise<number> {
  return recordRelease(tx, {
    source: 'lait',
    description,
    fileName: facts.fileName,
    checksumSha256: facts.checksum,
    rowCount: facts.rowCount,
    details,
  });
}

interface LoadOptions {
  progress: Progress;
  replace: boolean;
  folder: string;
}

/** Replaces each neighbour set in the folder; the ids of their releases. */
async function loadNeighbourSets(
  tx: Queryable,
  neighbourSets: LaitReading['neighbourSets'],
): Promise<number[]> {
  const ids: number[] = [];
  for (const n of neighbourSets) {
    const id = await release(tx, n, n.set.description, {
      version: n.set.version,
      las: n.set.neighbours.size,
      lasWithoutNeighbours: n.skippedLas,
    });
    await replaceNeighbourSet(tx, n.set, id);
    ids.push(id);
  }
  return ids;
}

async function load(
  tx: Queryable,
  reading: LaitReading,
  options: LoadOptions,
): Promise<{
  ids: number[];
  benchmarksMs: number;
  removals: Removal[];
  lines: string[];
  removedMeasures: string[];
}> {
  const { dictionary, bds } = reading;
  const { progress } = options;
  // Real data and the synthetic demo never share a store: pages would mix them.
  await removeDemoData(tx);
  const codes = dictionary.measures.map((m) => m.code);
  const { removals, lines, held } = await checkLaitRemovals(tx, reading, codes, options);
  const gone = goneMeasureOutcome(held);
  const dictionaryId = await release(tx, dictionary, 'LAIT data dictionary', {
    measures: dictionary.measures.length,
  });
  const bdsId = await release(tx, bds, 'LAIT benchmarking data (BDS, long format)', {
    observations: bds.observations.measureCode.length,
    undocumentedMeasures: bds.undocumentedMeasures,
    rowsWithoutYear: bds.rowsWithoutYear,
    ...(removals.length > 0 ? { removed: removals } : {}),
    ...(gone.removed.length > 0 ? { removedMeasures: gone.removed } : {}),
  });
  await upsertMeasures(tx, dictionary.measures, dictionaryId);
  // What earlier releases gave measures this dictionary lacks (checkLaitRemovals allowed it): none stays.
  const goneCodes = held.map((m) => m.code);
  await removeLaitMeasures(tx, goneCodes);
  await withProgress(
    progress,
    bds.observations.measureCode.length,
    'Loading LAIT observations',
    () => replaceObservations(tx, codes, bds.observations, bdsId, (done) => progress.update(done)),
  );
  const ids = [dictionaryId, bdsId, ...(await loadNeighbourSets(tx, reading.neighbourSets))];
  const started = performance.now();
  // The observations just written are all these measures have: hand them over rather than read 640k rows back.
  await refreshBenchmarks(tx, codes, { observations: observationRows(bds.observations) });
  // Measures this dictionary lacks: their benchmarks go, or are made again from what another
  // source (an EES import's years) still gives them.
  if (goneCodes.length > 0) await refreshBenchmarks(tx, goneCodes);
  return {
    ids,
    benchmarksMs: Math.round(performance.now() - started),
    removals,
    lines,
    removedMeasures: gone.removed,
  };
}

function observationRows(c: ObservationColumns): ObservationRow[] {
  const rows = new Array<ObservationRow>(c.measureCode.length);
  for (let i = 0; i < rows.length; i++) {
    rows[i] = {
      measureCode: c.measureCode[i]!,
      areaCode: c.areaCode[i]!,
      yearLabel: c.yearLabel[i]!,
      yearNumber: c.yearNumber[i]!,
      value: c.value[i]!,
      suppression: c.suppression[i]!,
    };
  }
  return rows;
}

function summarise(
  reading: LaitReading,
  las: ReadonlySet<number>,
  loaded: { ids: number[]; removals: Removal[]; lines: string[]; removedMeasures: string[] },
  timings: LaitImportSummary['timings'],
): LaitImportSummary {
  const obs = reading.bds.observations;
  const years = obs.yearNumber.length
    ? obs.yearNumber.reduce(
        (a, b) => [Math.min(a[0]!, b), Math.max(a[1]!, b)],
        [Infinity, -Infinity],
      )
    : null;
  return {
    measures: reading.dictionary.measures.length,
    observations: obs.measureCode.length,
    observationsWithValue: obs.value.filter((v) => v !== null).length,
    yearLabels: new Set(obs.yearLabel).size,
    firstYear: years ? years[0]! : null,
    lastYear: years ? years[1]! : null,
    las: new Set(obs.areaCode.filter((c) => las.has(c))).size,
    neighbourSets: reading.neighbourSets.map((n) => ({
      version: n.set.version,
      las: n.set.neighbours.size,
      lasWithoutNeighbours: n.skippedLas,
    })),
    undocumentedMeasures: reading.bds.undocumentedMeasures,
    rowsWithoutYear: reading.bds.rowsWithoutYear,
    discontinuedDictionaryRows: reading.dictionary.droppedDiscontinued,
    mergedMeasureCodes: reading.dictionary.mergedCodes,
    removals: loaded.removals,
    removedMeasures: loaded.removedMeasures,
    removalLines: loaded.lines,
    releaseIds: loaded.ids,
    durationMs: timings.readMs + timings.loadMs + timings.benchmarksMs,
    timings,
  };
}

/**
 * Imports the LAIT folder: checks every file first (nothing is written if any check fails), then
 * in one transaction records the files, upserts the measures, replaces their observations and the
 * statistical-neighbour sets, and refreshes the benchmarks. Running it twice gives the same store.
 */
export async function importLait(
  db: Database,
  folder: string,
  options: { progress?: Progress; replace?: boolean } = {},
): Promise<LaitImportSummary> {
  const started = performance.now();
  const files = locateLaitFiles(folder);
  const areas = await areaLookup(db);
  const reading = await readLaitFolder(files, areas);
  const read = performance.now();
  const loaded = await db.transaction((tx) =>
    load(tx, reading, {
      progress: options.progress ?? silentProgress,
      replace: options.replace ?? false,
      folder,
    }),
  );
  const { benchmarksMs } = loaded;
  const readMs = Math.round(read - started);
  const loadMs = Math.round(performance.now() - read) - benchmarksMs;
  return summarise(reading, areas.neighbourContext.laCodes, loaded, {
    readMs,
    loadMs,
    benchmarksMs,
  });
}
