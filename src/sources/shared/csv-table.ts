import Papa from 'papaparse';
import { lanternError, type ImportProblem } from '../../core/errors.js';
import { duplicateColumnProblems } from './columns.js';
import { ProblemCollector } from './problems.js';

export interface CsvTable {
  columns: string[];
  /** Data rows; the header is spreadsheet row 1, so `rows[i]` is row i + 2. */
  rows: Record<string, string>[];
}

export interface CsvTableOptions {
  /** Where to get the file again, for the hint of a file cut short ("from Explore Education Statistics"). */
  source?: string;
  /**
   * Rows with fewer fields than the header are read with the rest blank: the performance tables
   * leave out a row's trailing empty fields, on the last row too (815_2018_ks4.csv ends without
   * a line end, one field short), so a file cut at a field boundary cannot be told from one whole.
   */
  allowShortRows?: boolean;
}

/**
 * Parses a comma-separated file with a header strictly: a row with too few or too many fields, or a
 * quote never closed, is a problem (LANTERN_IMPORT_TRUNCATED when the file seems cut short,
 * LANTERN_IMPORT_INVALID otherwise). Two columns of one name are refused. Cells are as written
 * (not trimmed); header names are trimmed.
 */
export function parseCsvTable(text: string, file: string, options: CsvTableOptions = {}): CsvTable {
  const header: string[] = [];
  const result = Papa.parse<Record<string, string>>(text, {
    header: true,
    // The files are comma-separated; guessing would call a one-column file malformed.
    delimiter: ',',
    skipEmptyLines: true,
    transformHeader: (h) => {
      header.push(h.trim());
      return h.trim();
    },
  });
  // Papa renames a second "time_period" to "time_period_1": refuse it instead (shared/columns.ts).
  const duplicates = new ProblemCollector(file);
  for (const p of duplicateColumnProblems(header, 1)) duplicates.add(p);
  duplicates.throwIfAny(`${file} has two columns of one name`);
  const columns = result.meta.fields ?? [];
  const lastRow = result.data.length - 1;
  const errors = options.allowShortRows
    ? result.errors.filter((e) => e.code !== 'TooFewFields')
    : result.errors;
  if (errors.length > 0) {
    const problems = new ProblemCollector(file);
    let cut = false;
    for (const e of errors) {
      const row = e.row === undefined ? undefined : e.row + 2;
      if (e.code === 'MissingQuotes' || e.row === lastRow) cut = true;
      problems.add({ row, expected: structuralExpectation(e, columns.length) });
    }
    if (cut) {
      throw lanternError(
        'LANTERN_IMPORT_TRUNCATED',
        `${file} ends part-way through a row (or has a quote that is never closed). Nothing was imported.`,
        {
          problems: problems.problems,
          hint: `Download the file again${options.source ? ` ${options.source}` : ''} and import it again.`,
        },
      );
    }
    problems.throwIfAny(`${file} is not a well-formed CSV file`);
  }
  return { columns, rows: result.data };
}

function structuralExpectation(e: Papa.ParseError, columnCount: number): string {
  switch (e.code) {
    case 'MissingQuotes':
      return 'a closing quote (") for a quoted field';
    case 'TooFewFields':
    case 'TooManyFields':
      return `${columnCount} fields as in the header (${e.message.toLowerCase()})`;
    default:
      return `well-formed CSV (${e.message})`;
  }
}

/** LANTERN_IMPORT_MISSING_COLUMN naming the file and every missing column, and listing the columns found. */
export function requireColumns(
  table: CsvTable,
  file: string,
  needed: { column: string; why: string }[],
  hint = 'Check that this is the right file for the mapping (column names change between some EES releases).',
): void {
  const have = new Set(table.columns);
  const missing = needed.filter(
    (n, i) => !have.has(n.column) && needed.findIndex((m) => m.column === n.column) === i,
  );
  if (missing.length === 0) return;
  const problems: ImportProblem[] = missing.map((m) => ({
    file,
    row: 1,
    column: m.column,
    expected: `a column "${m.column}" (${m.why})`,
  }));
  throw lanternError(
    'LANTERN_IMPORT_MISSING_COLUMN',
    `${file} has no column ${missing.map((m) => `"${m.column}"`).join(', ')}. Nothing was imported. Columns found: ${table.columns.join(', ')}.`,
    {
      problems,
      hint,
    },
  );
}
