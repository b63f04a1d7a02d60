import type { CsvTable } from '../shared/csv-table.js';
import type { ProblemCollector } from '../shared/problems.js';
import { parseCell, suppressionMarkers } from '../ees/markers.js';

/** A column whose cells are stored as a school's figures, under the file's own column name. */
export interface EesFigureColumn {
  code: string;
  label: string;
  kind: 'number' | 'text';
}

/** One cell to store: a figure, an EES symbol beside a null, or text. */
export interface EesFigure {
  code: string;
  value: number | null;
  marker: string | null;
  text: string | null;
}

/**
 * Columns that say which row this is (period, level, place, school) rather than a figure: read for
 * placing the row and for the register, never stored as figures. The EES data standards' names.
 */
export const identityColumns: ReadonlySet<string> = new Set([
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'old_la_code',
  'new_la_code',
  'la_name',
  'lad_code',
  'lad_name',
  'pcon_code',
  'pcon_name',
  'lsip_code',
  'lsip_name',
  'trust_id',
  'trust_name',
  'school_urn',
  'school_laestab',
  'school_name',
  'school_postcode',
  'full_address',
  'telnum',
  'version',
]);

/**
 * Descriptive columns, always text whatever their cells: progress8_banding is `z` in every row of
 * 2024/25 (no Progress 8), and would otherwise pass for a column of numbers.
 */
const knownTextColumns: ReadonlySet<string> = new Set([
  'progress8_banding',
  'establishment_type_group',
  'reldenom',
  'admpol_pt',
  'egender',
  'agerange',
]);

const symbols: ReadonlySet<string> = new Set(suppressionMarkers);

function isBlank(raw: string | undefined): boolean {
  return raw === undefined || raw.trim() === '';
}

/**
 * The columns to store, each numbers or text. A known descriptive column is text; otherwise a
 * column is text when most of its cells (not counting blanks and the EES symbols) are words, and
 * numbers otherwise, so a stray word in a column of numbers is an error naming its cell. Columns
 * with nothing in any cell are left out.
 */
export function eesFigureColumns(
  table: CsvTable,
  labels: ReadonlyMap<string, string> | null,
): EesFigureColumn[] {
  const out: EesFigureColumn[] = [];
  for (const code of table.columns) {
    if (identityColumns.has(code.toLowerCase())) continue;
    let filled = 0;
    let words = 0;
    let numbers = 0;
    for (const row of table.rows) {
      const raw = row[code];
      if (isBlank(raw)) continue;
      filled++;
      const cell = parseCell(raw);
      if ('error' in cell) words++;
      else if (cell.value !== null) numbers++;
    }
    if (filled === 0) continue;
    const text = knownTextColumns.has(code.toLowerCase()) || /_banding$/i.test(code);
    out.push({
      code,
      label: labels?.get(code) ?? code,
      kind: text || words > numbers ? 'text' : 'number',
    });
  }
  return out;
}

/** One row's figures; a cell a numeric column cannot hold is a problem naming row, column and value. */
export function readEesFigures(
  cells: Record<string, string>,
  columns: EesFigureColumn[],
  row: number,
  problems: ProblemCollector,
): EesFigure[] {
  const figures: EesFigure[] = [];
  for (const c of columns) {
    const raw = cells[c.code];
    if (isBlank(raw)) continue;
    const text = raw!.trim();
    if (c.kind === 'text') {
      // In a text column only the symbols exactly as EES writes them are markers.
      const marker = symbols.has(text) ? text : null;
      figures.push({ code: c.code, value: null, marker, text: marker ? null : text });
      continue;
    }
    const cell = parseCell(raw);
    if ('error' in cell) {
      problems.add({ row, column: c.code, value: raw, expected: cell.error });
      continue;
    }
    figures.push({ code: c.code, value: cell.value, marker: cell.suppression, text: null });
  }
  return figures;
}
