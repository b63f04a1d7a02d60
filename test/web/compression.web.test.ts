import { gunzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { useDemoApp } from '../support/web.js';

const gzip = { 'accept-encoding': 'gzip, deflate, br' };
const refused = { 'accept-encoding': 'gzip;q=0, identity' };

describe('answers compressed once for clients that accept gzip', () => {
  let app: FastifyInstance;
  useDemoApp((t) => ({ app } = t), { organisationName: 'Lantern', production: true });

  /** Answers the page cache does not keep: the home page, an error page, CSV, an API list. */
  const uncached = [
    '/',
    '/la/933?topic=No%20such%20topic',
    '/la/933.csv',
    '/measure/DEMO_KS2_RWM?download=csv&table=all-las',
    '/api/v1/areas',
  ];
  for (const url of uncached) {
    it(`gzips ${url}, and not when gzip;q=0`, async () => {
      const plain = await app.inject({ url, headers: refused });
      assert.equal(plain.headers['content-encoding'], undefined);
      const zipped = await app.inject({ url, headers: gzip });
      assert.equal(zipped.statusCode, plain.statusCode);
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(zipped.rawPayload).toString(), plain.body);
    });
  }

  for (const url of ['/la/343', '/api/v1/la/343/scorecard']) {
    it(`sends ${url} gzipped once, made and from the cache`, async () => {
      const made = await app.inject({ url, headers: gzip });
      const again = await app.inject({ url, headers: gzip });
      assert.equal(again.headers['x-lantern-cache'], 'hit');
      const plain = await app.inject({ url, headers: refused });
      assert.equal(plain.headers['content-encoding'], undefined);
      for (const res of [made, again]) {
        assert.equal(res.headers['content-encoding'], 'gzip');
        assert.equal(gunzipSync(res.rawPayload).toString(), plain.body);
      }
    });
  }

  it('sends XLSX as it is (already zipped)', async () => {
    const res = await app.inject({ url: '/la/933?download=xlsx&table=all', headers: gzip });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.deepEqual([...res.rawPayload.subarray(0, 2)], [0x50, 0x4b]); // "PK": a zip file
  });
});
