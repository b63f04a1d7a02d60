import fs from 'node:fs';
import { importEes } from '../../../src/sources/ees/ees.import.js';
import { observationDifferences } from './areas.js';
import {
  afterEesImport,
  eesBase,
  eesEntries,
  eesHeader,
  eesObservations,
  type EesStore,
} from './ees-fixture.js';
import { eesVerdict } from './ees-oracle.js';
import { rowChangeFor } from './mutations.js';
import type { PropertyDefinition } from './run.js';
import { byteChange, changedCsvFile, changesThenBytes, type CsvFileInput } from './text-files.js';
import { expectCompleteOrNothing } from './verdict.js';

/** The columns the import reads: changed three times as often as the others. */
const read = [
  'time_period',
  'geographic_level',
  'region_code',
  'old_la_code',
  'new_la_code',
  'characteristic',
  'age',
  'ind_a',
  'ind_b',
];
const rowChange = rowChangeFor(read.map((c) => eesHeader.indexOf(c)));
const build = (i: CsvFileInput) => changedCsvFile(eesBase, i, 'the small EES file', 'property.csv');

/** The small EES file changed 1 to 3 times (rows, cells, header), then perhaps its bytes. */
export function eesCsvProperty(store: () => EesStore): PropertyDefinition<CsvFileInput> {
  return {
    name: 'EES CSV: complete or nothing',
    arbitrary: changesThenBytes(rowChange, byteChange),
    describe: (i) => build(i).description,
    async predicate(i) {
      const { db, csvPath, mappingPath, areas } = store();
      const { bytes } = build(i);
      fs.writeFileSync(csvPath, bytes);
      const verdict = eesVerdict(bytes, 'property.csv', eesEntries, areas);
      const before = await eesObservations(db);
      await expectCompleteOrNothing(
        db,
        verdict,
        // With --replace: fewer areas than the store is refused without it, as the refusal tests
        // check (ees-refusals.db.test.ts); here the file must import completely or be refused.
        () => importEes(db, csvPath, mappingPath, { replace: true }),
        async () =>
          observationDifferences(
            await eesObservations(db),
            afterEesImport(before, verdict.expected),
          ),
      );
    },
  };
}
