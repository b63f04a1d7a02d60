import fc from 'fast-check';
import { Document, stringify } from 'yaml';
import { eesMappingObject } from './ees-fixture.js';

/**
 * Changes to the EES mapping file, each with what it does to the mapping: `same` (it still says
 * exactly what the base mapping says), `refuse` (it no longer is a mapping the docs allow).
 */

type Path = (string | number)[];
type Kind = 'scalar' | 'filterValue' | 'map' | 'list' | 'int' | 'bool' | 'enum';

/** Fields of the base mapping and what they hold; `required` ones may not be null or removed. */
const fields: { path: Path; kind: Kind; required: boolean }[] = [
  { path: ['description'], kind: 'scalar', required: false },
  { path: ['years'], kind: 'map', required: false },
  { path: ['filters'], kind: 'map', required: false },
  { path: ['filters', 'characteristic'], kind: 'filterValue', required: false },
  { path: ['exclude'], kind: 'list', required: false },
  { path: ['measures'], kind: 'list', required: true },
  { path: ['measures', 0], kind: 'map', required: true },
  { path: ['measures', 0, 'indicator'], kind: 'scalar', required: true },
  { path: ['measures', 0, 'filters'], kind: 'map', required: false },
  { path: ['measures', 0, 'measure'], kind: 'map', required: true },
  { path: ['measures', 0, 'measure', 'code'], kind: 'scalar', required: true },
  { path: ['measures', 0, 'measure', 'name'], kind: 'scalar', required: true },
  { path: ['measures', 0, 'measure', 'topic'], kind: 'scalar', required: true },
  { path: ['measures', 0, 'measure', 'polarity'], kind: 'enum', required: true },
  { path: ['measures', 0, 'measure', 'decimalPlaces'], kind: 'int', required: false },
  { path: ['measures', 0, 'measure', 'noQuartile'], kind: 'bool', required: false },
  { path: ['measures', 1, 'measure', 'polarity'], kind: 'enum', required: true },
];

/** Values of the wrong type (or out of range) for each kind of field. */
const wrong: Record<Kind, unknown[]> = {
  scalar: [['a', 'b'], { a: 1 }],
  filterValue: [['a', 'b'], { a: 1 }, null],
  map: ['text', 42, ['a']],
  list: ['text', 42, { a: 1 }],
  int: [1.5, -1, 7, 'two', [1]],
  bool: ['maybe', 2, [true]],
  enum: ['sideways', 'lower', ['low']],
};

const unknownAt: Path[] = [
  [],
  ['measures', 0],
  ['measures', 0, 'measure'],
  ['measures', 1, 'measure'],
];

export type MappingChange =
  | { kind: 'wrongType'; field: number; value: number }
  | { kind: 'null'; field: number }
  | { kind: 'remove'; field: number }
  | { kind: 'unknownField'; at: number; name: string }
  | { kind: 'emptyMeasures' }
  | { kind: 'root'; value: unknown }
  | { kind: 'aliasBomb'; levels: number }
  | { kind: 'deep'; depth: number }
  | { kind: 'text'; text: 'duplicateKey' | 'twoDocuments' | 'binaryTag' | 'tab' }
  | {
      kind: 'same';
      style: 'aliases' | 'comments' | 'flow' | 'reversedKeys' | 'quoted' | 'markers';
    };

export const mappingChange: fc.Arbitrary<MappingChange> = fc.oneof(
  fc.record({
    kind: fc.constant('wrongType' as const),
    field: fc.noBias(fc.nat({ max: 63 })),
    value: fc.nat({ max: 7 }),
  }),
  fc.record({ kind: fc.constant('null' as const), field: fc.noBias(fc.nat({ max: 63 })) }),
  fc.record({ kind: fc.constant('remove' as const), field: fc.noBias(fc.nat({ max: 63 })) }),
  fc.record({
    kind: fc.constant('unknownField' as const),
    at: fc.nat({ max: 7 }),
    name: fc.constantFrom('decimalplaces', 'Polarity', 'colour', 'filter', 'measures '),
  }),
  fc.constant({ kind: 'emptyMeasures' as const }),
  fc.record({
    kind: fc.constant('root' as const),
    value: fc.constantFrom<unknown>(['a'], 'hello', null, 42),
  }),
  fc.record({ kind: fc.constant('aliasBomb' as const), levels: fc.integer({ min: 2, max: 9 }) }),
  fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 50, max: 5000 }) }),
  fc.record({
    kind: fc.constant('text' as const),
    text: fc.constantFrom(
      'duplicateKey' as const,
      'twoDocuments' as const,
      'binaryTag' as const,
      'tab' as const,
    ),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('same' as const),
      style: fc.constantFrom(
        'aliases' as const,
        'comments' as const,
        'flow' as const,
        'reversedKeys' as const,
        'quoted' as const,
        'markers' as const,
      ),
    }),
  },
);

const base = () => structuredClone(eesMappingObject) as unknown as Record<string, unknown>;
const required = fields.filter((f) => f.required);

function setIn(root: Record<string, unknown>, path: Path, value: unknown, remove = false): void {
  let at = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete at[last];
  else at[last] = value;
}

function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, x]) => [k, reversedKeys(x)]),
  );
}

function sameText(style: Extract<MappingChange, { kind: 'same' }>['style']): string {
  switch (style) {
    case 'aliases': {
      const doc = new Document(base());
      const shared = doc.getIn(['measures', 0, 'filters'], true);
      doc.setIn(['measures', 1, 'filters'], doc.createAlias(shared as never, 'age'));
      return doc.toString();
    }
    case 'comments':
      return `# A mapping, commented\n${stringify(base()).replace(/\n/g, ' # note\n')}# end\n`;
    case 'flow':
      return JSON.stringify(base(), null, 1);
    case 'reversedKeys':
      return stringify(reversedKeys(base()));
    case 'quoted':
      return stringify(base(), { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
    case 'markers':
      return `%YAML 1.2\n---\n${stringify(base())}...\n`;
  }
}

function bomb(levels: number): string {
  const lines = ['description:', `  - &a0 [${Array(9).fill('lol').join(', ')}]`];
  for (let i = 1; i < levels; i++)
    lines.push(
      `  - &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n${stringify({ ...base(), description: undefined })}`;
}

const textChanges = {
  duplicateKey: () =>
    stringify(base()).replace('polarity: low', 'polarity: low\n      polarity: high'),
  twoDocuments: () => `${stringify(base())}---\n${stringify(base())}`,
  binaryTag: () =>
    stringify(base()).replace(/^description: .*$/m, 'description: !!binary aGVsbG8='),
  tab: () => stringify(base()).replace('\n  - indicator: ind_a', '\n\t- indicator: ind_a'),
};

/** A change made to the mapping as data, then written out: what it did, in words. */
function changedObject(
  c: Extract<MappingChange, { kind: 'wrongType' | 'null' | 'remove' | 'unknownField' }>,
): {
  text: string;
  description: string;
} {
  const m = base();
  let description: string;
  if (c.kind === 'wrongType') {
    const f = fields[c.field % fields.length]!;
    const value = wrong[f.kind][c.value % wrong[f.kind].length];
    setIn(m, f.path, value);
    description = `${f.path.join('.')} set to ${JSON.stringify(value)}`;
  } else if (c.kind === 'unknownField') {
    const at = unknownAt[c.at % unknownAt.length]!;
    setIn(m, [...at, c.name], 1);
    description = `unknown field "${c.name}" added at ${at.join('.') || 'the top'}`;
  } else {
    const f = required[c.field % required.length]!;
    setIn(m, f.path, null, c.kind === 'remove');
    description = `${f.path.join('.')} ${c.kind === 'null' ? 'set to null' : 'removed'}`;
  }
  return { text: stringify(m), description };
}

/** The mapping file's text after the change, and whether it still says what the base mapping says. */
export function mappingText(c: MappingChange): {
  text: string;
  same: boolean;
  description: string;
} {
  switch (c.kind) {
    case 'same':
      return { text: sameText(c.style), same: true, description: `rewritten (${c.style})` };
    case 'wrongType':
    case 'null':
    case 'remove':
    case 'unknownField':
      return { ...changedObject(c), same: false };
    case 'emptyMeasures':
      return {
        text: stringify({ ...base(), measures: [] }),
        same: false,
        description: 'measures: []',
      };
    case 'root':
      return {
        text: stringify(c.value),
        same: false,
        description: `the whole file is ${JSON.stringify(c.value)}`,
      };
    case 'aliasBomb':
      return {
        text: bomb(c.levels),
        same: false,
        description: `description is an alias bomb of ${c.levels} levels (9^${c.levels} items)`,
      };
    case 'deep': {
      const nested = `description: ${'['.repeat(c.depth)}${']'.repeat(c.depth)}`;
      return {
        text: stringify(base()).replace(/^description: .*$/m, nested),
        same: false,
        description: `description nested ${c.depth} lists deep`,
      };
    }
    case 'text':
      return { text: textChanges[c.text](), same: false, description: c.text };
  }
}
