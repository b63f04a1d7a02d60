import fs from 'node:fs';
import path from 'node:path';
import { lanternError, type LanternError } from '../../core/errors.js';
import { parseCsvTable, requireColumns, type CsvTable } from '../shared/csv-table.js';
import { emptyFileError, readUtf8OrWindows1252Text } from '../shared/file-checks.js';
import { ProblemCollector } from '../shared/problems.js';
import { silentProgress, withProgress, type Progress } from '../shared/progress.js';
import { ColumnNames, columnKey } from './cells.js';
import { layoutColumns, ofstedLayouts, type OfstedLayout } from './layouts.js';
import { extractRows, mergeListings, type RowInspection } from './rows.js';
import type { SchoolListing } from '../../schools/register.repository.js';

/** An Ofsted file read and checked: what the import writes, or the problems that refuse it. */
export interface CheckedOfstedFile {
  file: string;
  checksum: string;
  encoding: 'utf-8' | 'windows-1252';
  layout: OfstedLayout;
  rowsRead: number;
  inspections: RowInspection[];
  listings: SchoolListing[];
  problems: ProblemCollector;
}

const source = 'from Ofsted (management information on state-funded school inspections)';
const columnsHint =
  'Check that this is an Ofsted management-information file for state-funded schools as Ofsted publishes it (the CSV, with its header row).';
/** Files of this many rows or more show a progress bar while they are checked. */
const largeFileRows = 5_000;

/** The layout whose columns the header has, or null. */
export function recogniseLayout(columns: string[]): OfstedLayout | null {
  const names = new ColumnNames(columns);
  return ofstedLayouts.find((l) => l.signature.every((c) => names.get(c) !== undefined)) ?? null;
}

/** LANTERN_IMPORT_MISSING_COLUMN saying which columns each layout has, and what the nearest lacks. */
export function unknownLayoutError(file: string, columns: string[]): LanternError {
  const names = new ColumnNames(columns);
  const missing = ofstedLayouts.map((layout) => ({
    layout,
    lacks: layout.signature.filter((c) => names.get(c) === undefined),
  }));
  const nearest = [...missing].sort((a, b) => a.lacks.length - b.lacks.length)[0]!;
  const expected = ofstedLayouts.map((l) => `${l.name} (${l.signature.join(', ')})`).join('; ');
  return lanternError(
    'LANTERN_IMPORT_MISSING_COLUMN',
    `${file} is not an Ofsted management-information file Lantern knows. Nothing was imported. Expected the columns of one of: ${expected}. Columns found: ${columns.join(', ') || 'none'}.`,
    {
      problems: nearest.lacks.map((column) => ({
        file,
        row: 1,
        column,
        expected: `a column "${column}" (${nearest.layout.name})`,
      })),
      hint: columnsHint,
    },
  );
}

/** The file decoded (UTF-8, or Windows-1252 as Ofsted's older files are) and parsed strictly. */
export function readOfstedTable(filePath: string) {
  const file = path.basename(filePath);
  const { text, checksum, encoding } = readUtf8OrWindows1252Text(filePath);
  const table = parseCsvTable(text, file, { source });
  return { file, checksum, encoding, table };
}

/** Refuses a file without the layout's columns (named as the layout spells them). */
function requireLayoutColumns(table: CsvTable, file: string, layout: OfstedLayout): void {
  const optional = new Set(layout.optional.map(columnKey));
  const needed = layoutColumns(layout)
    .filter((c) => !optional.has(columnKey(c)))
    .map((column) => ({ column, why: `Ofsted ${layout.name}` }));
  // requireColumns matches exactly: the file's names, spelt as the layout spells those it has.
  const spelling = new Map(needed.map((n) => [columnKey(n.column), n.column]));
  const columns = table.columns.map((c) => spelling.get(columnKey(c)) ?? c);
  requireColumns({ columns, rows: [] }, file, needed, columnsHint);
}

/** Reads and checks one file whose layout is known; cell problems go into its collector. */
export async function checkOfstedFile(
  read: ReturnType<typeof readOfstedTable>,
  layout: OfstedLayout,
  las: ReadonlySet<number>,
  progress: Progress = silentProgress,
): Promise<CheckedOfstedFile> {
  const { file, table } = read;
  requireLayoutColumns(table, file, layout);
  if (table.rows.length === 0) throw emptyFileError(file, 'has a header but no data rows');
  const problems = new ProblemCollector(file);
  const bar = table.rows.length >= largeFileRows ? progress : silentProgress;
  const extraction = await withProgress(bar, table.rows.length, `Checking ${file}`, () =>
    extractRows(table, layout, new ColumnNames(table.columns), las, problems),
  );
  return {
    file,
    checksum: read.checksum,
    encoding: read.encoding,
    layout,
    rowsRead: table.rows.length,
    inspections: extraction.inspections,
    listings: mergeListings(extraction.listings),
    problems,
  };
}

export interface OfstedFiles {
  checked: CheckedOfstedFile[];
  /** CSV files of a folder whose header is no Ofsted layout. */
  skipped: { file: string; why: string }[];
}

/**
 * Reads a file, or every CSV file of a folder (not its sub-folders). A single file must be of a
 * known layout; a folder's other CSV files are skipped and named, but it must hold at least one.
 */
export async function readOfstedPath(
  target: string,
  las: ReadonlySet<number>,
  progress?: Progress,
): Promise<OfstedFiles> {
  if (!fs.statSync(target).isDirectory()) {
    const read = readOfstedTable(target);
    const layout = recogniseLayout(read.table.columns);
    if (!layout) throw unknownLayoutError(read.file, read.table.columns);
    return { checked: [await checkOfstedFile(read, layout, las, progress)], skipped: [] };
  }
  // statSync follows links: a folder of links to the downloaded files is read as the files.
  const csvFiles = fs
    .readdirSync(target)
    .filter((name) => /\.csv$/i.test(name) && fs.statSync(path.join(target, name)).isFile())
    .sort();
  const result: OfstedFiles = { checked: [], skipped: [] };
  for (const name of csvFiles) {
    const read = readOfstedTable(path.join(target, name));
    const layout = recogniseLayout(read.table.columns);
    if (layout) result.checked.push(await checkOfstedFile(read, layout, las, progress));
    else
      result.skipped.push({ file: name, why: 'its header is not an Ofsted layout Lantern knows' });
  }
  if (result.checked.length === 0) throw noOfstedFile(target, csvFiles);
  return result;
}

function noOfstedFile(folder: string, csvFiles: string[]): LanternError {
  const expected = ofstedLayouts.map((l) => `${l.name} (${l.signature.join(', ')})`).join('; ');
  const name = path.basename(folder);
  if (csvFiles.length === 0)
    return lanternError(
      'LANTERN_IMPORT_EMPTY',
      `${folder} holds no CSV file. Nothing was imported.`,
      {
        problems: [{ file: name, expected: 'an Ofsted management-information CSV file' }],
        hint: 'Put the Ofsted CSV files in the folder (or name one file) and run the import again.',
      },
    );
  return lanternError(
    'LANTERN_IMPORT_MISSING_COLUMN',
    `${folder} holds no Ofsted management-information file Lantern knows (${csvFiles.length} CSV file${csvFiles.length === 1 ? '' : 's'}: ${csvFiles.join(', ')}). Nothing was imported. Expected the columns of one of: ${expected}.`,
    {
      problems: [{ file: name, expected: 'a CSV file with the columns of an Ofsted layout' }],
      hint: columnsHint,
    },
  );
}
