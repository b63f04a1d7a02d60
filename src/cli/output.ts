/**
 * How commands print: aligned text tables, CSV (raw values, safe to open in a spreadsheet)
 * and JSON. Numbers become text only through src/core/format.ts; this module only lays it out.
 */
import { CliUsageError } from './cli-error.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export function parseFormat(text: string | undefined): OutputFormat {
  const f = text ?? 'table';
  if (f === 'table' || f === 'json' || f === 'csv') return f;
  throw new CliUsageError(`Unknown --format "${f}": use table, json or csv.`);
}

export interface TableColumn {
  header: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
}

/** Columns padded to their widest cell, two spaces apart, a rule under the header. */
export function renderTable(columns: TableColumn[], rows: string[][]): string {
  const widths = columns.map((c, i) =>
    Math.max(width(c.header), ...rows.map((r) => width(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    columns
      .map((c, i) => pad(cells[i] ?? '', widths[i]!, c.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return (
    [
      line(columns.map((c) => c.header)),
      widths.map((w) => '-'.repeat(w)).join('  '),
      ...rows.map(line),
    ].join('\n') + '\n'
  );
}

function width(text: string): number {
  return [...text].length;
}

function pad(text: string, w: number, align: 'left' | 'right'): string {
  const gap = ' '.repeat(Math.max(0, w - width(text)));
  return align === 'right' ? gap + text : text + gap;
}

export type CsvValue = string | number | boolean | null | undefined;

const plainNumber = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * One CSV cell. A text cell starting with = + - @, a tab or a carriage return could run as a
 * formula in a spreadsheet, so it gets a leading single quote (plain negative numbers excepted).
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !plainNumber.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, CRLF-free, raw values. */
export function renderCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** Exactly one JSON document, then a newline. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
