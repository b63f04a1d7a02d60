import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { observationDifferences, storedObservations } from '../support/property/areas.js';
import { bdsVerdict } from '../support/property/lait-bds-oracle.js';
import { laitBdsProperty } from '../support/property/lait-bds-property.js';
import { dictionaryVerdict } from '../support/property/lait-dictionary-oracle.js';
import { laitDictionaryProperty } from '../support/property/lait-dictionary-property.js';
import {
  baseBds,
  baseDictionary,
  closeLaitStore,
  openLaitStore,
  type LaitStore,
} from '../support/property/lait-fixture.js';
import { laitNeighboursProperty } from '../support/property/lait-neighbours-property.js';
import { checkProperty } from '../support/property/run.js';
import { writeCsv } from '../support/property/text-files.js';

const testFile = 'test/sources/lait.property.test.ts';

describe('LAIT import of changed files (property)', () => {
  let s: LaitStore | undefined;
  const store = () => s!;

  before(async () => {
    s = await openLaitStore();
  });
  after(() => closeLaitStore(s));

  it('imports the unchanged folder as it says (the properties start from it)', async () => {
    const dictionary = dictionaryVerdict(
      Buffer.from(writeCsv([baseDictionary().header, ...baseDictionary().rows])),
    );
    const codes = dictionary.expected.map((m) => m.code);
    assert.deepEqual(codes, ['GLD', 'PerAbs', 'CINPermAbsent']);
    const data = bdsVerdict(baseBds, new Set(codes), store().areas, 'whole');
    assert.deepEqual([...dictionary.must, ...data.must], []);
    assert.deepEqual(
      observationDifferences(await storedObservations(store().db, codes), data.expected),
      [],
    );
  });

  it('imports each changed data dictionary completely, or refuses it with a labelled error and changes nothing', async () => {
    await checkProperty(laitDictionaryProperty(store), {
      numRuns: 250,
      timeLimitMs: 18_000,
      testFile,
    });
  });

  it('imports each changed data file (parquet) completely, or refuses it with a labelled error and changes nothing', async () => {
    await checkProperty(laitBdsProperty(store), { numRuns: 250, timeLimitMs: 18_000, testFile });
  });

  it('imports each changed neighbours workbook completely, or refuses it with a labelled error and changes nothing', async () => {
    await checkProperty(laitNeighboursProperty(store), {
      numRuns: 250,
      timeLimitMs: 18_000,
      testFile,
    });
  });
});
