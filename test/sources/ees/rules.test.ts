import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeProblem } from '../../../src/core/errors.js';
import { readReferenceAreas } from '../../../src/measures/areas.js';
import { buildAreaIndex, resolveArea } from '../../../src/sources/ees/geography.js';
import { parseCell } from '../../../src/sources/ees/markers.js';
import { defaultYearStyle, yearLabel } from '../../../src/sources/ees/years.js';

describe('EES year labels', () => {
  const cases: [string, Parameters<typeof yearLabel>[1], string, number][] = [
    ['201819', null, '2018/19', 2018],
    ['199900', null, '1999/00', 1999],
    ['2023', null, '2023', 2023],
    ['201819', 'academic', '2018/19', 2018],
    ['201819', 'financial', '2018-19', 2018],
    ['202122', 'end-year', '2022', 2022],
    ['2023', 'calendar', '2023', 2023],
  ];
  for (const [period, style, label, number] of cases) {
    it(`labels ${period} as ${label} with style ${style ?? 'default'}`, () => {
      assert.deepEqual(yearLabel(period, style), { label, number });
    });
  }

  it('chooses academic for six-digit periods and calendar for four-digit ones', () => {
    assert.equal(defaultYearStyle('201819'), 'academic');
    assert.equal(defaultYearStyle('2023'), 'calendar');
    assert.equal(defaultYearStyle('2023W1'), null);
  });

  it('rejects a period whose two years do not follow each other', () => {
    assert.ok('error' in yearLabel('201820', null));
  });

  it('rejects a calendar year where the mapping asks for an academic one', () => {
    assert.match((yearLabel('2023', 'academic') as { error: string }).error, /two-year period/);
  });
});

describe('EES suppression markers', () => {
  const cases: [string, ReturnType<typeof parseCell>][] = [
    ['65.200000', { value: 65.2, suppression: null }],
    ['-0.3', { value: -0.3, suppression: null }],
    ['1.55757077523724e-05', { value: 1.55757077523724e-5, suppression: null }],
    ['z', { value: null, suppression: 'z' }],
    ['c', { value: null, suppression: 'c' }],
    ['x', { value: null, suppression: 'x' }],
    [':', { value: null, suppression: ':' }],
    ['low', { value: null, suppression: 'low' }],
    ['u', { value: null, suppression: 'u' }],
    ['', { value: null, suppression: null }],
  ];
  for (const [raw, expected] of cases) {
    it(`reads "${raw}" as ${expected && 'value' in expected ? `${expected.value} / ${expected.suppression}` : ''}`, () => {
      assert.deepEqual(parseCell(raw), expected);
    });
  }

  it('rejects a value that is neither a number nor a marker', () => {
    assert.ok('error' in parseCell('12%'));
    assert.ok('error' in parseCell('1,234'));
  });
});

describe('EES geography', () => {
  const index = buildAreaIndex(readReferenceAreas());
  const resolve = (row: Record<string, string>) => resolveArea(row, index);

  it('maps the National row to England (970)', () => {
    assert.deepEqual(resolve({ geographic_level: 'National' }), { kind: 'area', code: 970 });
  });

  it('maps a Regional row by its E12 code', () => {
    assert.deepEqual(resolve({ geographic_level: 'Regional', region_code: 'E12000007' }), {
      kind: 'area',
      code: 986,
    });
  });

  it('maps Inner and Outer London by their E13 codes', () => {
    assert.deepEqual(resolve({ geographic_level: 'Regional', region_code: 'E13000001' }), {
      kind: 'area',
      code: 987,
    });
    assert.deepEqual(resolve({ geographic_level: 'Regional', region_code: 'E13000002' }), {
      kind: 'area',
      code: 988,
    });
  });

  it('maps an LA by its old LA code', () => {
    assert.deepEqual(
      resolve({
        geographic_level: 'Local authority',
        old_la_code: '330',
        new_la_code: 'E08000025',
      }),
      { kind: 'area', code: 330 },
    );
  });

  it('maps an LA by a former GSS code when the old LA code is blank', () => {
    assert.deepEqual(
      resolve({ geographic_level: 'Local authority', old_la_code: '', new_la_code: 'E10000027' }),
      { kind: 'area', code: 933 },
    );
  });

  it('reports an LA neither code identifies', () => {
    const r = resolve({
      geographic_level: 'Local authority',
      old_la_code: '999',
      new_la_code: 'E99999999',
      la_name: 'Nowhere',
    });
    assert.equal(r.kind, 'problem');
    assert.equal((r as { column: string }).column, 'old_la_code');
  });

  it('reports an LA row with both codes blank by its cell, naming the blank new_la_code and the LA', () => {
    const r = resolve({
      geographic_level: 'Local authority',
      old_la_code: '',
      new_la_code: ' ',
      la_name: 'Camden',
    });
    assert.equal(r.kind, 'problem');
    const p = r as { column: string; value: string; expected: string };
    assert.deepEqual([p.column, p.value], ['old_la_code', '']);
    assert.match(p.expected, /; new_la_code is blank, la_name "Camden"$/);
    assert.equal(
      describeProblem({ file: 'x.csv', row: 2, column: p.column, value: p.value, expected: 'y' }),
      'x.csv, row 2, column "old_la_code": got a blank cell; expected y',
    );
  });

  it('reports a Regional row without a known region code', () => {
    assert.equal(resolve({ geographic_level: 'Regional', region_code: '' }).kind, 'problem');
  });

  it('ignores rows at other levels', () => {
    assert.deepEqual(resolve({ geographic_level: 'Local authority district' }), {
      kind: 'ignored',
      level: 'Local authority district',
    });
  });

  for (const level of ['1e400', '–National', 'County']) {
    it(`refuses a level EES does not publish ("${level}") instead of ignoring its rows`, () => {
      const r = resolve({ geographic_level: level });
      assert.equal(r.kind, 'unclear');
      assert.match((r as { expected: string }).expected, /a geographic level EES publishes/);
    });
  }
});
