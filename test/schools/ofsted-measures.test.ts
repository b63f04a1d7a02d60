import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Area } from '../../src/measures/areas.js';
import { ofstedShares, type SchoolForMeasures } from '../../src/schools/ofsted-measures.js';

const area = (code: number, kind: Area['kind'], regionCode: number | null = null): Area =>
  ({ code, kind, name: String(code), regionCode, parentCode: null }) as unknown as Area;
const areas = [
  area(970, 'england'),
  area(990, 'region'),
  area(933, 'la', 990),
  area(800, 'la', 990),
];

const graded = (grade: string, startDate = '2024-03-01') => ({
  framework: 'graded' as const,
  overallEffectiveness: grade,
  safeguarding: null,
  judgements: {},
  startDate,
});
const school = (
  urn: number,
  laCode: number,
  pupils: number | null,
  grade: string | null,
): SchoolForMeasures => ({
  urn,
  laCode,
  pupils,
  graded: grade ? graded(grade) : null,
  reportCard: null,
});

describe('ofstedShares', () => {
  const schools = [
    school(1, 933, 100, '1'),
    school(2, 933, 300, '3'),
    school(3, 933, null, '2'),
    school(4, 800, 200, '2'),
    school(5, 800, 50, null),
  ];
  const rows = ofstedShares(schools, areas);
  const value = (code: string, areaCode: number) =>
    rows.find((r) => r.measureCode === code && r.areaCode === areaCode)?.value;

  it('counts schools with a graded inspection: 2 of 3 in 933, 1 of 1 in 800', () => {
    assert.equal(value('SCH_OFSTED_GOOD_SCHOOLS', 933), (100 * 2) / 3);
    assert.equal(value('SCH_OFSTED_GOOD_SCHOOLS', 800), 100);
  });

  it('adds up the schools for the region and England, not the LAs’ percentages', () => {
    assert.equal(value('SCH_OFSTED_GOOD_SCHOOLS', 990), 75);
    assert.equal(value('SCH_OFSTED_GOOD_SCHOOLS', 970), 75);
  });

  it('weights by pupils, leaving out schools whose pupils are not known', () => {
    assert.equal(value('SCH_OFSTED_GOOD_PUPILS', 933), 25);
    assert.equal(value('SCH_OFSTED_GOOD_PUPILS', 970), 50);
  });

  it('labels the year with the newest inspection counted, and writes no report-card rows without report cards', () => {
    assert.equal(rows[0]!.yearLabel, '2024 (to 1 Mar)');
    assert.equal(rows.filter((r) => r.measureCode.startsWith('SCH_RC')).length, 0);
  });
});
