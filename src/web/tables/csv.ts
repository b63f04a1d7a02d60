/**
 * CSV for spreadsheets. Text cells that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) get a leading apostrophe; plain numbers are left alone.
 */
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^-?\d+(\.\d+)?$/;

export function neutraliseCell(value: string): string {
  if (plainNumber.test(value)) return value;
  return formulaStart.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const line = (cells: (string | number | null)[]) =>
    cells.map((c) => quote(neutraliseCell(c === null ? '' : String(c)))).join(',');
  // A byte-order mark so Excel reads UTF-8 (names such as "Bournemouth, Christchurch and Poole").
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
