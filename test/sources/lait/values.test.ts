import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseValue } from '../../../src/sources/lait/values.js';

describe('LAIT values', () => {
  const numbers: [string, number][] = [
    ['57', 57],
    ['12.13', 12.13],
    ['-8', -8],
    [' 3.5 ', 3.5],
    ['1e3', 1000],
    ['.5', 0.5],
  ];
  for (const [raw, value] of numbers) {
    it(`parses "${raw}" to the number ${value}`, () => {
      assert.deepEqual(parseValue(raw), { ok: true, value, suppression: null });
    });
  }

  for (const marker of [
    '-',
    'c',
    '..',
    'x',
    'z',
    'low',
    'u',
    '*',
    'SUPP',
    'NE',
    'NP',
    'NA',
    'LOWCOV',
    '[c]',
  ]) {
    it(`parses the marker "${marker}" to a null value keeping the marker`, () => {
      assert.deepEqual(parseValue(marker), { ok: true, value: null, suppression: marker });
    });
  }

  it('parses an absent value to null with no marker', () => {
    assert.deepEqual(parseValue(null), { ok: true, value: null, suppression: null });
  });

  for (const bad of ['1,234', '5%', 'abc', 'Inf', 'NaN', '12 3', '0x10']) {
    it(`rejects "${bad}" as a bad number`, () => {
      const parsed = parseValue(bad);
      assert.equal(parsed.ok, false);
      assert.match((parsed as { expected: string }).expected, /^a number \(like 57 or -1\.25\)/);
    });
  }

  for (const huge of ['1e400', '-1e400']) {
    it(`rejects "${huge}", which would be stored as Infinity`, () => {
      assert.deepEqual(parseValue(huge), {
        ok: false,
        expected: 'a number a database can hold (at most about 1.8e308 either side of zero)',
      });
    });
  }
});
