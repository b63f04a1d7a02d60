import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/core/db.js';
import { viewCounter } from '../../src/web/plugins/warm-up.js';
import { until, useDemoApp } from '../support/web.js';

/** What an import does to the data version: a new release. */
const newRelease = (db: Database) =>
  db.query(
    `insert into release (source, description, file_name, checksum_sha256, row_count)
     values ('demo', 'warm-up test', 'test.csv', 'none', 0)`,
  );

describe('pages warmed after the data version changes', () => {
  let db: Database;
  let app: FastifyInstance;
  const warmed: string[] = [];
  useDemoApp(
    (t) => ({ db, app } = t),
    { organisationName: 'Lantern', production: true, warmPaths: ['/la/933'] },
    { warm: { intervalMs: 50, top: 1, onWarmed: (path) => warmed.push(path) } },
  );

  it('makes the configured scorecard at start-up, so the first visitor gets it from the cache', async () => {
    await app.ready();
    await until(() => warmed.includes('/la/933'));
    const res = await app.inject('/la/933');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-lantern-cache'], 'hit');
  });

  it('makes the scorecard and the most viewed page again after an import, without a request', async () => {
    for (const url of ['/measure/DEMO_KS2_RWM', '/measure/DEMO_KS2_RWM', '/la/343'])
      assert.equal((await app.inject(url)).statusCode, 200);
    warmed.length = 0;
    await newRelease(db);
    await until(() => warmed.length === 2);
    assert.deepEqual(warmed, ['/la/933', '/measure/DEMO_KS2_RWM']);
    for (const url of ['/la/933', '/measure/DEMO_KS2_RWM'])
      assert.equal((await app.inject(url)).headers['x-lantern-cache'], 'hit', url);
    assert.equal((await app.inject('/la/343')).headers['x-lantern-cache'], undefined);
  });
});

describe('view counter', () => {
  it('keeps at most its limit of paths, a new one replacing the least viewed', () => {
    const views = viewCounter(2);
    for (const path of ['/a', '/a', '/b', '/c', '/c', '/c']) views.count(path);
    assert.deepEqual(views.top(5), ['/c', '/a']);
  });
});
