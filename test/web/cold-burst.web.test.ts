import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/core/db.js';
import { until, useDemoApp } from '../support/web.js';

interface Answer {
  path: string;
  status: number;
  hit: boolean;
  ms: number;
}

/** One visitor per path, all at once, over HTTP (as browsers do: gzip, whole body read). */
async function burst(base: string, paths: string[]): Promise<Answer[]> {
  return Promise.all(
    paths.map(async (path) => {
      const started = performance.now();
      const res = await fetch(base + path, { headers: { 'accept-encoding': 'gzip' } });
      await res.arrayBuffer();
      const hit = res.headers.get('x-lantern-cache') === 'hit';
      return { path, status: res.status, hit, ms: performance.now() - started };
    }),
  );
}

const slowest = (answers: Answer[]) => answers.reduce((a, b) => (b.ms > a.ms ? b : a), answers[0]!);

/**
 * 20 visitors on 20 LAs' scorecards once the warm-up has made every scorecard, after start-up
 * and after an import: each answered from the cache within 2 s. And right after start-up and
 * after an import, while the warm-up runs: answered then (the pages made for them, within 5 s
 * on a busy machine), not held off until the warm-up's last page.
 */
describe('a cold burst on 20 LAs scorecards, after start-up and after an import', () => {
  let db: Database;
  let app: FastifyInstance;
  const done: number[] = [];
  let warmed = 0;
  useDemoApp(
    (t) => ({ db, app } = t),
    { organisationName: 'Lantern', production: true },
    {
      warm: {
        everyScorecard: true,
        intervalMs: 50,
        onWarmed: () => warmed++,
        onDone: (version) => done.push(version),
      },
    },
  );
  let base = '';
  let las: string[] = [];

  it('answers 20 visitors while the warm-up runs after start-up, not after it', async () => {
    const areas = (await app.inject('/api/v1/areas')).json().areas;
    las = areas
      .filter((a: { kind: string; status: string }) => a.kind === 'la' && a.status === 'current')
      .map((a: { code: number }) => `/la/${a.code}`);
    assert.ok(las.length > 100, `${las.length} LAs in the demo data`);
    await app.listen({ host: '127.0.0.1', port: 0 }); // the warm-up starts
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    // The LAs the warm-up makes last: made for these visitors, not waited for.
    const answers = await burst(base, las.slice(-20));
    assert.ok(
      answers.every((a) => a.status === 200),
      JSON.stringify(answers.map((a) => a.status)),
    );
    assert.equal(done.length, 0, 'answered before the warm-up ended');
    assert.ok(slowest(answers).ms < 5000, JSON.stringify(slowest(answers)));
  });

  it('answers each of 20 others from the cache within 2 s once every scorecard is made', async () => {
    await until(() => done.length === 1, 60_000);
    const answers = await burst(base, las.slice(0, 20));
    assert.deepEqual(
      answers.filter((a) => !a.hit).map((a) => a.path),
      [],
    );
    assert.ok(slowest(answers).ms < 2000, JSON.stringify(slowest(answers)));
  });

  it('answers while the warm-up runs after an import, then from the cache within 2 s', async () => {
    await db.query(
      `insert into release (source, description, file_name, checksum_sha256, row_count)
       values ('demo', 'cold burst test', 'test.csv', 'none', 0)`,
    );
    const before = warmed;
    await until(() => warmed > before); // the warm-up for the new data has begun
    const during = await burst(base, las.slice(-40, -20));
    assert.equal(done.length, 1, 'answered before the warm-up ended');
    assert.ok(slowest(during).ms < 5000, JSON.stringify(slowest(during)));
    await until(() => done.length === 2, 60_000);
    const after = await burst(base, las.slice(20, 40));
    assert.deepEqual(
      after.filter((a) => !a.hit).map((a) => a.path),
      [],
    );
    assert.ok(slowest(after).ms < 2000, JSON.stringify(slowest(after)));
  });
});
