import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Queryable } from '../../src/core/db.js';
import { recordRelease } from '../../src/measures/releases.repository.js';
import { createDataVersionCache } from '../../src/web/services/data-version-cache.js';
import { describeEachDatabase } from '../support/db.js';

/** What an import does to the data version: a new release. */
const newRelease = (db: Queryable) =>
  recordRelease(db, {
    source: 'demo',
    description: 'd',
    fileName: 'f',
    checksumSha256: 'x',
    rowCount: 0,
  });

describeEachDatabase('data version cache', (db) => {
  it('computes once per key until a new release is recorded', async () => {
    const cache = createDataVersionCache(db(), { versionTtlMs: 0 });
    let calls = 0;
    const compute = async () => ++calls;
    assert.equal(await cache.get('a', compute), 1);
    assert.equal(await cache.get('a', compute), 1);
    await newRelease(db());
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
    await newRelease(db());
    assert.equal(await cache.version(), before);
    cache.refresh();
    assert.equal(await cache.version(), before + 1);
  });

  it('keeps at most its bytes of values, the least recently used going first', async () => {
    const cache = createDataVersionCache(db(), { maxBytes: 50_000 });
    const calls: string[] = [];
    const compute = (key: string) => async () => {
      calls.push(key);
      return key.repeat(20_000);
    };
    for (const key of ['a', 'b', 'a', 'c']) await cache.get(key, compute(key));
    assert.deepEqual(calls, ['a', 'b', 'c']);
    assert.ok(cache.bytes() <= 50_000, `${cache.bytes()} bytes`);
    await cache.get('b', compute('b'));
    assert.deepEqual(calls, ['a', 'b', 'c', 'b']);
  });

  it('shares one computation between concurrent first requests for a key', async () => {
    const cache = createDataVersionCache(db());
    let calls = 0;
    const slow = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 30));
      return calls;
    };
    const all = await Promise.all([
      cache.get('s', slow),
      cache.get('s', slow),
      cache.get('s', slow),
    ]);
    assert.deepEqual(all, [1, 1, 1]);
  });

  it('does not keep a value computed from data older than the newest', async () => {
    const cache = createDataVersionCache(db(), { versionTtlMs: 0 });
    let calls = 0;
    let finish!: () => void;
    const first = cache.get(
      'o',
      () => new Promise<number>((resolve) => (finish = () => resolve(++calls))),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await newRelease(db());
    assert.equal(await cache.get('other', async () => 0), 0); // sees the new version
    finish();
    assert.equal(await first, 1);
    assert.equal(await cache.get('o', async () => ++calls), 2);
  });
});
