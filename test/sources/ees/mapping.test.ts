import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { LanternError } from '../../../src/core/errors.js';
import { readMappingFile } from '../../../src/sources/ees/ees.read.js';
import { describeMappingError, parseMapping } from '../../../src/sources/ees/mapping.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/ees');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

/** Reads the mapping at `file`, expecting it to fail; returns the error. */
function failingRead(file: string): LanternError {
  try {
    readMappingFile(file);
  } catch (error) {
    assert.ok(error instanceof LanternError, String(error));
    return error;
  }
  throw new Error(`reading ${file} should have failed`);
}

function tempFile(name: string, content: Buffer | string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-mapping-')), name);
  fs.writeFileSync(file, content);
  return file;
}

const valid = `
description: Test
years:
  style: end-year
filters:
  education_phase: Total
exclude:
  - region_name: Region demo
measures:
  - indicator: pa_perc
    filters:
      time_frame: Year to date
    measure:
      code: pa
      name: Persistent absence (%)
      topic: Attendance
      polarity: low
      decimalPlaces: 1
      sourceLinks: [https://a.example, https://b.example]
  - indicator: other_perc
    measure: 272
`;

describe('EES mapping parser', () => {
  it('parses a valid mapping into entries with merged filters', () => {
    const { value, errors } = parseMapping(valid, 'm.yaml');
    assert.deepEqual(errors, []);
    assert.equal(value?.yearStyle, 'end-year');
    assert.deepEqual(value?.exclude, [{ region_name: 'Region demo' }]);
    assert.deepEqual(value?.entries[0]?.filters, {
      education_phase: 'Total',
      time_frame: 'Year to date',
    });
    assert.equal(value?.entries[0]?.newMeasure?.polarity, 'low');
    assert.equal(value?.entries[0]?.newMeasure?.sourceLinks, 'https://a.example https://b.example');
  });

  it('parses a numeric measure code as a reference to an existing measure', () => {
    const { value } = parseMapping(valid, 'm.yaml');
    assert.equal(value?.entries[1]?.measureCode, '272');
    assert.equal(value?.entries[1]?.newMeasure, null);
  });

  it('parses a measure without decimal places as 1 place, marked as not published', () => {
    const { value } = parseMapping(
      'measures:\n  - indicator: x\n    measure: { code: a, name: A, topic: T, polarity: none }\n',
      'm.yaml',
    );
    assert.equal(value?.entries[0]?.newMeasure?.decimalPlaces, 1);
    assert.equal(value?.entries[0]?.newMeasure?.decimalPlacesPublished, false);
    assert.equal(value?.entries[0]?.newMeasure?.polarity, null);
  });

  it('reports invalid YAML with its line', () => {
    const { value, errors } = parseMapping('measures:\n  - indicator: [unclosed\n', 'bad.yaml');
    assert.equal(value, null);
    assert.match(describeMappingError(errors[0]!), /^bad\.yaml: not valid YAML \(line \d+\)/);
  });

  it('reports a wrong polarity naming the file, the entry and the field', () => {
    const { errors } = parseMapping(
      'measures:\n  - indicator: x\n    measure: { code: a, name: A, topic: T, polarity: up }\n',
      'm.yaml',
    );
    assert.equal(
      describeMappingError(errors[0]!),
      'm.yaml, entry 1 (x), field "measure.polarity": expected "high", "low" or "none", got "up"',
    );
  });

  it('reports a missing required field of a new measure', () => {
    const { errors } = parseMapping(
      'measures:\n  - indicator: x\n    measure: { code: a, topic: T, polarity: low }\n',
      'm.yaml',
    );
    assert.deepEqual(errors, [
      { file: 'm.yaml', entry: 'entry 1 (x)', field: 'measure.name', message: 'is required' },
    ]);
  });

  it('reports an unknown field, so typos do not pass silently', () => {
    const { errors } = parseMapping(
      'measures:\n  - indicator: x\n    filter: { a: b }\n    measure: a\n',
      'm.yaml',
    );
    assert.deepEqual(errors, [
      { file: 'm.yaml', entry: 'entry 1 (x)', message: 'unknown field "filter"' },
    ]);
  });

  it('reports an entry without an indicator', () => {
    const { errors } = parseMapping('measures:\n  - measure: a\n', 'm.yaml');
    assert.deepEqual(errors, [
      { file: 'm.yaml', entry: 'entry 1', field: 'indicator', message: 'is required' },
    ]);
  });

  it('reports an unknown year style at the top level', () => {
    const { errors } = parseMapping(
      'years: { style: weekly }\nmeasures:\n  - { indicator: x, measure: a }\n',
      'm.yaml',
    );
    assert.equal(errors[0]?.field, 'years.style');
    assert.match(errors[0]!.message, /academic, financial, end-year, calendar/);
  });

  it('reports a mapping without entries', () => {
    const { errors } = parseMapping('description: nothing\n', 'm.yaml');
    assert.deepEqual(errors, [{ file: 'm.yaml', field: 'measures', message: 'is required' }]);
  });

  it('reports a measure defined twice', () => {
    const m =
      'measures:\n  - indicator: x\n    measure: { code: a, name: A, topic: T, polarity: low }\n  - indicator: y\n    measure: { code: a, name: A, topic: T, polarity: low }\n';
    const { errors } = parseMapping(m, 'm.yaml');
    assert.equal(errors[0]?.entry, 'entry 2 (y)');
    assert.match(errors[0]!.message, /already defined by entry 1/);
  });

  it('refuses a YAML alias bomb ("billion laughs") with a message, not a crash', () => {
    const { value, errors } = parseMapping(fixture('alias-bomb-mapping.yaml'), 'bomb.yaml');
    assert.equal(value, null);
    assert.deepEqual(errors.map(describeMappingError), [
      'bomb.yaml: uses YAML aliases (*name) too often (more than 50 expansions): write the values out instead',
    ]);
  });

  it('says a mapping nested thousands deep is too deep, not that the stack ran out', () => {
    for (const deep of [
      `measures: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
      `measures:\n  ${'- '.repeat(20_000)}x\n`,
    ]) {
      const { value, errors } = parseMapping(deep, 'deep.yaml');
      assert.equal(value, null);
      const [message, ...rest] = errors.map(describeMappingError);
      assert.equal(rest.length, 0);
      assert.match(
        message!,
        /^deep\.yaml: nests lists or mappings too deeply to read \(line \d+\)/,
      );
      assert.doesNotMatch(message!, /stack/i);
    }
  });

  it('says decimalPlaces written as a word must be a whole number, and what it got', () => {
    const { errors } = parseMapping(fixture('decimal-places-word-mapping.yaml'), 'dp.yaml');
    assert.deepEqual(errors.map(describeMappingError), [
      'dp.yaml, entry 1 (NEET_percent), field "measure.decimalPlaces": expected a whole number from 0 to 6, got "two"',
    ]);
  });

  it('says decimalPlaces written as a list must be a whole number', () => {
    const { errors } = parseMapping(fixture('decimal-places-list-mapping.yaml'), 'dp.yaml');
    assert.deepEqual(errors.map(describeMappingError), [
      'dp.yaml, entry 1 (NEET_percent), field "measure.decimalPlaces": expected a whole number from 0 to 6, got a list',
    ]);
  });

  it('says decimalPlaces 7 is out of range', () => {
    const { errors } = parseMapping(
      fixture('mapping.yaml').replace('decimalPlaces: 1', 'decimalPlaces: 7'),
      'dp.yaml',
    );
    assert.match(describeMappingError(errors[0]!), /expected a whole number from 0 to 6, got 7$/);
  });

  it('says a filter value given as a list must be text, a number or true/false', () => {
    const { errors } = parseMapping(
      'measures:\n  - indicator: x\n    filters: { Age: [16, 17] }\n    measure: a\n',
      'm.yaml',
    );
    assert.deepEqual(errors.map(describeMappingError), [
      'm.yaml, entry 1 (x), field "filters.Age": expected text, a number or true/false, got a list',
    ]);
  });

  for (const [what, text] of [
    ['empty', ''],
    ['only a comment', '\n# nothing yet\n'],
  ]) {
    it(`says a mapping that is ${what} is empty`, () => {
      assert.deepEqual(parseMapping(text!, 'm.yaml').errors.map(describeMappingError), [
        'm.yaml: the file is empty: a mapping lists its entries under "measures:"',
      ]);
    });
  }

  const newMeasure = (code: string) =>
    `measures:\n  - indicator: x\n    measure: { code: ${JSON.stringify(code)}, name: A, topic: T, polarity: low }\n`;

  for (const code of ['constructor', '__proto__', 'toString']) {
    it(`refuses the new measure code "${code}", which no page could look up`, () => {
      assert.deepEqual(parseMapping(newMeasure(code), 'm.yaml').errors.map(describeMappingError), [
        `m.yaml, entry 1 (x), field "measure.code": expected a measure code (letters, digits, single spaces and _ - . % & ( ) , / <; at most 64 characters), got "${code}": every JavaScript object has a property of that name, so no page or API route could look the measure up`,
      ]);
    });
  }

  for (const [code, why] of [
    ['../../etc/passwd', /got "\.\.\/\.\.\/etc\/passwd": it reads as a path/],
    ['<script>alert(1)</script>', /"<" only before a digit/],
    [
      'ees_\u202eneet',
      /got "ees_<U\+202E>neet": it holds <U\+202E>, a right-to-left override, which cannot be seen$/,
    ],
    [
      'ees\u00a0neet',
      /got "ees<U\+00A0>neet": it holds <U\+00A0>, a no-break space, which looks like a plain space$/,
    ],
  ] as const) {
    it(`refuses the new measure code ${JSON.stringify(code)}, naming the file, entry and field`, () => {
      const { value, errors } = parseMapping(newMeasure(code), 'm.yaml');
      assert.equal(value, null);
      assert.equal(errors.length, 1);
      assert.equal(errors[0]?.entry, 'entry 1 (x)');
      assert.equal(errors[0]?.field, 'measure.code');
      assert.match(describeMappingError(errors[0]!), why);
      assert.doesNotMatch(
        describeMappingError(errors[0]!),
        /[\u0000-\u001f\u200b-\u200f\u202a-\u202e\u00a0]/,
      );
    });
  }

  it('still refuses a space in a new measure code (docs/sources-ees.md: no spaces)', () => {
    const { errors } = parseMapping(newMeasure('ees neet'), 'm.yaml');
    assert.equal(errors[0]?.field, 'measure.code');
    assert.match(errors[0]!.message, /without spaces/);
  });

  it('refuses a reference to an existing measure by a code no measure can have', () => {
    const { errors } = parseMapping(
      'measures:\n  - indicator: x\n    measure: constructor\n  - indicator: y\n    measure: "a\\u200bb"\n',
      'm.yaml',
    );
    assert.deepEqual(
      errors.map((e) => [e.entry, e.field]),
      [
        ['entry 1 (x)', 'measure'],
        ['entry 2 (y)', 'measure'],
      ],
    );
    assert.match(describeMappingError(errors[1]!), /got "a<U\+200B>b"/);
  });

  it('accepts a reference to a LAIT measure whose code has spaces and punctuation', () => {
    const { value, errors } = parseMapping(
      'measures:\n  - indicator: x\n    measure: "16-17 NEET"\n  - indicator: y\n    measure: Hosp_Adm_Alc_<18yrs\n',
      'm.yaml',
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(
      value?.entries.map((e) => e.measureCode),
      ['16-17 NEET', 'Hosp_Adm_Alc_<18yrs'],
    );
  });

  it('says a mapping that is a list, not fields, is not a mapping', () => {
    assert.deepEqual(parseMapping('- a\n- b\n', 'm.yaml').errors.map(describeMappingError), [
      'm.yaml: expected a mapping of description, years, filters, exclude and measures, got a list',
    ]);
  });
});

describe('EES mapping files', () => {
  it('says a UTF-16 mapping is not UTF-8, naming the file', () => {
    const text = fixture('mapping.yaml');
    const file = tempFile(
      'utf16.yaml',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const error = failingRead(file);
    assert.equal(error.code, 'LANTERN_IMPORT_ENCODING');
    assert.equal(error.message, 'utf16.yaml is UTF-16 text (little-endian), not UTF-8.');
    assert.match(error.hint ?? '', /Save the mapping as UTF-8/);
  });

  it('says a UTF-16 mapping without a byte-order mark is not UTF-8', () => {
    const file = tempFile('utf16.yaml', Buffer.from(fixture('mapping.yaml'), 'utf16le'));
    assert.match(failingRead(file).message, /^utf16\.yaml holds NUL bytes: it is UTF-16 text/);
  });

  it('says a Windows-1252 mapping is not UTF-8, naming its line', () => {
    const file = tempFile(
      'cp1252.yaml',
      Buffer.from('description: caf\xe9\nmeasures: []\n', 'latin1'),
    );
    assert.equal(
      failingRead(file).message,
      'cp1252.yaml is not UTF-8 text (first bad byte on line 1).',
    );
  });

  it('refuses a mapping of more than a megabyte before reading it as YAML', () => {
    const file = tempFile('big.yaml', `# ${'x'.repeat(1_000_001)}\n`);
    const error = failingRead(file);
    assert.equal(error.code, 'LANTERN_MAPPING_INVALID');
    assert.match(error.message, /big\.yaml is 1,000,004 bytes: a mapping is a short YAML file/);
  });

  it('refuses a mapping whose new measure is "constructor" with LANTERN_MAPPING_INVALID', () => {
    const file = tempFile(
      'proto.yaml',
      fixture('mapping.yaml').replace('code: test_neet', 'code: constructor'),
    );
    const error = failingRead(file);
    assert.equal(error.code, 'LANTERN_MAPPING_INVALID');
    assert.match(
      error.message,
      /^proto\.yaml has 1 problem\. Nothing was imported\.\n {2}- proto\.yaml, entry 1 \(NEET_percent\), field "measure\.code": expected a measure code .*got "constructor"/,
    );
  });
});
