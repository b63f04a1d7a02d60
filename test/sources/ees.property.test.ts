import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { observationDifferences } from '../support/property/areas.js';
import { eesCsvProperty } from '../support/property/ees-csv-property.js';
import {
  closeEesStore,
  eesObservations,
  openEesStore,
  type EesStore,
} from '../support/property/ees-fixture.js';
import { checkProperty } from '../support/property/run.js';

describe('EES import of changed files (property)', () => {
  let s: EesStore | undefined;
  const store = () => s!;

  before(async () => {
    s = await openEesStore();
  });
  after(() => closeEesStore(s));

  it('imports the unchanged file as it says (the property starts from it)', async () => {
    const stored = await eesObservations(store().db);
    assert.equal(store().baseExpected.get('prop_a')?.get('2023')?.size, 4);
    assert.deepEqual(observationDifferences(stored, store().baseExpected), []);
  });

  it('imports each changed EES file completely, or refuses it with a labelled error and changes nothing', async () => {
    await checkProperty(eesCsvProperty(store), {
      numRuns: 300,
      timeLimitMs: 18_000,
      testFile: 'test/sources/ees.property.test.ts',
    });
  });
});
