import type { Queryable } from '../../../src/core/db.js';
import { LanternError, formatError } from '../../../src/core/errors.js';
import { fingerprintChanges, storeFingerprint } from '../store-fingerprint.js';
import { decodeText, readCsv, type Records } from './text-files.js';

/** Where a file has a problem: a row (as a spreadsheet numbers it, header = 1) and column, or the whole file. */
export interface Place {
  file: string;
  /** Absent: the problem is the file's (encoding, a missing column, cut short...), not a row's. */
  row?: number;
  /** Columns a message may name for it; absent: any (a row with too many fields). */
  columns?: string[];
  why: string;
}

/** What the file says, worked out by the test from the file itself (an oracle, not the importer). */
export interface Verdict<T> {
  /** Problems that make the file impossible to import as it stands: it must be refused. */
  must: Place[];
  /** Doubtful places a refusal may name (a value too long to store, a near-miss of a filter value). */
  may: Place[];
  /** What the store must hold afterwards if the import goes ahead. */
  expected: T;
  /** The message must say so: not UTF-8 text, or an empty file. */
  label?: 'encoding' | 'empty';
}

export function newVerdict<T>(expected: T): Verdict<T> {
  return { must: [], may: [], expected };
}

/**
 * Two columns of one name that the import reads: the file must be refused, and since which of the
 * two a reader takes is anyone's guess, any labelled refusal naming the file will do.
 */
export function twoColumnsOfOneName(v: Verdict<unknown>, file: string, column: string): void {
  v.must.push({ file, columns: [column], why: 'two columns of this name in the header' });
  v.may.push({ file, why: 'with two columns of one name, any problem the refusal names will do' });
}

export function describePlace(p: Place): string {
  const where = [
    p.file,
    p.row === undefined ? undefined : `row ${p.row}`,
    p.columns === undefined ? undefined : `column ${p.columns.map((c) => `"${c}"`).join(' or ')}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.why}`;
}

function describeRawError(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${typeof error} (${String(error)})`;
  const stack = (error.stack ?? '').split('\n').slice(1, 4).join('\n');
  return `${error.constructor.name}: ${error.message.slice(0, 300)}\n${stack}`;
}

function explains(error: LanternError, text: string, p: Place): boolean {
  if (p.row === undefined)
    return p.columns === undefined
      ? text.includes(p.file)
      : p.columns.some((c) => text.includes(c));
  return error.problems.some(
    (q) =>
      q.file === p.file &&
      q.row === p.row &&
      (p.columns === undefined || (q.column !== undefined && p.columns.includes(q.column))),
  );
}

const labels = {
  encoding: /UTF-?8|UTF-?16|encod/i,
  empty:
    /empty|no (data|rows|measures|observations|values|neighbours|local authorit)|nothing to import/i,
};

/** Why this refusal is not a proper one (empty when it is): a LanternError naming the file and the place. */
export function refusalFailures(error: unknown, v: Verdict<unknown>): string[] {
  if (!(error instanceof LanternError))
    return [`refused with ${describeRawError(error)}\n(not a LanternError)`];
  const text = formatError(error);
  const places = [...v.must, ...v.may];
  if (places.length === 0) return [`refused a file that has no problem:\n${text}`];
  const failures: string[] = [];
  const files = [...new Set(places.map((p) => p.file))];
  if (!files.some((f) => text.includes(f)))
    failures.push(`the error does not name the file ${files.join(' or ')}:\n${text}`);
  else if (!places.some((p) => explains(error, text, p)))
    failures.push(
      `the error names none of the file's problems (a row and column where the problem is in a row):\n${text}\nexpected one of:\n${places.map((p) => `  - ${describePlace(p)}`).join('\n')}`,
    );
  if (v.label && !labels[v.label].test(`${text}\n${error.hint ?? ''}`))
    failures.push(
      `the error does not say the file is ${v.label === 'empty' ? 'empty' : 'not UTF-8'}:\n${text}`,
    );
  return failures;
}

/**
 * The property every importer keeps: the import either goes ahead, and then `checkStore` finds
 * exactly what the file says, or it is refused with a LanternError that names the file and the
 * problem's place, and the store is exactly as it was.
 */
export async function expectCompleteOrNothing(
  db: Queryable,
  v: Verdict<unknown>,
  run: () => Promise<unknown>,
  checkStore: () => Promise<string[]>,
): Promise<void> {
  const before = await storeFingerprint(db);
  const outcome = await run().then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const failures: string[] = [];
  if (outcome.ok) {
    if (v.must.length > 0)
      failures.push(
        `imported a file that should have been refused:\n${v.must.map((p) => `  - ${describePlace(p)}`).join('\n')}`,
      );
    // A file-wide problem (a header, an encoding) leaves nothing sure to compare the store with.
    if (v.must.every((p) => p.row !== undefined)) failures.push(...(await checkStore()));
  } else {
    failures.push(...refusalFailures(outcome.error, v));
    const changes = fingerprintChanges(before, await storeFingerprint(db));
    if (changes.length > 0)
      failures.push(`refused, but the store changed:\n  ${changes.join('\n  ')}`);
  }
  if (failures.length > 0) throw new Error(failures.join('\n'));
}

/**
 * A CSV file's header and records as the tests read it; null, with the reason in `v`, when it is
 * empty, not UTF-8 or not CSV. A record with the wrong number of fields is a problem of its row
 * whatever the header says.
 */
export function readCsvFile(
  bytes: Buffer,
  file: string,
  v: Verdict<unknown>,
): { header: string[]; records: Records } | null {
  const decoded = decodeText(bytes);
  if ('problem' in decoded) {
    v.must.push({
      file,
      why: decoded.problem === 'empty' ? 'the file is empty' : 'not UTF-8 text',
    });
    v.label = decoded.problem;
    return null;
  }
  const csv = readCsv(decoded.text);
  if ('malformed' in csv) {
    v.must.push({ file, why: `not well-formed CSV: ${csv.malformed}` });
    return null;
  }
  const [header = [], ...records] = csv.records;
  records.forEach((rec, i) => {
    if (rec.length !== header.length)
      v.must.push({
        file,
        row: i + 2,
        why: `${rec.length} fields, the header has ${header.length}`,
      });
  });
  return { header, records };
}
