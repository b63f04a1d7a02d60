/** CSV for spreadsheets, text cells neutralised (core/spreadsheet-cell.ts). */
import { neutraliseCell } from '../../core/spreadsheet-cell.js';

export { neutraliseCell };

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const line = (cells: (string | number | null)[]) =>
    cells.map((c) => quote(neutraliseCell(c === null ? '' : String(c)))).join(',');
  // A byte-order mark so Excel reads UTF-8 (names such as "Bournemouth, Christchurch and Poole").
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
