import fs from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../../core/db.js';
import { lanternError } from '../../core/errors.js';
import {
  decodeUtf8,
  emptyFileError,
  readUtf8Text,
  requireFile,
  sha256,
} from '../shared/file-checks.js';
import { parseCsvTable, requireColumns, type CsvTable as EesTable } from '../shared/csv-table.js';
import { existingMeasureCodes, measuresFromOtherSources } from './ees.repository.js';
import { geographicLevels } from './geography.js';
import { describeMappingError, parseMapping, type EesMapping } from './mapping.js';
import { formatCount } from '../../core/format.js';

/** A mapping is a few kilobytes; anything past this is not one (and YAML of that size is slow to read). */
const mappingSizeLimit = 1_000_000;

const mappingHint = 'See docs/sources-ees.md for the mapping format and a full example.';

/** Reads and validates a mapping file; LANTERN_MAPPING_INVALID lists every problem by file, entry and field. */
export function readMappingFile(mappingPath: string): { mapping: EesMapping; checksum: string } {
  requireFile(mappingPath, 'Mapping file');
  const file = path.basename(mappingPath);
  const { size } = fs.statSync(mappingPath);
  if (size > mappingSizeLimit)
    throw mappingInvalid(file, [
      `is ${formatCount(size)} bytes: a mapping is a short YAML file (at most ${formatCount(mappingSizeLimit)} bytes)`,
    ]);
  const buffer = fs.readFileSync(mappingPath);
  const text = decodeUtf8(
    buffer,
    file,
    'Save the mapping as UTF-8 (in most editors: Save with encoding > UTF-8) and run the import again.',
  );
  const { value, errors } = parseMapping(text, file);
  if (!value)
    throw mappingInvalid(
      file,
      errors.map((e) => describeMappingError(e)),
    );
  return { mapping: value, checksum: sha256(buffer) };
}

function mappingInvalid(file: string, problems: string[]) {
  return lanternError(
    'LANTERN_MAPPING_INVALID',
    [
      `${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}. Nothing was imported.`,
      ...problems.map((p) => `  - ${p.startsWith(file) ? p : `${file} ${p}`}`),
    ].join('\n'),
    { hint: mappingHint },
  );
}

/** An EES CSV read and checked for shape: UTF-8, well formed, not empty, with the columns the mapping needs. */
export function readEesTable(
  csvPath: string,
  mapping: EesMapping,
  mappingFile: string,
): { file: string; checksum: string; table: EesTable } {
  requireFile(csvPath, 'EES data file');
  const file = path.basename(csvPath);
  const { text, checksum } = readUtf8Text(csvPath);
  const table = parseCsvTable(text, file, { source: 'from Explore Education Statistics' });
  if (table.rows.length === 0)
    throw emptyFileError(
      file,
      'has a header but no data rows',
      'Download the file again from Explore Education Statistics (the whole file, not only its header) and import it again.',
    );
  requireColumns(table, file, neededColumns(table, mapping, mappingFile));
  return { file, checksum, table };
}

/** Always time_period, geographic_level, the mapped indicators and filters; geography columns for the levels present. */
function neededColumns(
  table: EesTable,
  mapping: EesMapping,
  mappingFile: string,
): { column: string; why: string }[] {
  const needed = [
    { column: 'time_period', why: 'every EES file has one' },
    { column: 'geographic_level', why: 'every EES file has one' },
  ];
  for (const e of mapping.entries) {
    needed.push({
      column: e.indicator,
      why: `indicator of entry ${e.number} of the mapping ${mappingFile}`,
    });
    for (const f of Object.keys(e.filters))
      needed.push({ column: f, why: `filter of entry ${e.number} of the mapping ${mappingFile}` });
  }
  for (const ex of mapping.exclude)
    for (const f of Object.keys(ex))
      needed.push({ column: f, why: `used by "exclude" in the mapping ${mappingFile}` });
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

/**
 * LANTERN_MEASURE_NOT_FOUND for an entry naming a measure neither the store nor the mapping
 * defines; LANTERN_MAPPING_INVALID for a new measure whose code another source (LAIT) defined:
 * its name, polarity and decimal places would be overwritten, changing every rank and band.
 */
export async function checkExistingMeasures(
  db: Queryable,
  mapping: EesMapping,
  mappingFile: string,
): Promise<void> {
  const defined = mapping.entries.flatMap((e) => (e.newMeasure ? [e] : []));
  const taken = await measuresFromOtherSources(
    db,
    defined.map((e) => e.newMeasure!.code),
  );
  if (taken.length > 0)
    throw lanternError(
      'LANTERN_MAPPING_INVALID',
      `${mappingFile}: ${taken.map((t) => `a new measure has the code "${t.code}", which the ${t.source.toUpperCase()} data already defines`).join('; ')}. Nothing was imported.`,
      {
        hint: `To add this file's figures to that measure, replace the entry's new measure with \`measure: '${taken[0]!.code}'\`; to make a measure of its own, give it another code (docs/sources-ees.md).`,
      },
    );
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
