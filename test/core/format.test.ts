import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatChange,
  formatDate,
  formatFileSize,
  publishedNumber,
  formatNumber,
  formatRank,
  roundHalfAwayFromZero,
} from '../../src/core/format.js';

const cases: [number | null, number, string][] = [
  [57, 1, '57.0'],
  [17.343, 2, '17.34'],
  [-2.77, 2, '-2.77'],
  [5.54, 1, '5.5'],
  [5.77, 1, '5.8'],
  [0.125, 2, '0.13'],
  [-0.125, 2, '-0.13'],
  [2.675, 2, '2.68'], // binary 2.67499999… — the DfE's fudge rounds it up, as round_five_up does
  [1234.5, 1, '1,234.5'],
  [1234567, 1, '1.235 million'],
  [20000000, 1, '20 million'],
  [2500000000, 0, '2.500 billion'],
  [-0.04, 1, '0.0'],
  [null, 1, '–'],
];

for (const [value, dp, expected] of cases) {
  it(`formats ${value} at ${dp} dp as ${expected}`, () => {
    assert.equal(formatNumber(value, dp), expected);
  });
}

it('rounds halves away from zero', () => {
  assert.equal(roundHalfAwayFromZero(0.5, 0), 1);
  assert.equal(roundHalfAwayFromZero(-0.5, 0), -1);
  assert.equal(roundHalfAwayFromZero(1.45, 1), 1.5);
});

it('shows a suppression marker in place of a missing value', () => {
  assert.equal(formatNumber(null, 1, { suppression: 'c' }), 'c');
});

it('signs a positive change and leaves a zero change unsigned', () => {
  assert.equal(formatChange(1, 1), '+1.0');
  assert.equal(formatChange(-3, 1), '-3.0');
  assert.equal(formatChange(0.04, 1), '0.0');
});

it('formats a rank with its count', () => {
  assert.equal(formatRank(136, 151), '136 of 151');
  assert.equal(formatRank(null, 151), '–');
});

describe('publishedNumber', () => {
  it('drops binary noise and keeps every digit the data has', () => {
    assert.equal(publishedNumber(0.6999999999999993), 0.7);
    assert.equal(publishedNumber(17.343), 17.343);
    assert.equal(publishedNumber(1 / 3), 0.333333333333333);
    assert.equal(publishedNumber(17.343333333333334), 17.3433333333333);
    assert.equal(publishedNumber(-2.77), -2.77);
    assert.equal(publishedNumber(123456789), 123456789);
  });
});

describe('formatDate', () => {
  it('writes timestamps and calendar dates out in full, in London time', () => {
    assert.equal(formatDate('2026-11-30T23:30:00Z'), '30 November 2026');
    assert.equal(formatDate('2026-06-30T23:30:00Z'), '1 July 2026');
    assert.equal(formatDate('2025-03-01'), '1 March 2025');
  });
});

describe('formatFileSize', () => {
  it('writes bytes, KB and MB as a file list shows them', () => {
    assert.equal(formatFileSize(900), '900 bytes');
    assert.equal(formatFileSize(340 * 1024 + 100), '340 KB');
    assert.equal(formatFileSize(1.25 * 1024 * 1024), '1.3 MB');
  });
});
