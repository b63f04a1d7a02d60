import fc from 'fast-check';
import { observationDifferences, storedObservations } from './areas.js';
import { bdsVerdict } from './lait-bds-oracle.js';
import {
  dictionaryColumnsRead,
  dictionaryVerdict,
  type MeasureModel,
} from './lait-dictionary-oracle.js';
import {
  baseBds,
  baseDictionary,
  controlCellChange,
  dictionaryFile,
  type LaitStore,
} from './lait-fixture.js';
import { importChangedFolder, rowsDiffer } from './lait-run.js';
import { rowChangeFor } from './mutations.js';
import type { PropertyDefinition } from './run.js';
import { byteChange, changedCsvFile, changesThenBytes, type CsvFileInput } from './text-files.js';
import type { Verdict } from './verdict.js';

const rowChange = fc.oneof(
  {
    weight: 6,
    arbitrary: rowChangeFor(dictionaryColumnsRead.map((c) => baseDictionary().header.indexOf(c))),
  },
  {
    weight: 1,
    // No NUL here: one in the file's first 4 KB is "not UTF-8 text" (test/support/property/text-files.ts decodeText).
    arbitrary: controlCellChange(
      [...dictionaryColumnsRead, 'Description', 'Methodology'].map((c) =>
        baseDictionary().header.indexOf(c),
      ),
      [
        'GLD\u0001',
        'High\u001b',
        'Pupils\u0007 reaching',
        'x\u007f',
        'caf\u0085',
        'tab\there',
        'two\r\nlines',
        'v\u000bt',
      ],
    ),
  },
);
const build = (i: CsvFileInput) =>
  changedCsvFile(baseDictionary(), i, 'the small LAIT dictionary', dictionaryFile);

/** The dictionary's verdict, and with it the base data file's: what it gives the dictionary's measures. */
function verdict(bytes: Buffer, s: LaitStore) {
  const dictionary = dictionaryVerdict(bytes);
  const codes = new Set(dictionary.expected.map((m) => m.code));
  const data = bdsVerdict(baseBds, codes, s.areas, 'whole');
  const v: Verdict<{ measures: MeasureModel[]; observations: typeof data.expected }> = {
    must: dictionary.must.length > 0 ? dictionary.must : data.must,
    may: [...dictionary.may, ...data.may],
    expected: { measures: dictionary.expected, observations: data.expected },
    ...(dictionary.label || (dictionary.must.length === 0 && data.label)
      ? { label: dictionary.label ?? data.label }
      : {}),
  };
  return v;
}

const measureColumns =
  'code, name, topic, polarity, decimal_places, decimal_places_published, no_quartile';

/** The base LAIT folder with its dictionary changed 1 to 3 times, then perhaps its bytes. */
export function laitDictionaryProperty(store: () => LaitStore): PropertyDefinition<CsvFileInput> {
  return {
    name: 'LAIT dictionary: complete or nothing',
    arbitrary: changesThenBytes(rowChange, byteChange),
    describe: (i) => build(i).description,
    async predicate(i) {
      const s = store();
      const { bytes } = build(i);
      const v = verdict(bytes, s);
      const codes = v.expected.measures.map((m) => m.code);
      await importChangedFolder(s, dictionaryFile, bytes, v, async () => [
        ...(await rowsDiffer(
          s.db,
          'measures',
          `select ${measureColumns} from measure where code = any($1::text[]) order by code collate "C"`,
          [codes],
          [...v.expected.measures].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
        )),
        ...observationDifferences(await storedObservations(s.db, codes), v.expected.observations),
      ]);
    },
  };
}
