import ExcelJS from 'exceljs';
import type { Cell, SheetRow } from './neighbours.js';

export const neighbourSheetName = 'LA SN Groups';

function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value && value.result !== undefined)
    return toCell(value.result as ExcelJS.CellValue);
  // A formula saved without its result (a workbook never recalculated): its text, so an LA
  // number or neighbour that is one is refused by name rather than passed over as blank.
  if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
  if ('text' in value) return String(value.text);
  // An error cell (#N/A, #REF!) is what Excel shows, not a blank: an LA number or neighbour
  // that is an error must be refused by name, never passed over as an empty cell.
  if ('error' in value) return String(value.error);
  return null;
}

/** The rows of sheet "LA SN Groups" as plain cells (index 0 = column A), or null if there is no such sheet. */
export async function readNeighbourSheet(buffer: Buffer): Promise<SheetRow[] | null> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(neighbourSheetName);
  if (!sheet) return null;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push({ row: rowNumber, cells: values.slice(1).map(toCell) });
  });
  return rows;
}
