import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Database, Queryable } from '../../src/core/db.js';
import type { LanternError } from '../../src/core/errors.js';
import { loadDemo } from '../../src/demo/demo.service.js';
import { notFoundError } from '../../src/measures/suggestions.js';
import { freshPglite } from '../support/db.js';

let db: Database;
before(async () => {
  db = await freshPglite();
  await loadDemo(db);
});
after(() => db.close());

/** The database, counting the queries that read measures. */
function counting(inner: Database): { db: Queryable; measureReads: () => number } {
  let reads = 0;
  const db: Queryable = {
    query: (text, params) => {
      if (/from measure\b/.test(text) && !/count\(\*\)/.test(text)) reads++;
      return inner.query(text, params);
    },
    exec: (script) => inner.exec(script),
  };
  return { db, measureReads: () => reads };
}

const suggest = async (q: Queryable, code: string) =>
  ((await notFoundError(q, 'measure', code, 'm', 'h')) as LanternError).notFound!.suggestions;

it('reads the catalogue for "Did you mean" once, not on every page not found', async () => {
  const c = counting(db);
  const first = await suggest(c.db, 'DEMO_KS2_RWX');
  assert.ok(first.some((s) => s.code === 'DEMO_KS2_RWM'));
  const readsAfterFirst = c.measureReads();
  for (let i = 0; i < 5; i++) await suggest(c.db, 'DEMO_KS2_RWX');
  assert.equal(c.measureReads(), readsAfterFirst);
});

it('reads it again after an import, so new measures are suggested', async () => {
  const c = counting(db);
  await suggest(c.db, 'DEMO_KS2_RWX');
  const before = c.measureReads();
  await db.query(
    `insert into measure (code, name, topic, polarity, decimal_places, year_type)
     values ('DEMO_KS2_RWZZ', 'A new measure', 'Key stage 2', 'high', 0, 'academic')`,
  );
  const suggestions = await suggest(c.db, 'DEMO_KS2_RWZ');
  assert.ok(c.measureReads() > before);
  assert.ok(suggestions.some((s) => s.code === 'DEMO_KS2_RWZZ'));
});
