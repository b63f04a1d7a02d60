import type { MappingEntry } from './mapping.js';

/**
 * How a row's filter columns compare with a mapping entry's. A row is used when every filter holds
 * exactly the value asked for (after trimming spaces). A value that differs only in case, spaces or
 * the kind of dash ("16–17" for "16-17", "total" for "Total") is a near miss: it is almost certainly
 * meant to be used, so the import refuses it rather than skip it. Rules: docs/sources-ees.md.
 */

type Row = Record<string, string | undefined>;

const cell = (row: Row, column: string) => (row[column] ?? '').trim();

/** Lower case, one space for any run of spaces, and one hyphen for any dash or minus sign. */
export function simplified(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d-]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function matchesExactly(row: Row, filters: Record<string, string>): boolean {
  for (const column in filters) if (cell(row, column) !== filters[column]) return false;
  return true;
}

/** The filters a row holds only a near miss of, when each of the others matches exactly; else none. */
export function nearMisses(
  row: Row,
  filters: Record<string, string>,
): { column: string; value: string; wanted: string }[] {
  const misses = [];
  for (const column in filters) {
    const value = cell(row, column);
    const wanted = filters[column]!;
    if (value === wanted) continue;
    if (simplified(value) !== simplified(wanted)) return [];
    misses.push({ column, value, wanted });
  }
  return misses;
}

/**
 * Why a row no entry wants is skipped, in the summary's words: the first filter that differs for the
 * entry it comes closest to ("sex=Boys").
 */
export function skipReason(row: Row, entries: MappingEntry[]): string {
  let best: string | undefined;
  let fewest = Infinity;
  for (const entry of entries) {
    const differing = Object.keys(entry.filters).filter((c) => cell(row, c) !== entry.filters[c]);
    if (differing.length > 0 && differing.length < fewest) {
      fewest = differing.length;
      best = `${differing[0]}=${cell(row, differing[0]!)}`;
    }
  }
  return best ?? 'no filter';
}
