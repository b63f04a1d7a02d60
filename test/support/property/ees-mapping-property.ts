import { isDeepStrictEqual } from 'node:util';
import fs from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { Queryable } from '../../../src/core/db.js';
import { importEes } from '../../../src/sources/ees/ees.import.js';
import { observationDifferences, type ObsByMeasure } from './areas.js';
import { eesMappingObject, eesObservations, type EesStore } from './ees-fixture.js';
import { mappingChange, mappingText, type MappingChange } from './mapping-changes.js';
import type { PropertyDefinition } from './run.js';
import {
  byteChange,
  clip,
  decodeText,
  describeByteChange,
  encodeText,
  type ByteChange,
} from './text-files.js';
import { expectCompleteOrNothing, newVerdict, type Verdict } from './verdict.js';

export interface MappingInput {
  change: MappingChange;
  bytes: ByteChange | null;
}

const file = 'property-mapping.yaml';

function build(i: MappingInput) {
  const { text, same, description } = mappingText(i.change);
  const bytes = encodeText(text, i.bytes);
  return {
    text,
    same,
    bytes,
    description: `the mapping ${description}, ${describeByteChange(i.bytes)}\n--- ${file} ---\n${clip(text, 1200)}`,
  };
}

/** Must import as the base mapping, must be refused, or (cut short) either, by what the change does. */
function mappingVerdict(
  i: MappingInput,
  same: boolean,
  bytes: Buffer,
  expected: ObsByMeasure,
): Verdict<ObsByMeasure | null> {
  const v = newVerdict<ObsByMeasure | null>(expected);
  const decoded = decodeText(bytes);
  if ('problem' in decoded) {
    v.must.push({
      file,
      why: decoded.problem === 'empty' ? 'the file is empty' : 'not UTF-8 text',
    });
    return { ...v, label: decoded.problem };
  }
  if (i.bytes?.kind === 'truncate') {
    v.may.push({ file, why: 'cut short: whatever is left may or may not be a mapping' });
    return { ...v, expected: null };
  }
  if (!same) v.must.push({ file, why: 'not a mapping the docs allow' });
  return v;
}

async function measureFailures(db: Queryable): Promise<string[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select code, name, topic, polarity, decimal_places, decimal_places_published, no_quartile from measure
      where code in ('prop_a', 'prop_b') order by code`,
  );
  const wanted = [
    {
      code: 'prop_a',
      name: 'Property A \u2013 caf\u00e9',
      topic: 'Property tests',
      polarity: 'low',
      decimal_places: 1,
      decimal_places_published: true,
      no_quartile: false,
    },
    {
      code: 'prop_b',
      name: 'Property B',
      topic: 'Property tests',
      polarity: 'high',
      decimal_places: 1,
      decimal_places_published: false,
      no_quartile: false,
    },
  ];
  return isDeepStrictEqual(rows, wanted)
    ? []
    : [
        `the measures stored are ${JSON.stringify(rows)}, the mapping says ${JSON.stringify(wanted)}`,
      ];
}

/**
 * The base mapping changed once (a wrong type, a missing or unknown field, an alias bomb, YAML
 * that says the same in another way...), then perhaps its bytes; always with the base EES file.
 */
export function eesMappingProperty(store: () => EesStore): PropertyDefinition<MappingInput> {
  return {
    name: 'EES mapping: complete or nothing',
    arbitrary: fc.record({ change: mappingChange, bytes: fc.option(byteChange, { freq: 3 }) }),
    describe: (i) => build(i).description,
    async predicate(i) {
      const { db, csvPath, mappingPath } = store();
      const { text, same, bytes } = build(i);
      if (same && !isDeepStrictEqual(parse(text), eesMappingObject))
        throw new Error(`test bug: the "same" mapping says something else:\n${text}`);
      fs.writeFileSync(mappingPath, bytes);
      const verdict = mappingVerdict(i, same, bytes, store().baseExpected);
      await expectCompleteOrNothing(
        db,
        verdict,
        () => importEes(db, csvPath, mappingPath),
        async () =>
          verdict.expected === null
            ? []
            : [
                ...observationDifferences(await eesObservations(db), verdict.expected),
                ...(await measureFailures(db)),
              ],
      );
    },
  };
}
