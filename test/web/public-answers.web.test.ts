/**
 * Which routes the page cache may keep and send to anyone (plugins/page-cache.ts publicAnswer).
 * A new route is kept only when it says so; this list makes the choice visible in review: a page
 * that differs by person or role (sign-in, casework, predictions) must never be on it.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/core/db.js';
import { buildApp } from '../../src/web/app.js';
import { freshPglite } from '../support/db.js';

let db: Database;
let app: FastifyInstance;
before(async () => {
  db = await freshPglite();
  app = await buildApp({
    db,
    config: { organisationName: 'Lantern', production: true },
    warm: { intervalMs: 0, everyScorecard: false },
  });
  await app.ready();
});
after(async () => {
  await app.close();
  await db.close();
});

it('keeps the answers of these routes only, each the same for everyone', () => {
  const kept = app.lanternRoutes
    .filter((r) => r.config?.pageCache === 'public' && r.method === 'GET')
    .map((r) => `GET ${r.url}`)
    .sort();
  assert.deepEqual(kept, [
    'GET /about',
    'GET /api/v1/compare',
    'GET /api/v1/la/:code/measure/:measure',
    'GET /api/v1/la/:code/neighbours/:measure',
    'GET /api/v1/la/:code/scorecard',
    'GET /api/v1/measures/:code/benchmark',
    'GET /api/v1/region/:code/:measure',
    'GET /compare',
    'GET /la/:code',
    'GET /la/:code/measure/:measure',
    'GET /la/:code/neighbours/:measure',
    'GET /la/:code/schools',
    'GET /la/:code/sparklines.json',
    'GET /measure/:measure',
    'GET /methods',
    'GET /region/:code/:measure',
    'GET /school/:urn',
    'GET /school/:urn/family',
  ]);
});
