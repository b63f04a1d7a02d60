import { isIsoDay } from '../../core/format.js';
import { parseWholeNumber } from '../shared/numbers.js';
import type { ProblemCollector } from '../shared/problems.js';

/** What a GIAS date cell should hold, for the problem that names a bad one. */
export const giasDateWanted = 'a date written DD-MM-YYYY (like 01-09-2014) or a blank';

/** GIAS writes dates DD-MM-YYYY; the store keeps YYYY-MM-DD. Null when it is not a real day so written. */
export function isoFromGiasDate(text: string): string | null {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isIsoDay(iso) ? iso : null;
}

/**
 * One data row of a GIAS file. Each reader returns the cell's value, or null for a blank cell or a
 * bad one; a bad one (and a blank required one) is a problem naming the row, column and value.
 */
export class GiasRow {
  constructor(
    private readonly cells: Record<string, string>,
    /** The row as a spreadsheet numbers it (the header is row 1). */
    readonly row: number,
    private readonly problems: ProblemCollector,
  ) {}

  /** The cell without spaces at either end; null when blank. */
  text(column: string): string | null {
    const value = (this.cells[column] ?? '').trim();
    return value === '' ? null : value;
  }

  /** Text that must be there: a blank is a problem saying what the column should hold. */
  requiredText(column: string, wanted: string): string | null {
    const value = this.text(column);
    if (value === null) this.problem(column, `${wanted} (it is blank)`);
    return value;
  }

  /** A whole number in range; blank gives null, or a problem when `required`. */
  whole(column: string, range: { min: number; max: number }, required = false): number | null {
    const value = this.text(column);
    if (value === null) {
      if (required) this.problem(column, `a whole number from ${range.min} to ${range.max}`);
      return null;
    }
    const read = parseWholeNumber(value, range);
    if (read.ok) return read.value;
    this.problem(column, read.expected);
    return null;
  }

  /** A DD-MM-YYYY date as YYYY-MM-DD; blank gives null. */
  date(column: string): string | null {
    const value = this.text(column);
    if (value === null) return null;
    const iso = isoFromGiasDate(value);
    if (iso === null) this.problem(column, giasDateWanted);
    return iso;
  }

  problem(column: string, expected: string): void {
    this.problems.add({ row: this.row, column, value: this.cells[column] ?? '', expected });
  }
}
