import fs from 'node:fs';
import path from 'node:path';
import type { Database, Queryable } from '../../core/db.js';
import { lanternError } from '../../core/errors.js';
import { refreshBenchmarks } from '../../benchmarks/benchmarks.service.js';
import { removeDemoData } from '../../demo/demo.service.js';
import { listAreas } from '../../measures/areas.repository.js';
import { upsertMeasures } from '../../measures/measures.repository.js';
import { upsertObservations, type ObservationRow } from '../../measures/observations.repository.js';
import { readUtf8Text, requireFile, sha256 } from '../shared/file-checks.js';
import { ProblemCollector } from '../shared/problems.js';
import { silentProgress, withProgress, type Progress } from '../shared/progress.js';
import { recordRelease } from '../../measures/releases.repository.js';
import { parseEesCsv, requireColumns, type EesTable } from './csv.js';
import { deleteObservationsForYears, existingMeasureCodes } from './ees.repository.js';
import { extractObservations, type Extraction } from './extract.js';
import { buildAreaIndex, geographicLevels } from './geography.js';
import { describeMappingError, parseMapping, type EesMapping } from './mapping.js';

export interface EesImportOptions {
  /** Progress bar (on stderr in the CLI); only started for files of `largeFileRows` rows or more. */
  progress?: Progress;
  largeFileRows?: number;
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
  measures: EesMeasureSummary[];
}

/** Reads and validates a mapping file; LANTERN_MAPPING_INVALID lists every problem by file, entry and field. */
export function readMappingFile(mappingPath: string): { mapping: EesMapping; checksum: string } {
  requireFile(mappingPath, 'Mapping file');
  const buffer = fs.readFileSync(mappingPath);
  const file = path.basename(mappingPath);
  const { value, errors } = parseMapping(buffer.toString('utf8'), file);
  if (!value) {
    throw lanternError(
      'LANTERN_MAPPING_INVALID',
      [
        `${file} has ${errors.length} problem${errors.length === 1 ? '' : 's'}. Nothing was imported.`,
        ...errors.map((e) => `  - ${describeMappingError(e)}`),
      ].join('\n'),
      { hint: 'See docs/sources-ees.md for the mapping format and a full example.' },
    );
  }
  return { mapping: value, checksum: sha256(buffer) };
}

/** Imports one EES tidy CSV through a mapping, in one transaction: all of it or nothing. */
export async function importEes(
  db: Database,
  csvPath: string,
  mappingPath: string,
  options: EesImportOptions = {},
): Promise<EesImportSummary> {
  const { mapping, checksum: mappingChecksum } = readMappingFile(mappingPath);
  requireFile(csvPath, 'EES data file');
  const file = path.basename(csvPath);
  const { text, checksum } = readUtf8Text(csvPath);
  const table = parseEesCsv(text, file);
  requireColumns(table, file, neededColumns(table, mapping));

  await checkExistingMeasures(db, mapping, path.basename(mappingPath));
  const areas = buildAreaIndex(await listAreas(db));
  const large = table.rows.length >= (options.largeFileRows ?? 20_000);
  const progress = large ? (options.progress ?? silentProgress) : silentProgress;

  const problems = new ProblemCollector(file);
  const extraction = await withProgress(progress, table.rows.length, `Checking ${file}`, () => {
    const result = extractObservations(table, mapping, areas, problems, (done) =>
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
    },
  });
  await upsertMeasures(tx, newMeasures, releaseId);
  const summaries = await replaceYears(tx, codes, extraction.observations, newMeasures);
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
    measures: summaries,
  };
}

/** Deletes each measure's observations of the years the file has, and says what it will hold. */
async function replaceYears(
  tx: Queryable,
  codes: string[],
  observations: ObservationRow[],
  newMeasures: { code: string; name: string }[],
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
    });
  }
  return summaries;
}

/** Always time_period, geographic_level, the mapped indicators and filters; geography columns for the levels present. */
function neededColumns(table: EesTable, mapping: EesMapping): { column: string; why: string }[] {
  const needed = [
    { column: 'time_period', why: 'every EES file has one' },
    { column: 'geographic_level', why: 'every EES file has one' },
  ];
  for (const e of mapping.entries) {
    needed.push({ column: e.indicator, why: `indicator of entry ${e.number} of the mapping` });
    for (const f of Object.keys(e.filters))
      needed.push({ column: f, why: `filter of entry ${e.number} of the mapping` });
  }
  for (const ex of mapping.exclude)
    for (const f of Object.keys(ex))
      needed.push({ column: f, why: 'used by "exclude" in the mapping' });
  if (!table.columns.includes('geographic_level')) return needed;
  const levels = new Set(table.rows.map((r) => (r.geographic_level ?? '').trim()));
  if (levels.has(geographicLevels.regional))
    needed.push({ column: 'region_code', why: 'the file has Regional rows' });
  if (
    levels.has(geographicLevels.la) &&
    !table.columns.includes('old_la_code') &&
    !table.columns.includes('new_la_code')
  ) {
    needed.push({
      column: 'old_la_code',
      why: 'the file has Local authority rows (or a "new_la_code" column)',
    });
  }
  return needed;
}

async function checkExistingMeasures(
  db: Database,
  mapping: EesMapping,
  mappingFile: string,
): Promise<void> {
  const referenced = mapping.entries.filter(
    (e) => !e.newMeasure && !mapping.entries.some((d) => d.newMeasure?.code === e.measureCode),
  );
  if (referenced.length === 0) return;
  const found = await existingMeasureCodes(
    db,
    referenced.map((e) => e.measureCode),
  );
  const missing = referenced.filter((e) => !found.has(e.measureCode));
  if (missing.length === 0) return;
  throw lanternError(
    'LANTERN_MEASURE_NOT_FOUND',
    `${mappingFile}: ${missing.map((e) => `entry ${e.number} (${e.indicator}), field "measure": no measure has the code "${e.measureCode}"`).join('; ')}. Nothing was imported.`,
    {
      hint: 'Find the code with `lantern measures --search <words>`, or define the new measure in the mapping (docs/sources-ees.md).',
    },
  );
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
