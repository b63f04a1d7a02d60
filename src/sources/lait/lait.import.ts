import { performance } from 'node:perf_hooks';
import type { Database, Queryable } from '../../core/db.js';
import { refreshBenchmarks } from '../../benchmarks/benchmarks.service.js';
import { removeDemoData } from '../../demo/demo.service.js';
import { upsertMeasures } from '../../measures/measures.repository.js';
import { replaceNeighbourSet } from '../../measures/neighbours.repository.js';
import { recordRelease } from '../../measures/releases.repository.js';
import { silentProgress, withProgress, type Progress } from '../shared/progress.js';
import { AreaSets, findRemovals, holdsFigure, type Removal } from '../shared/removals.js';
import { neighbourLasHeld, observationAreasHeld } from '../shared/removals.repository.js';
import { settleRemovals } from '../shared/store-removals.js';
import { locateLaitFiles } from './lait.files.js';
import { readLaitFolder, type AreaLookup, type FileFacts, type LaitReading } from './lait.read.js';
import { replaceObservations } from './lait.repository.js';
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
  /** Measure-years (and neighbour sets) that lost areas, with `replace`; without it the import refuses. */
  removals: Removal[];
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

/**
 * What the import would take from the store: every year of each imported measure is replaced, and
 * each neighbour set in the folder. Refused (LANTERN_IMPORT_WOULD_REMOVE) unless `replace`.
 */
async function checkRemovals(
  tx: Queryable,
  reading: LaitReading,
  codes: string[],
  options: LoadOptions,
): Promise<{ removals: Removal[]; lines: string[] }> {
  const obs = reading.bds.observations;
  const incoming = new AreaSets();
  for (let i = 0; i < obs.measureCode.length; i++)
    incoming.add(
      obs.measureCode[i]!,
      obs.yearLabel[i]!,
      obs.areaCode[i]!,
      holdsFigure(obs.value[i] ?? null, obs.suppression[i] ?? null),
    );
  const sets = new AreaSets();
  for (const n of reading.neighbourSets)
    for (const la of n.set.neighbours.keys()) sets.add('statistical neighbours', n.set.version, la);
  const versions = reading.neighbourSets.map((n) => n.set.version);
  const removals = [
    ...findRemovals(await observationAreasHeld(tx, codes), incoming, 'every year held'),
    ...findRemovals(await neighbourLasHeld(tx, versions), sets, 'years in the file'),
  ];
  const lines = await settleRemovals(tx, removals, {
    replace: options.replace,
    source: `The LAIT files in ${options.folder}`,
    command: ['lantern', 'import', 'lait', options.folder],
  });
  return { removals, lines };
}

interface LoadOptions {
  progress: Progress;
  replace: boolean;
  folder: string;
}

async function load(
  tx: Queryable,
  reading: LaitReading,
  options: LoadOptions,
): Promise<{ ids: number[]; benchmarksMs: number; removals: Removal[]; lines: string[] }> {
  const { dictionary, bds, neighbourSets } = reading;
  const { progress } = options;
  // Real data and the synthetic demo never share a store: pages would mix them.
  await removeDemoData(tx);
  const codes = dictionary.measures.map((m) => m.code);
  const { removals, lines } = await checkRemovals(tx, reading, codes, options);
  const dictionaryId = await release(tx, dictionary, 'LAIT data dictionary', {
    measures: dictionary.measures.length,
  });
  const bdsId = await release(tx, bds, 'LAIT benchmarking data (BDS, long format)', {
    observations: bds.observations.measureCode.length,
    undocumentedMeasures: bds.undocumentedMeasures,
    rowsWithoutYear: bds.rowsWithoutYear,
    ...(removals.length > 0 ? { removed: removals } : {}),
  });
  await upsertMeasures(tx, dictionary.measures, dictionaryId);
  await withProgress(
    progress,
    bds.observations.measureCode.length,
    'Loading LAIT observations',
    () => replaceObservations(tx, codes, bds.observations, bdsId, (done) => progress.update(done)),
  );
  const ids = [dictionaryId, bdsId];
  for (const n of neighbourSets) {
    const id = await release(tx, n, n.set.description, {
      version: n.set.version,
      las: n.set.neighbours.size,
      lasWithoutNeighbours: n.skippedLas,
    });
    await replaceNeighbourSet(tx, n.set, id);
    ids.push(id);
  }
  const started = performance.now();
  // The observations just written are all these measures have: hand them over rather than read 640k rows back.
  await refreshBenchmarks(tx, codes, { observations: observationRows(bds.observations) });
  return { ids, benchmarksMs: Math.round(performance.now() - started), removals, lines };
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
  loaded: { ids: number[]; removals: Removal[]; lines: string[] },
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
