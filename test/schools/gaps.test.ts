import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatGap,
  gapDefinitions,
  gapOf,
  gapRows,
  gapTrend,
  versusEnglandWords,
} from '../../src/schools/gaps.js';
import { ComparisonFigures } from '../../src/schools/comparison.js';

const rwm = gapDefinitions.find((d) => d.id === 'ks2-rwm-expected')!;
const progress = gapDefinitions.find((d) => d.id === 'ks2-reading-progress')!;

describe('disadvantage gaps', () => {
  it('is disadvantaged minus others, and nothing when either is suppressed', () => {
    assert.equal(gapOf({ value: 47, marker: null }, { value: 76, marker: null }), -29);
    assert.equal(gapOf({ value: null, marker: 'SUPP' }, { value: 76, marker: null }), null);
    assert.equal(gapOf(null, { value: 76, marker: null }), null);
  });

  it('calls a gap narrower when its size shrank, at the published precision', () => {
    assert.equal(gapTrend(-29, -3, 0), 'narrower');
    assert.equal(gapTrend(-3, -8, 0), 'wider');
    assert.equal(gapTrend(-1.04, -1.01, 1), 'no change');
    assert.equal(gapTrend(3, 0.4, 0), 'narrower');
  });

  it('says when disadvantaged pupils are ahead rather than calling it a wider gap', () => {
    assert.equal(gapTrend(-3, 4, 0), 'now ahead');
    assert.equal(gapTrend(-3, 3, 0), 'now ahead');
    assert.equal(gapTrend(0, 2, 0), 'now ahead');
    assert.equal(gapTrend(2, -1, 0), 'now behind');
    assert.equal(gapTrend(1.2, 2.5, 1), 'further ahead');
    assert.equal(gapTrend(2.5, 1.2, 1), 'less far ahead');
    assert.equal(gapTrend(2.04, 1.96, 1), 'no change');
    // Rounded as published first: 0.04 is a gap of 0.0, not disadvantaged pupils ahead.
    assert.equal(gapTrend(-0.5, 0.04, 1), 'narrower');
  });

  it("gives each year's trend against the last earlier year with a gap, and the row the latest's", () => {
    // KS2 RWM expected: disadvantaged and others by year; 2017/18's disadvantaged figure is
    // suppressed, so 2018/19 is compared with 2016/17.
    const published: Record<string, [number | null, number]> = {
      '2015/16': [40, 70], // gap -30
      '2016/17': [50, 70], // gap -20: narrower
      '2017/18': [null, 72], // suppressed: no gap, no trend
      '2018/19': [75, 70], // gap +5 against -20: now ahead
    };
    const own = (_p: string, code: string, year: string) => {
      const pair = published[year];
      if (!pair) return null;
      const value = code === rwm.disadvantaged ? pair[0] : code === rwm.others ? pair[1] : null;
      if (value === null && code === rwm.disadvantaged) return { value: null, marker: 'SUPP' };
      return value === null ? null : { value, marker: null };
    };
    const years = Object.keys(published).map((label, i) => ({ label, number: 2015 + i }));
    const [row] = gapRows(own, () => years, new ComparisonFigures([]), 'Primary');
    assert.equal(row?.definition.id, rwm.id);
    assert.deepEqual(
      row?.years.map((y) => [y.yearLabel, y.gap, y.trend]),
      [
        ['2015/16', -30, null],
        ['2016/17', -20, 'narrower'],
        ['2017/18', null, null],
        ['2018/19', 5, 'now ahead'],
      ],
    );
    assert.equal(row?.trend, 'now ahead');
  });

  it('writes percentage gaps in points and progress gaps signed', () => {
    assert.equal(formatGap(rwm, -29), '-29 points');
    assert.equal(formatGap(rwm, 1), '+1 point');
    assert.equal(formatGap(progress, -1.44), '-1.4');
    assert.equal(formatGap(rwm, null), '–');
  });

  it("compares a gap with England's by size", () => {
    assert.equal(versusEnglandWords(rwm, -29, -20), "9 points wider than England's");
    assert.equal(versusEnglandWords(rwm, -3, -20), "17 points narrower than England's");
    assert.equal(versusEnglandWords(rwm, -19, -20), "1 point narrower than England's");
    assert.equal(versusEnglandWords(rwm, -20, -20), "The same as England's");
    // Disadvantaged pupils ahead in the school: not a wider gap (Abbotswood Junior, 2018/19).
    assert.equal(
      versusEnglandWords(progress, 1.3, -0.9),
      'Disadvantaged pupils ahead; in England, behind',
    );
    assert.equal(versusEnglandWords(rwm, -5, 2), 'Disadvantaged pupils behind; in England, ahead');
    assert.equal(versusEnglandWords(progress, 0.04, -0.9), "0.9 narrower than England's");
  });
});
