import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/core/db.js';
import { until, useDemoApp } from '../support/web.js';

/** 20 visitors at once, each on a different LA's scorecard and its sparklines. */
async function burst(app: FastifyInstance, codes: number[]) {
  return Promise.all(
    codes.map(async (code) => {
      const started = performance.now();
      const [page, sparklines] = await Promise.all([
        app.inject({ url: `/la/${code}`, headers: { 'accept-encoding': 'gzip' } }),
        app.inject(`/la/${code}/sparklines.json`),
      ]);
      return { code, page, sparklines, ms: performance.now() - started };
    }),
  );
}

describe('a cold burst on 20 LAs scorecards, after start-up and after an import', () => {
  let db: Database;
  let app: FastifyInstance;
  const done: number[] = [];
  useDemoApp(
    (t) => ({ db, app } = t),
    { organisationName: 'Lantern', production: true },
    { warm: { everyScorecard: true, intervalMs: 50, onDone: (version) => done.push(version) } },
  );
  let las: number[] = [];

  it('answers each of 20 visitors from the warmed cache within 2 s, after start-up', async () => {
    await app.ready();
    const areas = (await app.inject('/api/v1/areas')).json().areas;
    las = areas
      .filter((a: { kind: string; status: string }) => a.kind === 'la' && a.status === 'current')
      .map((a: { code: number }) => a.code);
    assert.ok(las.length > 100, `${las.length} LAs in the demo data`);
    await until(() => done.length === 1, 60_000);
    for (const r of await burst(app, las.slice(0, 20))) {
      assert.equal(r.page.statusCode, 200, `/la/${r.code}`);
      assert.equal(r.page.headers['x-lantern-cache'], 'hit', `/la/${r.code}`);
      assert.equal(r.sparklines.headers['x-lantern-cache'], 'hit', `/la/${r.code}/sparklines`);
      assert.ok(r.ms < 2000, `/la/${r.code} took ${Math.round(r.ms)} ms`);
    }
  });

  it('answers 20 others from the cache within 2 s each, warmed again after an import', async () => {
    await db.query(
      `insert into release (source, description, file_name, checksum_sha256, row_count)
       values ('demo', 'cold burst test', 'test.csv', 'none', 0)`,
    );
    await until(() => done.length === 2, 60_000);
    for (const r of await burst(app, las.slice(-20))) {
      assert.equal(r.page.statusCode, 200, `/la/${r.code}`);
      assert.equal(r.page.headers['x-lantern-cache'], 'hit', `/la/${r.code}`);
      assert.ok(r.ms < 2000, `/la/${r.code} took ${Math.round(r.ms)} ms`);
    }
  });
});
