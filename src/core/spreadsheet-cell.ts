/**
 * Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
 * gets a leading apostrophe; plain numbers are left alone. Every CSV and XLSX Lantern writes
 * (page downloads, the board report) passes its text cells through this one rule.
 */
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^-?\d+(\.\d+)?$/;

export function neutraliseCell(value: string): string {
  if (plainNumber.test(value)) return value;
  return formulaStart.test(value) ? `'${value}` : value;
}
