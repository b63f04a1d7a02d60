import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextBetterBand, quartileBand } from '../../src/benchmarks/bands.js';
import { changeBetween, changeDirection, meanOf } from '../../src/benchmarks/change.js';
import { computeBenchmarks, type BenchmarkedMeasure } from '../../src/benchmarks/engine.js';
import { quartiles, type7Quantile } from '../../src/benchmarks/quantiles.js';
import { rankOf } from '../../src/benchmarks/rank.js';
import { readReferenceAreas } from '../../src/measures/areas.js';
import { neighbourSet, obs } from './fixtures.js';

const range = (n: number) => Float64Array.from({ length: n }, (_, i) => i + 1);

describe('type-7 quantiles', () => {
  it('interpolates at index 38.5 and 113.5 for n = 151', () => {
    const q = quartiles(range(151))!;
    assert.deepEqual([q.q0, q.q25, q.q50, q.q75, q.q100], [1, 38.5, 76, 113.5, 151]);
  });

  it('takes whole indices 39, 77 and 115 for n = 153', () => {
    const q = quartiles(range(153))!;
    assert.deepEqual([q.q0, q.q25, q.q50, q.q75, q.q100], [1, 39, 77, 115, 153]);
  });

  it('does not interpolate between equal neighbours', () => {
    assert.equal(type7Quantile([1, 2, 2, 9], 0.5), 2);
  });

  it('gives no cut points for no values', () => {
    assert.equal(quartiles([]), null);
  });
});

describe('ranks', () => {
  const sorted = [50, 57, 57, 57, 60];
  it('gives tied LAs the smallest rank, 1 = highest for a high measure', () => {
    assert.deepEqual(
      [60, 57, 50].map((v) => rankOf(sorted, v, 'high')),
      [1, 2, 5],
    );
  });

  it('gives 1 to the lowest value for a low measure', () => {
    assert.deepEqual(
      [50, 57, 60].map((v) => rankOf(sorted, v, 'low')),
      [1, 2, 5],
    );
  });

  it('gives no rank to a missing value or a measure without polarity', () => {
    assert.equal(rankOf(sorted, null, 'high'), null);
    assert.equal(rankOf(sorted, 57, null), null);
  });
});

describe('quartile bands', () => {
  const q = { q0: 0, q25: 10, q50: 20, q75: 30, q100: 40 };
  it('puts a value on a cut point in the lower-valued band: A for a low measure', () => {
    assert.deepEqual(
      [0, 10, 10.01, 20, 30, 40].map((v) => quartileBand(v, q, 'low')),
      ['A', 'A', 'B', 'B', 'C', 'D'],
    );
  });

  it('puts a value on a cut point in the lower-valued band: D, C, B for a high measure', () => {
    assert.deepEqual(
      [0, 10, 20, 30, 30.01, 40].map((v) => quartileBand(v, q, 'high')),
      ['D', 'D', 'C', 'B', 'A', 'A'],
    );
  });

  it('gives no band when the value is missing or there is no polarity', () => {
    assert.equal(quartileBand(null, q, 'low'), null);
    assert.equal(quartileBand(15, q, null), null);
  });

  it('measures the distance to the next better band', () => {
    assert.deepEqual(nextBetterBand(25, q, 'low'), { band: 'B', distance: 5 });
    assert.deepEqual(nextBetterBand(15, q, 'high'), { band: 'B', distance: 5 });
    assert.deepEqual(nextBetterBand(10, q, 'high'), { band: 'C', distance: 0 });
    assert.equal(nextBetterBand(5, q, 'low'), null);
    assert.equal(nextBetterBand(35, q, 'high'), null);
  });
});

describe('change and averages', () => {
  it('is missing when either year is missing', () => {
    assert.equal(changeBetween(5, null), null);
    assert.equal(changeBetween(null, 5), null);
    assert.equal(changeBetween(7, 5), 2);
  });

  it('calls a change better or worse by polarity', () => {
    assert.equal(changeDirection(-1, 'low'), 'better');
    assert.equal(changeDirection(-1, 'high'), 'worse');
    assert.equal(changeDirection(0, 'high'), 'same');
    assert.equal(changeDirection(1, null), 'no_direction');
    assert.equal(changeDirection(null, 'high'), null);
  });

  it('averages 17.343 for Somerset’s neighbours on persistent absence', () => {
    const values = [18.11, 15.78, 19.51, 17.5, 18.22, 16.64, 18.44, 15.76, 15.39, 18.08];
    assert.ok(Math.abs(meanOf(values, 10) - 17.343) < 1e-12);
  });
});

describe('computeBenchmarks', () => {
  const areas = readReferenceAreas();
  const set = neighbourSet('2025', { 933: [935, 830, 343], 202: [933] }, { 933: 990, 202: 987 });
  const run = (measure: BenchmarkedMeasure, rows: ReturnType<typeof obs>) =>
    computeBenchmarks({ measures: [measure], observations: rows, areas, neighbourSet: set })[0]!;
  const row = (m: ReturnType<typeof run>, year: string, la: number) =>
    m.years.find((y) => y.yearLabel === year)!.rows.find((r) => r.laCode === la)!;
  const high: BenchmarkedMeasure = { code: 'M', polarity: 'high', noQuartile: false };

  it('averages only the neighbours with a value and counts them', () => {
    const m = run(
      high,
      obs('M', '2025', [
        [933, 1],
        [935, 10],
        [830, null],
        [343, 20],
      ]),
    );
    const r = row(m, '2025', 933);
    assert.equal(r.statisticalNeighboursAverage, 15);
    assert.equal(r.statisticalNeighboursWithValue, 2);
  });

  it('leaves the neighbour average missing when no neighbour has a value', () => {
    const r = row(
      run(
        high,
        obs('M', '2025', [
          [933, 1],
          [935, null],
        ]),
      ),
      '2025',
      933,
    );
    assert.equal(r.statisticalNeighboursAverage, null);
    assert.equal(r.statisticalNeighboursWithValue, 0);
  });

  it('leaves the change missing when the previous year is missing, without skipping back', () => {
    const m = run(high, [
      ...obs('M', '2023', [[933, 1]]),
      ...obs('M', '2024', [[933, null]]),
      ...obs('M', '2025', [[933, 5]]),
    ]);
    const r = row(m, '2025', 933);
    assert.equal(r.previousYearLabel, '2024');
    assert.equal(r.changeFromPrevious, null);
  });

  it('falls back to London when Inner London has no value in the latest year', () => {
    const m = run(high, [
      ...obs('M', '2024', [
        [202, 1],
        [987, 2],
        [986, 3],
      ]),
      ...obs('M', '2025', [
        [202, 1],
        [987, null],
        [986, 4],
      ]),
    ]);
    assert.equal(row(m, '2025', 202).regionName, 'London');
    assert.equal(row(m, '2025', 202).regionValue, 4);
    assert.equal(row(m, '2024', 202).regionValue, 3);
  });

  it('keeps Inner London when it has a value in the latest year', () => {
    const m = run(
      high,
      obs('M', '2025', [
        [202, 1],
        [987, 2],
        [986, 4],
      ]),
    );
    assert.equal(row(m, '2025', 202).regionName, 'London (Inner)');
    assert.equal(row(m, '2025', 202).regionValue, 2);
  });

  it('ranks but does not band a no-quartile measure', () => {
    const r = row(
      run(
        { code: 'M', polarity: 'low', noQuartile: true },
        obs('M', '2025', [
          [933, 1],
          [935, 2],
        ]),
      ),
      '2025',
      933,
    );
    assert.equal(r.rank, 1);
    assert.equal(r.rankOf, 2);
    assert.equal(r.quartileBand, null);
    assert.equal(r.nextBand, null);
  });

  it('neither ranks nor bands a measure without polarity', () => {
    const r = row(
      run(
        { code: 'M', polarity: null, noQuartile: false },
        obs('M', '2025', [
          [933, 1],
          [935, 2],
        ]),
      ),
      '2025',
      933,
    );
    assert.equal(r.rank, null);
    assert.equal(r.rankOf, null);
    assert.equal(r.quartileBand, null);
    assert.equal(r.changeDirection, null);
  });

  it('includes City of London, Isles of Scilly and former councils in N, and never England or regions', () => {
    const m = run(
      high,
      obs('M', '2025', [
        [201, 1],
        [420, 2],
        [909, 3],
        [933, 4],
        [970, 100],
        [990, 100],
      ]),
    );
    assert.equal(m.years[0]!.cutPoints?.laCount, 4);
    assert.equal(m.years[0]!.cutPoints?.q100, 4);
  });

  it('takes the latest year as the character maximum of the LA rows’ labels, even when all are missing', () => {
    const m = run(high, [
      ...obs('M', '2024', [[933, 1]]),
      ...obs('M', '2025', [[933, null]]),
      ...obs('M', '2026', [[970, 1]]),
    ]);
    assert.deepEqual(
      m.years.filter((y) => y.isLatest).map((y) => y.yearLabel),
      ['2025'],
    );
  });
});
