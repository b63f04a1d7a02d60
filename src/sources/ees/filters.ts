import { invisibleCharacters, visibleText } from '../../core/errors.js';
import type { MappingEntry } from './mapping.js';

/**
 * How a row's filter columns compare with a mapping entry's. A row is used when every filter holds
 * exactly the value asked for (after trimming spaces). A value that differs only in case, spaces,
 * the kind of dash or invisible characters ("16–17" for "16-17", "total" for "Total", "16-17"
 * followed by a zero-width space) is a near miss: it is almost certainly meant to be used, so the
 * import refuses it rather than skip it. Rules: docs/sources-ees.md.
 */

type Row = Record<string, string | undefined>;

const cell = (row: Row, column: string) => (row[column] ?? '').trim();

/**
 * Characters nobody sees: controls, format characters (Unicode Cf: zero-width space, direction
 * marks and overrides, word joiner, a byte-order mark, soft hyphen) and the other default-ignorable
 * ones (a tab or line break among them). Spaces of every other kind (no-break, thin,
 * ideographic...) count as spaces.
 */
const invisible = /[\p{Cc}\p{Cf}\p{DI}]/gu;

/**
 * Lower case, one space for any run of spaces, one hyphen for any dash or minus sign, and each
 * invisible character dropped (`invisibleAs: ''`) or read as a space (`' '`).
 */
export function simplified(text: string, invisibleAs: '' | ' ' = ''): string {
  return text
    .normalize('NFKC')
    .replace(invisible, invisibleAs)
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d-]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether two values differ only in case, spaces, dashes or invisible characters. An invisible
 * character may stand for nothing ("To\u00adtal") or for a space ("Local\u200bauthority").
 */
export function nearlyEqual(a: string, b: string): boolean {
  return simple(a, '') === simple(b, '') || simple(a, ' ') === simple(b, ' ');
}

/**
 * simplified, remembered: every row no entry wants is compared with every entry's filters, and a
 * column holds few distinct values (NFKC and five replacements each time cost ~2 µs a call).
 * Bounded, as a hostile file could hold a new value on every row.
 */
const remembered = { '': new Map<string, string>(), ' ': new Map<string, string>() };
function simple(text: string, invisibleAs: '' | ' '): string {
  const known = remembered[invisibleAs];
  let result = known.get(text);
  if (result === undefined) {
    if (known.size >= 10_000) known.clear();
    result = simplified(text, invisibleAs);
    known.set(text, result);
  }
  return result;
}

/**
 * The invisible characters of `value` (and of `wanted`, from the mapping) in words, for a message:
 * " (it holds <U+200B>, a zero-width space, which cannot be seen)"; empty when there are none.
 */
export function invisibleNote(value: string, wanted = ''): string {
  const found = invisibleCharacters(value + wanted);
  return found.length === 0 ? '' : ` (it holds ${found.join('; and ')})`;
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
    if (!nearlyEqual(value, wanted)) return [];
    misses.push({ column, value, wanted });
  }
  return misses;
}

/**
 * Why a row no entry wants is skipped, in the summary's words: the first filter that differs for the
 * entry it comes closest to ("sex=Boys"), invisible characters shown ("Age=18<U+200B>").
 */
export function skipReason(row: Row, entries: MappingEntry[]): string {
  let best: string | undefined;
  let fewest = Infinity;
  for (const entry of entries) {
    const differing = Object.keys(entry.filters).filter((c) => cell(row, c) !== entry.filters[c]);
    if (differing.length > 0 && differing.length < fewest) {
      fewest = differing.length;
      best = visibleText(`${differing[0]}=${cell(row, differing[0]!)}`);
    }
  }
  return best ?? 'no filter';
}
