import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYearLabel } from '../../../src/sources/lait/year-label.js';

describe('LAIT year labels', () => {
  const cases: [string, number][] = [
    ['2025', 2025],
    ['2025 (prov)', 2025],
    ['2018 (Rev)', 2018],
    ['2020 (Final)', 2020],
    ['2016-17 (OT)', 2016],
    ['2015/16', 2015],
    ['2014-16', 2014],
    ['2013/14-15/16', 2013],
  ];
  for (const [label, year] of cases) {
    it(`parses "${label}" to year ${year} keeping the label verbatim`, () => {
      assert.deepEqual(parseYearLabel(label), { label, yearNumber: year });
    });
  }

  it('parses the label "0" as having no year', () => {
    assert.equal(parseYearLabel('0'), null);
  });

  it('parses an empty label as having no year', () => {
    assert.equal(parseYearLabel(''), null);
  });
});
