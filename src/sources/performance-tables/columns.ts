import type { CsvTable } from '../shared/csv-table.js';
import { isBlank, isFigureOrCode } from './cells.js';
import type { MetaFile } from './meta.js';
import { identityColumns } from './publications.js';

/** A column the file holds figures (or text such as NFTYPE) in, with the meta's label for it. */
export interface FigureColumn {
  code: string;
  label: string;
  kind: 'number' | 'text';
}

/**
 * The columns to store and whether each is numbers or text, decided from the cells because a new
 * year brings columns no code knows: a column most of whose cells (not counting blanks and codes
 * such as SUPP) are figures is numeric, and any other word in it is an error for that cell; a
 * column mostly of words (OPEN_AC dates, RELDENOM) is text. Columns with no cell are left out.
 */
export function figureColumns(table: CsvTable, meta: MetaFile | null): FigureColumn[] {
  const out: FigureColumn[] = [];
  for (const code of table.columns) {
    if (identityColumns.has(code.toUpperCase())) continue;
    let filled = 0;
    let words = 0;
    for (const row of table.rows) {
      const raw = row[code];
      if (isBlank(raw)) continue;
      filled++;
      if (!isFigureOrCode(raw!)) words++;
    }
    if (filled === 0) continue;
    const label = meta?.fields.get(code.toUpperCase())?.label ?? code;
    out.push({ code, label, kind: words * 2 > filled ? 'text' : 'number' });
  }
  return out;
}

/** Header columns the meta does not describe, and meta fields the file does not have. */
export function compareWithMeta(
  columns: string[],
  meta: MetaFile | null,
): { notInMeta: string[]; notInFile: string[] } {
  if (!meta) return { notInMeta: [], notInFile: [] };
  const upper = new Set(columns.map((c) => c.toUpperCase()));
  return {
    notInMeta: columns.filter((c) => !meta.fields.has(c.toUpperCase())),
    notInFile: [...meta.fields.values()]
      .map((f) => f.name)
      .filter((n) => !upper.has(n.toUpperCase())),
  };
}
