import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../support/db.js';
import { fingerprintChanges, storeFingerprint } from '../support/store-fingerprint.js';

// The importer properties trust storeFingerprint to see any change a refused import leaves behind.
describeEachDatabase('store fingerprint', (db) => {
  it('gives the same fingerprint for an unchanged store', async () => {
    assert.deepEqual(
      fingerprintChanges(await storeFingerprint(db()), await storeFingerprint(db())),
      [],
    );
  });

  it('names every table of the schema, found in information_schema', async () => {
    const names = Object.keys(await storeFingerprint(db()));
    for (const t of [
      'area',
      'measure',
      'observation',
      'release',
      'statistical_neighbour',
      'benchmark',
    ])
      assert.ok(names.includes(t), `${t} missing from ${names.join(', ')}`);
  });

  it('changes with one changed cell of one table, and names that table', async () => {
    const before = await storeFingerprint(db());
    await db().query(`update area set name = name || ' ' where code = 933`);
    const changed = fingerprintChanges(before, await storeFingerprint(db()));
    await db().query(`update area set name = rtrim(name) where code = 933`);
    assert.deepEqual(
      changed.map((c) => c.split(':')[0]),
      ['area'],
    );
    assert.deepEqual(fingerprintChanges(before, await storeFingerprint(db())), []);
  });

  it('changes when an index is dropped, even with every row the same', async () => {
    const before = await storeFingerprint(db());
    await db().query('drop index observation_area_idx');
    const changed = fingerprintChanges(before, await storeFingerprint(db()));
    await db().query('create index observation_area_idx on observation (area_code, measure_code)');
    assert.deepEqual(
      changed.map((c) => c.split(':')[0]),
      ['(indexes)'],
    );
  });
});
