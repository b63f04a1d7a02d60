import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/core/db.js';
import { loadDemo } from '../../src/demo/demo.service.js';
import { buildApp } from '../../src/web/app.js';
import { toOpenApiPath } from '../../src/web/api/openapi.js';
import { freshPglite } from '../support/db.js';

/**
 * The routes in Fastify's printRoutes() tree: each line is "├── segment (GET, HEAD)", indented
 * four characters per level; a child's segment continues its parent's path.
 */
function registeredRoutes(tree: string): { path: string; methods: string[] }[] {
  const parents: string[] = [];
  const routes: { path: string; methods: string[] }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([\s│]*)[└├]── (\S+) \(([^)]*)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const parent = parents[depth - 1] ?? '';
    const segment = m[2]!;
    const full =
      parent === '' || parent.endsWith('/') || segment.startsWith('/')
        ? parent + segment
        : `${parent}/${segment}`;
    parents[depth] = full;
    parents.length = depth + 1;
    routes.push({ path: full, methods: m[3]!.split(', ') });
  }
  return routes;
}

describe('OpenAPI document', () => {
  let db: Database;
  let app: FastifyInstance;
  const apiRoutes: string[] = [];
  before(async () => {
    db = await freshPglite();
    await loadDemo(db);
    app = await buildApp({ db, config: { organisationName: 'Lantern', production: false } });
    await app.ready();
    for (const r of registeredRoutes(app.printRoutes({ commonPrefix: false })))
      if (r.path.startsWith('/api/v1/') && r.methods.includes('GET')) apiRoutes.push(r.path);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('is served as OpenAPI 3.1 JSON', async () => {
    const res = await app.inject('/api/v1/openapi.json');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().openapi, '3.1.0');
  });

  it('describes every /api/v1 route the app registers', async () => {
    const documented = Object.keys((await app.inject('/api/v1/openapi.json')).json().paths);
    assert.ok(apiRoutes.length >= 8, `only ${apiRoutes.length} routes seen`);
    const missing = apiRoutes.map(toOpenApiPath).filter((p) => !documented.includes(p));
    assert.deepEqual(missing, []);
  });

  it('documents no path the app does not have', async () => {
    const documented = Object.keys((await app.inject('/api/v1/openapi.json')).json().paths);
    const registered = new Set(apiRoutes.map(toOpenApiPath));
    assert.deepEqual(
      documented.filter((p) => !registered.has(p)),
      [],
    );
  });

  it('gives every path parameter a parameter entry', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    for (const [p, item] of Object.entries<{
      get: { parameters?: { name: string; in: string }[] };
    }>(doc.paths)) {
      for (const [, name] of p.matchAll(/\{(\w+)\}/g)) {
        assert.ok(
          item.get.parameters?.some((x) => x.in === 'path' && x.name === name),
          `${p} lacks path parameter ${name}`,
        );
      }
    }
  });
});
