/**
 * Values of a local measure typed or pasted by an officer, one per line: "2024/25, 72.5, note".
 * Read with papaparse and checked with the strategy file's own schema for a value, so a value
 * entered here is one a strategy file could hold; each problem names its line and column. Pure.
 */
import Papa from 'papaparse';
import { localValueSchema } from './strategy-schema.js';

export interface LocalValue {
  year: string;
  value: number;
  note?: string | undefined;
}

export interface LineProblem {
  line: number;
  column: 'year' | 'value' | 'note' | 'line';
  message: string;
}

const columns = ['year', 'value', 'note'] as const;

export function readLocalValues(
  text: string,
): { values: LocalValue[] } | { problems: LineProblem[] } {
  const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' }).data;
  const problems: LineProblem[] = [];
  const values: LocalValue[] = [];
  const seen = new Map<string, number>();
  if (rows.length === 0)
    return { problems: [{ line: 1, column: 'line', message: 'Enter at least one value' }] };
  if (rows.length > 200)
    return {
      problems: [{ line: 201, column: 'line', message: 'Enter at most 200 values at once' }],
    };
  rows.forEach((cells, i) => {
    const line = i + 1;
    const trimmed = cells.map((c) => c.trim());
    const [year = '', value = '', ...rest] = trimmed;
    const note = rest.join(', ').trim();
    // "2024/25, 1,200" splits as 1 with a note "200": refused, never stored as 1.
    if (/^\d{3}(\.\d+)?$/.test(rest[0] ?? '') && /^-?\d{1,3}$/.test(value)) {
      problems.push({
        line,
        column: 'value',
        message: `"${value},${rest[0]}" has a comma inside the number: write it as ${value}${rest[0]}, or put it in quotes`,
      });
      return;
    }
    const number = value === '' ? Number.NaN : Number(value.replace(/,/g, ''));
    const parsed = localValueSchema.safeParse({
      year,
      value: number,
      ...(note ? { note } : {}),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columns.find((c) => c === issue.path[0]) ?? 'line';
        problems.push({ line, column, message: wording(column, issue.message, trimmed) });
      }
      return;
    }
    const earlier = seen.get(parsed.data.year);
    if (earlier !== undefined)
      problems.push({
        line,
        column: 'year',
        message: `${parsed.data.year} is on line ${earlier} too: give each year once`,
      });
    seen.set(parsed.data.year, line);
    values.push(parsed.data);
  });
  return problems.length ? { problems } : { values };
}

function wording(column: LineProblem['column'], message: string, cells: string[]): string {
  if (column === 'year') return `"${cells[0] ?? ''}" is not a year: write it as 2025 or 2024/25`;
  if (column === 'value') return `"${cells[1] ?? ''}" is not a number`;
  return message;
}
