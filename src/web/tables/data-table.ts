import ExcelJS from 'exceljs';
import { publishedNumber } from '../../core/format.js';
import { neutraliseCell, toCsv } from './csv.js';

/**
 * A table as a page shows it, and as its CSV and XLSX downloads give it: every page builds its
 * tables as DataTables, so "download this table" always means exactly the table shown.
 * `raw` is what downloads carry (unrounded numbers, as LAIT's downloads do); `text`/`html` is
 * what the page shows (formatted by src/core/format.ts).
 */
export type RawValue = string | number | null;

export interface DataCell {
  raw: RawValue;
  /** Shown on the page; defaults to `raw` as text. */
  text?: string;
  /** Shown on the page instead of `text` (already escaped). */
  html?: string;
  classes?: string;
  /** The only class a compact table (components/compact-table) writes on the cell: a colour. */
  compactClasses?: string;
}

export interface DataColumn {
  header: string;
  /** Right-aligned on the page, a number cell in XLSX. */
  numeric?: boolean;
  /** Classes of its header cell: visually hidden text for an icon column, a minimum width. */
  classes?: string;
}

export interface DataTable {
  /** Unique on its page; `?download=csv&table=<id>` fetches it. */
  id: string;
  caption: string;
  columns: DataColumn[];
  rows: DataCell[][];
  /** Download file name without extension, e.g. "lantern-scorecard-933". */
  fileName: string;
  /** Lines under the table in downloads: source, release, year, method link. */
  notes?: string[];
}

export type DownloadFormat = 'csv' | 'xlsx';

/** A download's file name from its parts: letters, digits, '.', '_' and '-' only. */
export function downloadFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]+/g, '-');
}

/** What a download writes for a cell: text as it is, numbers as published (no binary noise). */
function downloadValue(raw: RawValue): RawValue {
  return typeof raw === 'number' ? publishedNumber(raw) : raw;
}

export function tableToCsv(table: DataTable): string {
  const rows = table.rows.map((r) => r.map((c) => downloadValue(c.raw)));
  const notes = (table.notes ?? []).map((n) => [n]);
  return toCsv(
    table.columns.map((c) => c.header),
    notes.length ? [...rows, [], ...notes] : rows,
  );
}

export async function tableToXlsx(table: DataTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lantern';
  const sheet = workbook.addWorksheet(
    table.caption.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || 'Table',
    {
      views: [{ state: 'frozen', ySplit: 1 }],
    },
  );
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) {
    // Text is neutralised (a leading apostrophe) so a cell can never run as a formula.
    sheet.addRow(
      row.map((c) => (typeof c.raw === 'string' ? neutraliseCell(c.raw) : downloadValue(c.raw))),
    );
  }
  if (table.notes?.length) {
    sheet.addRow([]);
    for (const note of table.notes) sheet.addRow([neutraliseCell(note)]);
  }
  table.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, c.header.length + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** govukTable macro arguments for a DataTable. */
export function govukTableArgs(table: DataTable, options: { captionClasses?: string } = {}) {
  return {
    caption: table.caption,
    captionClasses: options.captionClasses ?? 'govuk-table__caption--m',
    firstCellIsHeader: true,
    attributes: { id: table.id },
    head: table.columns.map((c) => ({
      text: c.header,
      format: c.numeric ? 'numeric' : undefined,
      classes: c.classes,
    })),
    rows: table.rows.map((r) =>
      r.map((cell, i) => ({
        ...(cell.html !== undefined
          ? { html: cell.html }
          : { text: cell.text ?? (cell.raw === null ? '' : String(cell.raw)) }),
        format: table.columns[i]?.numeric ? 'numeric' : undefined,
        classes: cell.classes,
        compactClasses: cell.compactClasses,
      })),
    ),
  };
}
