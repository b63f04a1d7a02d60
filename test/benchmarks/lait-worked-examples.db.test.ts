/**
 * The worked examples of the LAIT method (methods/lait-benchmarks.md §10.1 and §10.2), checked
 * on the real LAIT files after a full import: cut points, N, values, ranks, bands, SN averages
 * and counts, region and England values and changes for Somerset, Sefton and Central Bedfordshire.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { LaBenchmark, MeasureBenchmark } from '../../src/benchmarks/benchmark.js';
import { getMeasureBenchmark } from '../../src/benchmarks/benchmarks.service.js';
import { importLait } from '../../src/sources/lait/lait.import.js';
import { describeEachDatabase } from '../support/db.js';
import { realData } from '../support/real-data.js';

const lait = realData('lait');

interface Expected {
  value: number;
  rank: number;
  band: 'A' | 'B' | 'C' | 'D';
  sn: number;
  region: [string, number];
  england: number;
  change: number;
}

const ks2 = 'KS2RWM_Expected_STD';
const absence = 'TotPerAbNew';
const neet = '16-17_not known_NEET';

const cutPoints: Record<string, [number, number, number, number, number, number]> = {
  [ks2]: [151, 50, 60, 63, 66, 78],
  [absence]: [153, 5.98, 16.94, 18.12, 19.54, 24.36],
  [neet]: [153, 0, 3.8, 4.8, 6.5, 21.5],
};

const expected: Record<string, Record<number, Expected>> = {
  [ks2]: {
    933: {
      value: 57,
      rank: 136,
      band: 'D',
      sn: 60.1,
      region: ['South West', 60],
      england: 63,
      change: 1,
    },
    343: {
      value: 58,
      rank: 129,
      band: 'D',
      sn: 62.0,
      region: ['North West', 61],
      england: 63,
      change: 1,
    },
    823: {
      value: 50,
      rank: 151,
      band: 'D',
      sn: 61.3,
      region: ['East of England', 61],
      england: 63,
      change: -3,
    },
  },
  [absence]: {
    933: {
      value: 18.92,
      rank: 98,
      band: 'C',
      sn: 17.343,
      region: ['South West', 18.32],
      england: 18.14,
      change: -2.77,
    },
    343: {
      value: 21.02,
      rank: 139,
      band: 'D',
      sn: 19.74,
      region: ['North West', 18.27],
      england: 18.14,
      change: -2.29,
    },
    823: {
      value: 16.35,
      rank: 27,
      band: 'A',
      sn: 16.568,
      region: ['East of England', 17.5],
      england: 18.14,
      change: -2.31,
    },
  },
  [neet]: {
    933: {
      value: 7.8,
      rank: 136,
      band: 'D',
      sn: 5.54,
      region: ['South West', 6.1],
      england: 5.6,
      change: 0.6,
    },
    343: {
      value: 3.8,
      rank: 38,
      band: 'A',
      sn: 5.7,
      region: ['North West', 5.7],
      england: 5.6,
      change: 0.1,
    },
    823: {
      value: 3.1,
      rank: 23,
      band: 'A',
      sn: 5.77,
      region: ['East of England', 5.1],
      england: 5.6,
      change: -0.6,
    },
  },
};

const bandSizes: Record<string, Record<string, number>> = {
  [ks2]: { A: 37, B: 25, C: 38, D: 51 },
  [absence]: { A: 39, B: 38, C: 38, D: 38 },
  [neet]: { A: 44, B: 34, C: 38, D: 37 },
};

function close(actual: number | null, wanted: number, what: string, tolerance = 1e-9): void {
  assert.ok(
    actual !== null && Math.abs(actual - wanted) <= tolerance,
    `${what}: got ${actual}, expected ${wanted}`,
  );
}

describeEachDatabase('LAIT worked examples on the real data', (db) => {
  const results = new Map<string, MeasureBenchmark>();

  before(async () => {
    if (lait.skip) return;
    await importLait(db(), lait.path);
    for (const code of Object.keys(expected))
      results.set(code, await getMeasureBenchmark(db(), code));
  });

  for (const code of Object.keys(expected)) {
    it(`gives ${code} LAIT's 2025 cut points and N`, { skip: lait.skip }, () => {
      const b = results.get(code)!;
      assert.equal(b.yearLabel, '2025');
      const [n, q0, q25, q50, q75, q100] = cutPoints[code]!;
      assert.equal(b.cutPoints?.laCount, n);
      close(b.cutPoints!.q0, q0, 'q0');
      close(b.cutPoints!.q25, q25, 'q25');
      close(b.cutPoints!.q50, q50, 'q50');
      close(b.cutPoints!.q75, q75, 'q75');
      close(b.cutPoints!.q100, q100, 'q100');
      assert.equal(b.rows.length, 158);
      assert.equal(b.rows.filter((r) => r.value !== null).length, n);
    });

    it(`gives ${code} LAIT's band sizes`, { skip: lait.skip }, () => {
      const sizes: Record<string, number> = {};
      for (const r of results.get(code)!.rows)
        if (r.quartileBand) sizes[r.quartileBand] = (sizes[r.quartileBand] ?? 0) + 1;
      assert.deepEqual(sizes, bandSizes[code]);
    });

    for (const [la, e] of Object.entries(expected[code]!)) {
      it(`gives LA ${la} LAIT's figures on ${code}`, { skip: lait.skip }, () => {
        const b = results.get(code)!;
        const r: LaBenchmark = b.rows.find((x) => x.laCode === Number(la))!;
        close(r.value, e.value, 'value', 0);
        assert.equal(r.rank, e.rank);
        assert.equal(r.rankOf, b.cutPoints!.laCount);
        assert.equal(r.quartileBand, e.band);
        close(r.statisticalNeighboursAverage, e.sn, 'SN average');
        assert.equal(r.statisticalNeighboursWithValue, 10);
        assert.equal(r.regionName, e.region[0]);
        close(r.regionValue, e.region[1], 'region', 0);
        close(r.englandValue, e.england, 'England', 0);
        close(r.changeFromPrevious, e.change, 'change');
        assert.equal(r.previousYearLabel, '2024');
      });
    }
  }
});
