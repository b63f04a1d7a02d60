import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatGap,
  gapDefinitions,
  gapOf,
  gapTrend,
  versusEnglandWords,
} from '../../src/schools/gaps.js';

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
