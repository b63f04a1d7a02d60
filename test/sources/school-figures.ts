/** What the school importers' tests read back from the store, and how they check a refusal. */
import assert from 'node:assert/strict';
import type { Database } from '../../src/core/db.js';
import { LanternError } from '../../src/core/errors.js';
import { parseAcademicYear } from '../../src/schools/academic-year.js';
import { storeFingerprint } from './store-fingerprint.js';

/** The stored school figures with their publication and column names (keyed by measure id). */
export const schoolFigures = `(select o.urn, m.publication, m.code, o.year_number, o.value,
    o.marker, o.text_value from school_observation o join school_measure m on m.id = o.measure_id) as f`;

/** One stored cell of a school: its value, marker or text; null when there is none. */
export async function storedFigure(
  db: Database,
  urn: number,
  publication: string,
  code: string,
  year: string,
) {
  const [row] = await db.query<{
    value: number | null;
    marker: string | null;
    text: string | null;
  }>(
    `select value, marker, text_value as text from ${schoolFigures}
      where urn = $1 and publication = $2 and code = $3 and year_number = $4`,
    [urn, publication, code, parseAcademicYear(year)!.first],
  );
  return row ?? null;
}

export async function count(db: Database, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select (${sql})::int as n`, params);
  return row!.n;
}

/** Runs an import that must be refused, and checks it wrote nothing; returns its error. */
export async function refusedWithoutChange(
  db: Database,
  run: () => Promise<unknown>,
  what: string,
): Promise<LanternError> {
  const before = await storeFingerprint(db);
  const error = await run().then(
    () => assert.fail(`importing ${what} should have been refused`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof LanternError, String(error));
  assert.deepEqual(await storeFingerprint(db), before, 'nothing written');
  return error;
}
