import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkNumber,
  parseNumber,
  parseWholeNumber,
  readCell,
} from '../../../src/sources/shared/numbers.js';

describe('the importers number parser', () => {
  const numbers: [string, number][] = [
    ['57', 57],
    [' 3.5 ', 3.5],
    ['-1.25', -1.25],
    ['+2', 2],
    ['.5', 0.5],
    ['65.200000', 65.2],
    ['1.5e-05', 1.5e-5],
    ['1e308', 1e308],
    ['0', 0],
    ['0.000', 0],
    ['-0', 0],
  ];
  for (const [text, value] of numbers) {
    it(`reads "${text}" as ${value}`, () => {
      assert.deepEqual(parseNumber(text), { ok: true, value });
    });
  }

  it('reads "-0" as 0, not minus zero', () => {
    const read = parseNumber('-0');
    assert.ok(read.ok && Object.is(read.value, 0));
  });

  for (const text of ['1e400', '-1e400', '1.8e308']) {
    it(`rejects "${text}", which would be stored as Infinity`, () => {
      assert.deepEqual(parseNumber(text), {
        ok: false,
        expected: 'a number a database can hold (at most about 1.8e308 either side of zero)',
      });
    });
  }

  it('rejects "1e-400", which would be stored as 0', () => {
    const read = parseNumber('1e-400');
    assert.equal(read.ok, false);
    assert.match((read as { expected: string }).expected, /stored as 0/);
  });

  for (const text of ['Infinity', 'NaN', '0x10', '1,234', '5%', '12 3', '', '1e', '£5']) {
    it(`rejects "${text}" as not a number written with digits`, () => {
      assert.deepEqual(parseNumber(text), {
        ok: false,
        expected: 'a number written with digits (like 57, -1.25 or 1.5e-05)',
      });
    });
  }

  it('rejects NaN and Infinity held as numbers (parquet, workbooks)', () => {
    assert.equal(checkNumber(Number.NaN).ok, false);
    assert.equal(checkNumber(Number.POSITIVE_INFINITY).ok, false);
    assert.deepEqual(checkNumber(933n), { ok: true, value: 933 });
  });

  it('reads a whole number within its range from text or a number', () => {
    const range = { min: 100, max: 999 };
    assert.deepEqual(parseWholeNumber('933', range), { ok: true, value: 933 });
    assert.deepEqual(parseWholeNumber(933, range), { ok: true, value: 933 });
    assert.deepEqual(parseWholeNumber('933.0', range), { ok: true, value: 933 });
  });

  it('rejects "-0" as a number of decimal places (found by the property tests)', () => {
    assert.equal(parseWholeNumber('-0', { min: 0, max: 10 }).ok, false);
    assert.deepEqual(parseWholeNumber('0', { min: 0, max: 10 }), { ok: true, value: 0 });
  });

  for (const raw of ['0x3A5', '933.5', '1000', '99', 'two', Number.NaN, 1e400]) {
    it(`rejects ${JSON.stringify(String(raw))} as a whole number from 100 to 999`, () => {
      assert.deepEqual(parseWholeNumber(raw, { min: 100, max: 999 }), {
        ok: false,
        expected: 'a whole number from 100 to 999',
      });
    });
  }

  it('reads a cell as a number, a marker (kept as written) or nothing', () => {
    const markers = new Set(['c', 'x']);
    assert.deepEqual(readCell('7', markers, 'c or x'), { ok: true, value: 7, suppression: null });
    assert.deepEqual(readCell(' C ', markers, 'c or x'), {
      ok: true,
      value: null,
      suppression: 'C',
    });
    assert.deepEqual(readCell('', markers, 'c or x'), { ok: true, value: null, suppression: null });
    assert.match(
      (readCell('1e400', markers, 'c or x') as { expected: string }).expected,
      /1\.8e308/,
    );
    assert.match((readCell('n/a', markers, 'c or x') as { expected: string }).expected, /c or x/);
  });
});
