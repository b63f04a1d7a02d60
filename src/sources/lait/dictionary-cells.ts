import type { ImportProblem } from '../../core/errors.js';
import { measureCodeProblem, measureCodeRule } from '../../measures/measure-code.js';
import { maxCodeBytes, overBytes } from '../shared/limits.js';
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

/** The row's Measure_short, or null with a problem when it is blank, too long or breaks the code rule. */
export function measureCode(
  row: number,
  cells: Record<string, string | null>,
  problems: Omit<ImportProblem, 'file'>[],
): string | null {
  const code = cells.Measure_short ?? null;
  const problem = (value: string, expected: string) => {
    problems.push({ row, column: 'Measure_short', value, expected });
    return null;
  };
  if (!code) return problem('', 'a measure code (the "Short Desc" used in the data file)');
  if (overBytes(code, maxCodeBytes))
    return problem(
      `${code.slice(0, 40)}… (${code.length} characters)`,
      `a measure code of at most ${maxCodeBytes} bytes`,
    );
  // The one rule for measure codes, as for EES mappings: no code a page could not show.
  const why = measureCodeProblem(code);
  if (why) return problem(code, `a measure code (${measureCodeRule}): ${why}`);
  return code;
}
