import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeMappingError, parseMapping } from '../../../src/sources/ees/mapping.js';

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
      'm.yaml, entry 1 (x), field "measure.polarity": expected "high", "low" or "none"',
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
});
