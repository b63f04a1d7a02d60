import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { getScorecard, refreshBenchmarks } from '../../src/benchmarks/benchmarks.service.js';
import {
  computePreviousCutPoints,
  getScorecardHistory,
} from '../../src/benchmarks/scorecard-history.js';
import { describeEachDatabase } from '../support/db.js';
import { load, measure, obs } from './fixtures.js';

// 2024: 53, 56, 57, 60, 61 → cut points 56 / 57 / 60. 2025: 50, 57, 58, 63 → 55.25 / 57.5 / 59.25.
const rows = [
  ...obs('KS2', '2024', [
    [933, 56],
    [343, 57],
    [823, 53],
    [935, 60],
    [830, 61],
  ]),
  ...obs('KS2', '2025', [
    [933, 57],
    [343, 58],
    [823, 50],
    [935, 63],
    [830, null],
  ]),
];

describeEachDatabase('scorecard history', (db) => {
  before(async () => {
    await db().transaction(async (tx) => {
      await load(tx, [measure('KS2')], rows);
      await refreshBenchmarks(tx);
    });
  });

  async function history(laCode: number) {
    const card = await getScorecard(db(), laCode);
    const h = await getScorecardHistory(db(), card, await computePreviousCutPoints(db()));
    return { band: card.topics[0]!.entries[0]!.benchmark.quartileBand, ...h.get('KS2')! };
  }

  it('flags a move up a band against the previous year cut points', async () => {
    assert.deepEqual(await history(933), {
      band: 'C',
      previousBand: 'D',
      moved: 'better',
      points: [
        { yearLabel: '2024', yearNumber: 2024, value: 56 },
        { yearLabel: '2025', yearNumber: 2025, value: 57 },
      ],
    });
    const sefton = await history(343);
    assert.deepEqual([sefton.previousBand, sefton.band, sefton.moved], ['C', 'B', 'better']);
  });

  it('flags no move when the band is the same', async () => {
    const centralBedfordshire = await history(823);
    assert.deepEqual(
      [centralBedfordshire.previousBand, centralBedfordshire.band, centralBedfordshire.moved],
      ['D', 'D', null],
    );
  });
});
