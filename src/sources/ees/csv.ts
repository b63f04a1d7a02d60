import Papa from 'papaparse';
import { lanternError, type ImportProblem } from '../../core/errors.js';
import { duplicateColumnProblems } from '../shared/columns.js';
import { ProblemCollector } from '../shared/problems.js';

export interface EesTable {
  columns: string[];
  /** Data rows; the header is spreadsheet row 1, so `rows[i]` is row i + 2. */
  rows: Record<string, string>[];
}

/**
 * Parses an EES CSV strictly: a row with too few or too many fields, or a quote never closed, is a
 * problem (LANTERN_IMPORT_TRUNCATED when the file seems cut short, LANTERN_IMPORT_INVALID otherwise).
 */
export function parseEesCsv(text: string, file: string): EesTable {
  const header: string[] = [];
  const result = Papa.parse<Record<string, string>>(text, {
    header: true,
    // EES tidy files are comma-separated; guessing would call a one-column file malformed.
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
  if (result.errors.length > 0) {
    const problems = new ProblemCollector(file);
    const lastRow = result.data.length - 1;
    let cut = false;
    for (const e of result.errors) {
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
          hint: 'Download the file again from Explore Education Statistics and import it again.',
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
  table: EesTable,
  file: string,
  needed: { column: string; why: string }[],
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
      hint: 'Check that this is the right file for the mapping (column names change between some EES releases).',
    },
  );
}
