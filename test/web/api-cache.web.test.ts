import { gunzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { useDemoApp } from '../support/web.js';

describe('JSON API answers cached per data version', () => {
  let app: FastifyInstance;
  useDemoApp((t) => ({ app } = t), { organisationName: 'Lantern', production: true });

  for (const url of [
    '/api/v1/la/933/scorecard',
    '/api/v1/measures/DEMO_KS2_RWM/benchmark?la=933',
  ]) {
    it(`sends ${url} again as the same JSON from the cache, gzipped when asked`, async () => {
      const first = await app.inject(url);
      assert.equal(first.statusCode, 200);
      assert.match(String(first.headers['content-type']), /^application\/json/);
      const again = await app.inject(url);
      assert.equal(again.headers['x-lantern-cache'], 'hit');
      assert.match(String(again.headers['content-type']), /^application\/json/);
      assert.equal(again.body, first.body);
      const gzipped = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gzipped.headers['content-encoding'], 'gzip');
      assert.deepEqual(JSON.parse(gunzipSync(gzipped.rawPayload).toString()), first.json());
    });
  }

  it('never caches a refused API request', async () => {
    const url = '/api/v1/measures/DEMO_KS2_RWM/benchmark?la=nope';
    assert.equal((await app.inject(url)).statusCode, 400);
    assert.equal((await app.inject(url)).headers['x-lantern-cache'], undefined);
  });
});
