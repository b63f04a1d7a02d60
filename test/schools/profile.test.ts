import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headlineFigure } from '../../src/schools/headlines.js';
import { LineageFigures, profileSections, threeYearAverage } from '../../src/schools/profile.js';
import type { AreaFigureRow, SchoolFigureRow } from '../../src/schools/schools.repository.js';

const fig = (
  urn: number,
  code: string,
  year: number,
  value: number | null,
  marker: string | null = null,
): SchoolFigureRow => ({
  urn,
  publication: 'ks2',
  code,
  yearLabel: `${year}/${String((year + 1) % 100).padStart(2, '0')}`,
  yearNumber: year,
  value,
  marker,
  text: null,
});
const area = (
  areaCode: number,
  rowKind: string,
  code: string,
  year: number,
  value: number,
): AreaFigureRow => ({
  areaCode,
  rowKind,
  publication: 'ks2',
  code,
  yearLabel: `${year}/${String((year + 1) % 100).padStart(2, '0')}`,
  yearNumber: year,
  value,
  marker: null,
});

describe('school profile rows', () => {
  const rows = [
    fig(200, 'PTRWM_EXP', 2018, 60),
    fig(200, 'TELIG', 2018, 30),
    fig(100, 'PTRWM_EXP', 2021, null, 'SUPP'),
    fig(100, 'TELIG', 2021, 8),
    fig(100, 'PTRWM_EXP', 2023, 70),
    fig(100, 'TELIG', 2023, 40),
    fig(100, 'READPROG', 2018, 1.5),
    fig(100, 'READPROG', 2022, 0.5),
  ];
  const figures = new LineageFigures(rows, [100, 200]);
  const sections = profileSections(100, { laCode: 850, phase: 'Primary' }, figures, [
    area(850, 'la', 'PTRWM_EXP', 2018, 68),
    area(970, 'england-all', 'PTRWM_EXP', 2018, 64),
    area(970, 'england-state-funded', 'PTRWM_EXP', 2018, 65),
  ]);
  const ks2 = sections.find((s) => s.group === 'ks2')!;
  const rwm = ks2.rows.find((r) => r.figure.code === 'PTRWM_EXP')!;
  const year = (label: string) => rwm.years.find((y) => y.yearLabel === label);

  it("takes a predecessor's figure for a year the school has none, and says whose", () => {
    assert.deepEqual(year('2018/19')?.school, { value: 60, marker: null });
    assert.equal(year('2018/19')?.fromUrn, 200);
  });

  it("compares with the LA's row and England's state-funded row", () => {
    assert.deepEqual(year('2018/19')?.la, { value: 68, marker: null });
    assert.deepEqual(year('2018/19')?.england, { value: 65, marker: null });
  });

  it('says "not published" for 2019/20 and 2020/21, and keeps a suppressed year as suppressed', () => {
    assert.match(year('2019/20')?.notPublished ?? '', /^Not published/);
    assert.match(year('2020/21')?.notPublished ?? '', /^Not published/);
    assert.deepEqual(year('2021/22')?.school, { value: null, marker: 'SUPP' });
    assert.equal(year('2021/22')?.notPublished, null);
    assert.equal(year('2021/22')?.smallCohort, true);
    assert.equal(year('2022/23')?.school, null, 'a year of the publication without this figure');
    assert.equal(year('2022/23')?.notPublished, null, 'is not called unpublished');
    assert.equal(year('2024/25'), undefined, 'a year past the last is not made up');
  });

  it('says KS2 progress was not published for 2023/24', () => {
    const read = ks2.rows.find((r) => r.figure.code === 'READPROG')!;
    const y2023 = read.years.find((y) => y.yearLabel === '2023/24');
    assert.match(y2023?.notPublished ?? '', /no KS2 progress measures for 2023\/24 and 2024\/25/);
    assert.equal(headlineFigure('ks2', 'READPROG')!.unit, 'progress');
  });

  it('gives a cohort-weighted three-year average only from three years with figures', () => {
    assert.equal(rwm.threeYear, null, 'two years with a figure');
    const f = headlineFigure('ks2', 'PTRWM_EXP')!;
    const y = (value: number, cohort: number, label: string) => ({
      yearLabel: label,
      yearNumber: 0,
      school: { value, marker: null },
      notPublished: null,
      la: null,
      england: null,
      interval: null,
      cohort,
      smallCohort: false,
      fromUrn: null,
    });
    const three = threeYearAverage(f, [y(50, 10, 'a'), y(60, 30, 'b'), y(70, 60, 'c')]);
    assert.deepEqual(three, { value: (500 + 1800 + 4200) / 100, years: ['a', 'b', 'c'] });
  });
});
