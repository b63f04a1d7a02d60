import type ExcelJS from 'exceljs';
import { lanternError } from '../../core/errors.js';
import { duplicateColumnProblems } from '../shared/columns.js';
import { ProblemCollector } from '../shared/problems.js';
import type { MetaFile } from './meta.js';

/** A sheet read as a table of text cells, as a CSV download of it would hold them. */
export interface SheetTable {
  columns: string[];
  /** Data rows, each with the row number Excel shows for it. */
  rows: { row: number; cells: Record<string, string> }[];
}

/** A number format that shows the value times 100 with a % sign ('0.0%'), not a quoted "%". */
function isPercentFormat(numFmt: string | undefined): boolean {
  return /%/.test((numFmt ?? '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/**
 * A cell as the text it stands for: a number formatted as a percentage (0.344 shown as 34.4%) as
 * "34.4%", which readPerformanceCell reads as 34.4, as the CSV downloads write it; a formula as
 * its result; an error cell (#N/A) as its text, so a figure that is one is refused by name.
 */
export function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!isPercentFormat(numFmt)) return String(value);
    // toPrecision drops the binary noise of the multiplication (0.07 * 100 = 7.000000000000001).
    return `${Number((value * 100).toPrecision(15))}%`;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value && value.result !== undefined)
    return cellText(value.result as ExcelJS.CellValue, numFmt);
  if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/** A heading without its footnote marks (the superscript "2" of "Percentage of pupils entering the EBacc²"). */
export function headingText(value: ExcelJS.CellValue): string {
  const text =
    value !== null && typeof value === 'object' && 'richText' in value
      ? value.richText
          .filter((t) => t.font?.vertAlign !== 'superscript')
          .map((t) => t.text)
          .join('')
      : cellText(value);
  return text.replace(/\s+/g, ' ').trim();
}

const headerSearchRows = 20;

/**
 * The sheet as a table: its header is the first row (of the first 20) with a cell that `isKey`
 * accepts (the URN heading), each heading trimmed; every row under it with a cell is a data row.
 * Null when no row has such a heading. Two columns of one heading are refused.
 */
export function readSheetTable(
  sheet: ExcelJS.Worksheet,
  file: string,
  isKey: (heading: string) => boolean,
): SheetTable | null {
  let headerRow = 0;
  let headings: string[] = [];
  for (let r = 1; r <= Math.min(sheet.rowCount, headerSearchRows) && headerRow === 0; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(headingText(row.getCell(c).value));
    if (cells.some(isKey)) [headerRow, headings] = [r, cells];
  }
  if (headerRow === 0) return null;
  const duplicates = new ProblemCollector(file);
  for (const p of duplicateColumnProblems(headings, headerRow)) duplicates.add(p);
  duplicates.throwIfAny(`${file} has two columns of one heading in sheet ${sheet.name}`);
  const rows: SheetTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cells: Record<string, string> = {};
    headings.forEach((h, i) => {
      if (h === '') return;
      const cell = row.getCell(i + 1);
      cells[h] = cellText(cell.value, cell.numFmt);
    });
    if (Object.values(cells).some((v) => v.trim() !== '')) rows.push({ row: rowNumber, cells });
  });
  return { columns: headings.filter((h) => h !== ''), rows };
}

/**
 * The workbook's Metadata sheet as a meta file: under its "Column name | Description" row, each
 * heading (without its footnote mark) and what it means. Null when there is no such sheet or row.
 */
export function readMetadataSheet(workbook: ExcelJS.Workbook, sheetName: string): MetaFile | null {
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) return null;
  const fields: MetaFile['fields'] = new Map();
  let inTable = false;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const name = headingText(row.getCell(1).value);
    const label = headingText(row.getCell(2).value);
    if (!inTable) {
      inTable = /^column name$/i.test(name) && /^description$/i.test(label);
      return;
    }
    if (name !== '' && label !== '') fields.set(name.toUpperCase(), { name, label });
  });
  if (fields.size === 0) return null;
  return { file: `sheet ${sheetName}`, fields, recordTypes: null };
}

/** LANTERN_IMPORT_MISSING_COLUMN: the workbook lacks the sheet, or the sheet its URN heading. */
export function missingInWorkbook(file: string, what: string, hint: string) {
  return lanternError(
    'LANTERN_IMPORT_MISSING_COLUMN',
    `${file} has no ${what}. Nothing was imported.`,
    { problems: [{ file, expected: `a ${what}` }], hint },
  );
}
