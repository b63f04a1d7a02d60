import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { observationDifferences } from '../support/property/areas.js';
import { eesMappingProperty } from '../support/property/ees-mapping-property.js';
import {
  closeEesStore,
  eesObservations,
  openEesStore,
  type EesStore,
} from '../support/property/ees-fixture.js';
import { checkProperty } from '../support/property/run.js';

describe('EES import with changed mapping files (property)', () => {
  let s: EesStore | undefined;
  const store = () => s!;

  before(async () => {
    s = await openEesStore();
  });
  after(() => closeEesStore(s));

  it('imports the base file through the base mapping as they say (the property starts from it)', async () => {
    const stored = await eesObservations(store().db);
    assert.deepEqual(observationDifferences(stored, store().baseExpected), []);
  });

  it('imports through each changed mapping completely, or refuses it with a labelled error and changes nothing', async () => {
    await checkProperty(eesMappingProperty(store), {
      numRuns: 200,
      timeLimitMs: 8_000,
      testFile: 'test/sources/ees-mapping.property.test.ts',
    });
  });
});
