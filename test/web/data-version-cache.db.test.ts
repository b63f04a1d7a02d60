import assert from 'node:assert/strict';
import { it } from 'node:test';
import { recordRelease } from '../../src/measures/releases.repository.js';
import { createDataVersionCache } from '../../src/web/services/data-version-cache.js';
import { describeEachDatabase } from '../support/db.js';

describeEachDatabase('data version cache', (db) => {
  it('computes once per key until a new release is recorded', async () => {
    const cache = createDataVersionCache(db(), { versionTtlMs: 0 });
    let calls = 0;
    const compute = async () => ++calls;
    assert.equal(await cache.get('a', compute), 1);
    assert.equal(await cache.get('a', compute), 1);
    await recordRelease(db(), {
      source: 'demo',
      description: 'd',
      fileName: 'f',
      checksumSha256: 'x',
      rowCount: 0,
    });
    assert.equal(await cache.get('a', compute), 2);
  });

  it('does not keep a failed computation', async () => {
    const cache = createDataVersionCache(db());
    await assert.rejects(cache.get('b', () => Promise.reject(new Error('boom'))));
    assert.equal(await cache.get('b', async () => 'ok'), 'ok');
  });

  it('trusts a version reading for its time to live', async () => {
    const cache = createDataVersionCache(db(), { versionTtlMs: 60_000 });
    const before = await cache.version();
    await recordRelease(db(), {
      source: 'demo',
      description: 'd',
      fileName: 'f',
      checksumSha256: 'x',
      rowCount: 0,
    });
    assert.equal(await cache.version(), before);
    cache.refresh();
    assert.equal(await cache.version(), before + 1);
  });
});
