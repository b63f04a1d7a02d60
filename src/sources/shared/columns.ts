import type { ImportProblem } from '../../core/errors.js';

/**
 * A problem for each column name that the header holds twice or more, among `read` (the columns
 * the import reads; all when omitted). A CSV parser keeps one of the copies without a word (the
 * first or the last), so a file with a pasted-in column would import the wrong one.
 */
export function duplicateColumnProblems(
  header: string[],
  headerRow: number,
  read?: readonly string[],
): Omit<ImportProblem, 'file'>[] {
  const positions = new Map<string, number[]>();
  header.forEach((name, i) => {
    if (name === '' || (read && !read.includes(name))) return;
    positions.set(name, [...(positions.get(name) ?? []), i + 1]);
  });
  return [...positions]
    .filter(([, at]) => at.length > 1)
    .map(([name, at]) => ({
      row: headerRow,
      column: name,
      expected: `one column of this name (there are ${at.length}: columns ${at.join(', ')})`,
    }));
}
