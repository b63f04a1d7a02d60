import { publishedWord, wordsExpected, type WordList } from '../../schools/ofsted-grades.js';
import { parseWholeNumber } from '../shared/numbers.js';
import type { ProblemCollector } from '../shared/problems.js';

/** A column name as Lantern matches it: case and runs of spaces do not count. */
export const columnKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The file's own column name for each name a layout uses (see layouts.ts). */
export class ColumnNames {
  private readonly byKey = new Map<string, string>();
  constructor(columns: string[]) {
    for (const c of columns) if (!this.byKey.has(columnKey(c))) this.byKey.set(columnKey(c), c);
  }
  get(name: string): string | undefined {
    return this.byKey.get(columnKey(name));
  }
}

const urnRange = { min: 1, max: 2_147_483_647 };

/**
 * One data row's cells, read with the problems they have: each problem names the file, the row
 * (as a spreadsheet shows it), the column as the file writes it and the value. Ofsted writes
 * `NULL` for a missing value; it, a blank and a column the file lacks all read as absent.
 */
export class RowCells {
  constructor(
    private readonly row: Record<string, string>,
    readonly rowNumber: number,
    private readonly names: ColumnNames,
    private readonly problems: ProblemCollector,
  ) {}

  /** The cell's text without spaces around it; null when absent. */
  text(column: string | undefined): string | null {
    const raw = this.raw(column);
    if (raw === undefined) return null;
    const text = raw.trim();
    return text === '' || text === 'NULL' ? null : text;
  }

  /** The text; a problem when absent (`what`: what the cell is for). */
  required(column: string, what: string): string | null {
    const text = this.text(column);
    if (text === null) this.problem(column, `${what} (this cell may not be blank or NULL)`);
    return text;
  }

  /** A DD/MM/YYYY date as ISO (YYYY-MM-DD); `required`: what the date is for. */
  date(column: string | undefined, required?: string): string | null {
    const text = required && column ? this.required(column, required) : this.text(column);
    if (text === null) return null;
    const iso = isoDate(text);
    if (iso === null) this.problem(column!, 'a date written DD/MM/YYYY (like 25/11/2025)');
    return iso;
  }

  /** A whole number in range, or null (absent, or a problem). */
  whole(column: string | undefined, range: { min: number; max: number }): number | null {
    const text = this.text(column);
    if (text === null) return null;
    const read = parseWholeNumber(text, range);
    if (read.ok) return read.value;
    this.problem(column!, read.expected);
    return null;
  }

  urn(column: string): number | null {
    const text = this.required(column, 'a URN');
    return text === null ? null : this.whole(column, urnRange);
  }

  /** A word of the list, in the list's spelling; a problem naming the words for any other. */
  word(column: string | undefined, list: WordList): string | null {
    const text = this.text(column);
    if (text === null) return null;
    const word = publishedWord(list, text);
    if (word === null) this.problem(column!, wordsExpected(list));
    return word;
  }

  /** LAESTAB: 7 digits, the LA number then the establishment number; the LA must be known. */
  laestab(column: string, las: ReadonlySet<number>): { laCode: number; estab: number } | null {
    const text = this.required(column, 'an LAESTAB (LA number and establishment number)');
    if (text === null) return null;
    if (!/^\d{7}$/.test(text)) {
      this.problem(
        column,
        'a 7-digit LAESTAB: the 3-digit LA number, then the establishment number',
      );
      return null;
    }
    const laCode = Number(text.slice(0, 3));
    if (!las.has(laCode)) {
      this.problem(
        column,
        `an LAESTAB starting with an LA number Lantern knows (no LA is ${laCode})`,
      );
      return null;
    }
    return { laCode, estab: Number(text.slice(3)) };
  }

  problem(column: string, expected: string): void {
    this.problems.add({
      row: this.rowNumber,
      column: this.names.get(column) ?? column,
      value: this.raw(column) ?? '',
      expected,
    });
  }

  private raw(column: string | undefined): string | undefined {
    const name = column === undefined ? undefined : this.names.get(column);
    return name === undefined ? undefined : this.row[name];
  }
}

/** "25/11/2025" as "2025-11-25"; null for anything else, or a day the calendar lacks (31/02). */
export function isoDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // A year outside 1900-2100 is a slip ("01/09/0215"), not a date Ofsted gives.
  if (year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
