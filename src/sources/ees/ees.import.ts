import path from 'node:path';
import type { Database, Queryable } from '../../core/db.js';
import { refreshBenchmarks } from '../../benchmarks/benchmarks.service.js';
import { removeDemoData } from '../../demo/demo.service.js';
import { listAreas } from '../../measures/areas.repository.js';
import { upsertMeasures } from '../../measures/measures.repository.js';
import { upsertObservations, type ObservationRow } from '../../measures/observations.repository.js';
import { recordRelease } from '../../measures/releases.repository.js';
import { ProblemCollector } from '../shared/problems.js';
import { silentProgress, withProgress, type Progress } from '../shared/progress.js';
import { AreaSets, findRemovals, holdsFigure, type Removal } from '../shared/removals.js';
import { observationAreasHeld } from '../shared/removals.repository.js';
import { settleRemovals } from '../shared/store-removals.js';
import { deleteObservationsForYears } from './ees.repository.js';
import { checkExistingMeasures, readEesTable, readMappingFile } from './ees.read.js';
import { extractObservations, type Extraction } from './extract.js';
import { buildAreaIndex } from './geography.js';
import type { EesMapping } from './mapping.js';

export { readMappingFile } from './ees.read.js';

export interface EesImportOptions {
  /** Progress bar (on stderr in the CLI); only started for files of `largeFileRows` rows or more. */
  progress?: Progress;
  largeFileRows?: number;
  /** Replace a measure-year even when the file has fewer areas than the store (`--replace`). */
  replace?: boolean;
}

export interface EesMeasureSummary {
  code: string;
  name: string | null;
  /** True when the mapping defined (or redefined) the measure's metadata. */
  defined: boolean;
  yearLabels: string[];
  observations: number;
  /** Observations with no value (a suppression marker or a blank cell). */
  missing: number;
  /** Observations of those years that were there before and were replaced. */
  replaced: number;
  /** Of those, areas the file does not have (only with `replace`): they no longer have a value. */
  removed: number;
}

export interface EesImportSummary {
  file: string;
  mappingFile: string;
  releaseId: number;
  rowsRead: number;
  rowsUsed: number;
  rowsExcluded: number;
  rowsUnmatched: number;
  rowsIgnoredByLevel: Record<string, number>;
  /** Rows no entry wanted, by the filter value that kept them out ("sex=Boys"). */
  rowsSkippedByFilter: Record<string, number>;
  measures: EesMeasureSummary[];
  /** Measure-years that lost areas, with `replace`; an import without it refuses them instead. */
  removals: Removal[];
  /** The same in words: "ees_neet_16_17 2025: 40 areas in the file, 161 in the store; 121 removed (...)". */
  removalLines: string[];
}

/** Imports one EES tidy CSV through a mapping, in one transaction: all of it or nothing. */
export async function importEes(
  db: Database,
  csvPath: string,
  mappingPath: string,
  options: EesImportOptions = {},
): Promise<EesImportSummary> {
  const { mapping, checksum: mappingChecksum } = readMappingFile(mappingPath);
  const { file, checksum, table } = readEesTable(csvPath, mapping, path.basename(mappingPath));

  await checkExistingMeasures(db, mapping, path.basename(mappingPath));
  const areas = await listAreas(db);
  const large = table.rows.length >= (options.largeFileRows ?? 20_000);
  const progress = large ? (options.progress ?? silentProgress) : silentProgress;

  const problems = new ProblemCollector(file);
  const extraction = await withProgress(progress, table.rows.length, `Checking ${file}`, () => {
    const result = extractObservations(table, mapping, buildAreaIndex(areas), problems, (done) =>
      progress.update(done),
    );
    progress.update(table.rows.length);
    return result;
  });
  problems.throwIfAny(`${file} (mapping ${path.basename(mappingPath)})`);
  const checked: CheckedFile = {
    file,
    checksum,
    rowsRead: table.rows.length,
    mapping,
    mappingFile: path.basename(mappingPath),
    mappingChecksum,
    extraction,
    replace: options.replace ?? false,
    command: ['lantern', 'import', 'ees', csvPath, '--mapping', mappingPath],
  };
  return db.transaction((tx) => loadEes(tx, checked, progress));
}

/** An EES file and its mapping, read and checked: what `loadEes` writes. */
interface CheckedFile {
  file: string;
  checksum: string;
  rowsRead: number;
  mapping: EesMapping;
  mappingFile: string;
  mappingChecksum: string;
  extraction: Extraction;
  replace: boolean;
  /** The command that imports it, for the hint of a refusal. */
  command: string[];
}

/** The measure-years the file would take areas from; refused (nothing written) unless `replace`. */
async function checkRemovals(tx: Queryable, f: CheckedFile, codes: string[]) {
  const incoming = new AreaSets();
  for (const o of f.extraction.observations)
    incoming.add(o.measureCode, o.yearLabel, o.areaCode, holdsFigure(o.value, o.suppression));
  const held = await observationAreasHeld(tx, codes);
  const removals = findRemovals(held, incoming, 'years in the file');
  const lines = await settleRemovals(tx, removals, { ...f, source: f.file });
  return { removals, lines };
}

async function loadEes(
  tx: Queryable,
  f: CheckedFile,
  progress: Progress,
): Promise<EesImportSummary> {
  const { mapping, extraction } = f;
  const codes = [...new Set(mapping.entries.map((e) => e.measureCode))];
  const newMeasures = [
    ...new Map(
      mapping.entries.flatMap((e) =>
        e.newMeasure ? [[e.measureCode, e.newMeasure] as const] : [],
      ),
    ).values(),
  ];
  // Real data and the synthetic demo never share a store: pages would mix them.
  await removeDemoData(tx);
  const { removals, lines } = await checkRemovals(tx, f, codes);
  const releaseId = await recordRelease(tx, {
    source: 'ees',
    description: mapping.description ?? `EES file ${f.file}`,
    fileName: f.file,
    checksumSha256: f.checksum,
    rowCount: f.rowsRead,
    details: {
      mappingFile: f.mappingFile,
      mappingChecksumSha256: f.mappingChecksum,
      measures: codes,
      ...(removals.length > 0 ? { removed: removals } : {}),
    },
  });
  await upsertMeasures(tx, newMeasures, releaseId);
  const summaries = await replaceYears(tx, codes, extraction.observations, newMeasures, removals);
  await withProgress(progress, extraction.observations.length, 'Loading observations', () =>
    upsertObservations(tx, extraction.observations, releaseId, (done) => progress.update(done)),
  );
  await refreshBenchmarks(tx, codes);
  return {
    file: f.file,
    mappingFile: f.mappingFile,
    releaseId,
    rowsRead: f.rowsRead,
    rowsUsed: extraction.rowsUsed,
    rowsExcluded: extraction.rowsExcluded,
    rowsUnmatched: extraction.rowsUnmatched,
    rowsIgnoredByLevel: extraction.rowsIgnoredByLevel,
    rowsSkippedByFilter: extraction.rowsSkippedByFilter,
    measures: summaries,
    removals,
    removalLines: lines,
  };
}

/** Deletes each measure's observations of the years the file has, and says what it will hold. */
async function replaceYears(
  tx: Queryable,
  codes: string[],
  observations: ObservationRow[],
  newMeasures: { code: string; name: string }[],
  removals: Removal[],
): Promise<EesMeasureSummary[]> {
  const byMeasure = groupByMeasure(observations);
  const summaries: EesMeasureSummary[] = [];
  for (const code of codes) {
    const rows = byMeasure.get(code) ?? [];
    const yearLabels = [...new Set(rows.map((r) => r.yearLabel))].sort();
    const replaced = await deleteObservationsForYears(tx, code, yearLabels);
    summaries.push({
      code,
      name: newMeasures.find((m) => m.code === code)?.name ?? null,
      defined: newMeasures.some((m) => m.code === code),
      yearLabels,
      observations: rows.length,
      missing: rows.filter((r) => r.value === null).length,
      replaced,
      removed: removals
        .filter((r) => r.what === code)
        .reduce((sum, r) => sum + r.removed.length, 0),
    });
  }
  return summaries;
}

function groupByMeasure(rows: ObservationRow[]): Map<string, ObservationRow[]> {
  const map = new Map<string, ObservationRow[]>();
  for (const r of rows) {
    const list = map.get(r.measureCode);
    if (list) list.push(r);
    else map.set(r.measureCode, [r]);
  }
  return map;
}
