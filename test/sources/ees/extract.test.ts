import assert from 'node:assert/strict';
import { describeProblem } from '../../../src/core/errors.js';
import { describe, it } from 'node:test';
import { readReferenceAreas } from '../../../src/measures/areas.js';
import { extractObservations } from '../../../src/sources/ees/extract.js';
import { buildAreaIndex } from '../../../src/sources/ees/geography.js';
import { parseMapping } from '../../../src/sources/ees/mapping.js';
import { ProblemCollector } from '../../../src/sources/shared/problems.js';

const areas = buildAreaIndex(readReferenceAreas());
const columns = ['time_period', 'geographic_level', 'old_la_code', 'education_phase', 'pa'];
const table = {
  columns,
  rows: [
    {
      time_period: '202425',
      geographic_level: 'National',
      old_la_code: '',
      education_phase: 'Total',
      pa: '18.7',
    },
    {
      time_period: '202425',
      geographic_level: 'Local authority',
      old_la_code: '330',
      education_phase: 'Total',
      pa: '21.6',
    },
    {
      time_period: '202425',
      geographic_level: 'Local authority',
      old_la_code: '330',
      education_phase: 'Primary',
      pa: 'c',
    },
    {
      time_period: '202425',
      geographic_level: 'Local authority district',
      old_la_code: '',
      education_phase: 'Total',
      pa: '1',
    },
  ],
};

function run(mappingText: string) {
  const { value } = parseMapping(mappingText, 'm.yaml');
  const problems = new ProblemCollector('data.csv');
  const result = extractObservations(table, value!, areas, problems);
  return { result, problems: problems.problems };
}

describe('EES extraction', () => {
  it('extracts the filtered rows with academic year labels and counts the rest', () => {
    const { result, problems } = run(
      'filters: { education_phase: Total }\nmeasures:\n  - { indicator: pa, measure: p }\n',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(result.observations, [
      {
        measureCode: 'p',
        areaCode: 970,
        yearLabel: '2024/25',
        yearNumber: 2024,
        value: 18.7,
        suppression: null,
      },
      {
        measureCode: 'p',
        areaCode: 330,
        yearLabel: '2024/25',
        yearNumber: 2024,
        value: 21.6,
        suppression: null,
      },
    ]);
    assert.equal(result.rowsUnmatched, 1);
    assert.deepEqual(result.rowsSkippedByFilter, { 'education_phase=Primary': 1 });
    assert.deepEqual(result.rowsIgnoredByLevel, { 'Local authority district': 1 });
  });

  it('reports two entries for one measure that both match a row as a conflict', () => {
    const { problems } = run(
      'measures:\n  - { indicator: pa, measure: p }\n  - { indicator: pa, measure: p, filters: { education_phase: Total } }\n',
    );
    assert.equal(problems[0]?.row, 2);
    assert.match(problems[0]!.expected, /entries 1 and 2 both give measure "p"/);
  });

  it('reports a filter value no row has and lists the values the column holds', () => {
    const { problems } = run(
      'filters: { education_phase: Secondary }\nmeasures:\n  - { indicator: pa, measure: p }\n',
    );
    assert.deepEqual(
      { ...problems[0], expected: undefined },
      {
        file: 'data.csv',
        row: 1,
        column: 'education_phase',
        value: 'Secondary',
        expected: undefined,
      },
    );
    assert.match(problems[0]!.expected, /"Total", "Primary"/);
  });

  it('refuses rows whose filter value differs from the mapping only in case, once per value', () => {
    const { result, problems } = run(
      'filters: { education_phase: total }\nmeasures:\n  - { indicator: pa, measure: p }\n',
    );
    assert.deepEqual(
      problems.map(({ expected: _e, ...p }) => p),
      [{ file: 'data.csv', row: 2, column: 'education_phase', value: 'Total' }],
    );
    assert.match(problems[0]!.expected, /^"total", exactly as entry 1 \(pa\) of the mapping asks/);
    assert.match(problems[0]!.expected, /2 rows hold this value \(rows 2, 3\)/);
    assert.equal(result.rowsUnmatched, 1);
  });

  const at = (level: string, extra: Record<string, string> = {}) => ({
    time_period: '202425',
    geographic_level: level,
    old_la_code: '330',
    education_phase: 'Total',
    pa: '5',
    ...extra,
  });
  const extractRows = (rows: Record<string, string>[], mappingText: string) => {
    const problems = new ProblemCollector('data.csv');
    const result = extractObservations(
      { columns, rows },
      parseMapping(mappingText, 'm.yaml').value!,
      areas,
      problems,
    );
    return { result, problems: problems.problems };
  };
  const plain = 'measures:\n  - { indicator: pa, measure: p }\n';

  for (const level of ['LA', 'local authority', 'Local Authority', 'Local_authority', 'Regions']) {
    it(`refuses rows at geographic level "${level}", which looks like a level Lantern reads`, () => {
      const { result, problems } = extractRows([at('National'), at(level), at(level)], plain);
      assert.deepEqual(
        problems.map(({ expected: _e, ...p }) => p),
        [{ file: 'data.csv', row: 3, column: 'geographic_level', value: level }],
      );
      assert.match(problems[0]!.expected, /exactly as EES writes it.*2 rows hold this value/);
      assert.equal(result.observations.length, 1);
    });
  }

  it('refuses a row with a blank geographic level', () => {
    const { problems } = extractRows([at('National'), at('')], plain);
    assert.equal(problems[0]?.row, 3);
    assert.equal(problems[0]?.value, '');
    assert.match(describeProblem(problems[0]!), /got a blank cell; expected a geographic_level/);
  });

  it('counts rows at other EES levels by level, refusing nothing', () => {
    const { result, problems } = extractRows(
      [at('National'), at('School'), at('Local authority district'), at('School')],
      plain,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(result.rowsIgnoredByLevel, { School: 2, 'Local authority district': 1 });
  });

  it('refuses an en dash where the mapping has a hyphen, but not a different value', () => {
    const mapping = 'filters: { age: 16-17 }\nmeasures:\n  - { indicator: pa, measure: p }\n';
    const { result, problems } = extractRows(
      [
        at('National', { age: '16-17' }),
        at('Local authority', { age: '16\u201317' }),
        at('Local authority', { age: '18', old_la_code: '331' }),
      ],
      mapping,
    );
    assert.deepEqual(
      problems.map(({ expected: _e, ...p }) => p),
      [{ file: 'data.csv', row: 3, column: 'age', value: '16\u201317' }],
    );
    assert.deepEqual(result.rowsSkippedByFilter, { 'age=18': 1 });
  });

  it('labels years by the end year when the mapping asks for it', () => {
    const { result } = run(
      'years: { style: end-year }\nfilters: { education_phase: Total }\nmeasures:\n  - { indicator: pa, measure: p }\n',
    );
    assert.equal(result.observations[0]?.yearLabel, '2025');
  });
});
