import type { ImportProblem } from '../../core/errors.js';
import { controlCharacterProblem, type TextCellKind } from './text-cells.js';

/**
 * Every column Lantern reads, and what its cells may hold (text-cells.ts): codes and flags one
 * line; names and prose may have tabs and line breaks, as the DfE's descriptions do.
 */
const columnsRead: Record<string, TextCellKind> = {
  Measure_short: 'one line',
  Polarity: 'one line',
  dps: 'one line',
  No_Quartile: 'one line',
  Topic: 'text',
  Measure: 'text',
  Table_status: 'text',
  Chart_title: 'text',
  y_axis_name: 'text',
  Year_Type: 'text',
  Description: 'text',
  Methodology: 'text',
  'Data Owner (DO) /Supplier and Contact Details': 'text',
  'Hyperlink(s)': 'text',
  'Last Update': 'text',
  'Next Update': 'text',
};

/** A problem for each cell of a column read that holds a control character it may not. */
export function controlCharacterProblems(
  row: number,
  cells: Record<string, string | null>,
): Omit<ImportProblem, 'file'>[] {
  return Object.entries(columnsRead).flatMap(([column, kind]) => {
    const problem = controlCharacterProblem(cells[column], row, column, kind);
    return problem ? [problem] : [];
  });
}
