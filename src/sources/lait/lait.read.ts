import fs from 'node:fs';
import path from 'node:path';
import { lanternError, visibleText, type ImportProblem } from '../../core/errors.js';
import type { NeighbourSet } from '../../measures/neighbours.repository.js';
import { problemLimit } from '../shared/problems.js';
import { emptyFileError, readUtf8Text, refuseEmptyBuffer, sha256 } from '../shared/file-checks.js';
import { validateBds, type BdsValidation } from './bds.js';
import { readBdsParquet } from './bds-reader.js';
import { parseDictionary, type ParsedDictionary } from './dictionary.js';
import { dictionaryFileName, type LaitFiles } from './lait.files.js';
import { parseNeighbourRows, type NeighbourContext } from './neighbours.js';
import { neighbourSheetName, readNeighbourSheet } from './neighbours-reader.js';
import { formatCount } from '../../core/format.js';
import { binaryKindNames, damageDescription, type BinaryKind } from '../shared/damaged-files.js';

export interface FileFacts {
  fileName: string;
  checksum: string;
  rowCount: number;
}

/** Everything read and checked from the LAIT folder, ready to load. */
export interface LaitReading {
  dictionary: ParsedDictionary & FileFacts;
  bds: BdsValidation & FileFacts;
  neighbourSets: (FileFacts & { set: NeighbourSet; skippedLas: number[] })[];
}

export interface AreaLookup {
  areaCodes: ReadonlySet<number>;
  neighbourContext: NeighbourContext;
}

function missingColumns(fileName: string, columns: string[]): never {
  throw lanternError(
    'LANTERN_IMPORT_MISSING_COLUMN',
    `${fileName} lacks ${columns.length === 1 ? 'the column' : 'the columns'} ${columns.map((c) => `"${c}"`).join(', ')}. Nothing was imported.`,
    {
      problems: columns.map((c) => ({
        file: fileName,
        row: 1,
        column: c,
        expected: `a column named "${c}" in the header`,
      })),
      hint: 'Use the file as published by the DfE (LAIT repository, 01_data/02_prod), or restore the column, and run the import again.',
    },
  );
}

function unreadable(fileName: string, kind: BinaryKind, cause: unknown): never {
  throw lanternError(
    'LANTERN_IMPORT_TRUNCATED',
    `${fileName} could not be read as ${binaryKindNames[kind]}: ${damageDescription(kind, cause)}. Nothing was imported.`,
    {
      problems: [{ file: fileName, expected: `${binaryKindNames[kind]}, complete and undamaged` }],
      hint: 'Download or copy the file again (check its size against the original) and run the import again.',
      cause,
    },
  );
}

function readDictionary(file: string): LaitReading['dictionary'] {
  const fileName = path.basename(file);
  const { text, checksum } = readUtf8Text(file);
  const parsed = parseDictionary(text);
  if (parsed.missingColumns.length > 0) missingColumns(fileName, parsed.missingColumns);
  if (parsed.rowCount + parsed.droppedDiscontinued === 0)
    throw emptyFileError(fileName, 'has a header but no measure rows');
  if (parsed.measures.length === 0 && parsed.problems.length === 0)
    throw emptyFileError(
      fileName,
      `has no measure to import: all ${parsed.droppedDiscontinued} rows are DISCONTINUE`,
    );
  return { ...parsed, fileName, checksum, rowCount: parsed.rowCount + parsed.droppedDiscontinued };
}

async function readBds(
  file: string,
  dictionary: Pick<LaitReading['dictionary'], 'measures' | 'problems'>,
  areas: AreaLookup,
): Promise<LaitReading['bds']> {
  const measures = dictionary.measures;
  const fileName = path.basename(file);
  const buffer = fs.readFileSync(file);
  refuseEmptyBuffer(buffer, file);
  let result: Awaited<ReturnType<typeof readBdsParquet>>;
  try {
    result = await readBdsParquet(buffer);
  } catch (error) {
    unreadable(fileName, 'parquet', error);
  }
  if (!result.ok) missingColumns(fileName, result.missingColumns);
  if (result.columns.rowCount === 0) throw emptyFileError(fileName, 'has no data rows');
  const validation = validateBds(result.columns, {
    measureCodes: new Set(measures.map((m) => m.code)),
    areaCodes: areas.areaCodes,
    problemLimit,
  });
  // With problems in the dictionary, those are what to report (its measures may be what is missing).
  const problems = validation.problems.length + dictionary.problems.length;
  if (validation.observations.measureCode.length === 0 && problems === 0)
    throw emptyFileError(
      fileName,
      `gives no observations: none of its ${formatCount(result.columns.rowCount)} rows is for a measure in the data dictionary (${dictionaryFileName}) with a year`,
    );
  return { ...validation, fileName, checksum: sha256(buffer), rowCount: result.columns.rowCount };
}

async function readNeighbours(
  entry: LaitFiles['neighbours'][number],
  areas: AreaLookup,
): Promise<LaitReading['neighbourSets'][number] & { problems: Omit<ImportProblem, 'file'>[] }> {
  const fileName = path.basename(entry.file);
  const buffer = fs.readFileSync(entry.file);
  refuseEmptyBuffer(buffer, entry.file);
  let rows: Awaited<ReturnType<typeof readNeighbourSheet>>;
  try {
    rows = await readNeighbourSheet(buffer);
  } catch (error) {
    unreadable(fileName, 'xlsx', error);
  }
  if (rows === null) {
    throw lanternError(
      'LANTERN_IMPORT_MISSING_COLUMN',
      `${fileName} has no sheet named "${neighbourSheetName}". Nothing was imported.`,
      {
        problems: [{ file: fileName, expected: `a sheet named "${neighbourSheetName}"` }],
        hint: 'Use the statistical-neighbour workbook as published by the DfE and run the import again.',
      },
    );
  }
  if (rows.length === 0)
    throw emptyFileError(fileName, `has an empty sheet "${neighbourSheetName}"`);
  const description = `DfE statistical neighbours${entry.month ? `, ${entry.month}` : ''} ${entry.version} (${fileName})`;
  const parsed = parseNeighbourRows(rows, entry.version, description, areas.neighbourContext);
  if (parsed.missingColumns.length > 0) missingColumns(fileName, parsed.missingColumns);
  if (parsed.set.neighbours.size === 0 && parsed.problems.length === 0)
    throw emptyFileError(fileName, 'lists no LA with neighbours under its header row');
  return {
    set: parsed.set,
    skippedLas: parsed.skippedLas,
    problems: parsed.problems,
    fileName,
    checksum: sha256(buffer),
    rowCount: rows.length,
  };
}

/** The problem as a message shows it: a character no one can see written as <U+0000> (core/errors.ts). */
function shown(p: ImportProblem): ImportProblem {
  const show = (t: string | undefined) => (t === undefined ? undefined : visibleText(t));
  return { ...p, column: show(p.column), value: show(p.value), expected: show(p.expected)! };
}

/**
 * Reads and checks every LAIT file. Stops at once on a missing file, column, bad encoding or a damaged
 * file; otherwise gathers up to 100 problems over all files and throws LANTERN_IMPORT_INVALID naming them.
 */
export async function readLaitFolder(files: LaitFiles, areas: AreaLookup): Promise<LaitReading> {
  const dictionary = readDictionary(files.dictionary);
  const bds = await readBds(files.bds, dictionary, areas);
  const neighbourSets = [];
  for (const entry of files.neighbours) neighbourSets.push(await readNeighbours(entry, areas));
  const problems: ImportProblem[] = [
    ...dictionary.problems.map((p) => ({ file: dictionary.fileName, ...p })),
    ...bds.problems.map((p) => ({ file: bds.fileName, ...p })),
    ...neighbourSets.flatMap((s) => s.problems.map((p) => ({ file: s.fileName, ...p }))),
  ].map(shown);
  if (problems.length > 0) {
    const shown = problems.slice(0, problemLimit);
    const more =
      problems.length > problemLimit || bds.problems.length >= problemLimit
        ? ` (stopped after ${problemLimit})`
        : '';
    throw lanternError(
      'LANTERN_IMPORT_INVALID',
      `The LAIT files have ${shown.length} problem${shown.length === 1 ? '' : 's'}${more}. Nothing was imported.`,
      {
        problems: shown,
        hint: 'Each line above names the file, row, column and value. Correct them (or use the files as published by the DfE) and run the import again.',
      },
    );
  }
  return { dictionary, bds, neighbourSets };
}
