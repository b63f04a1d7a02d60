import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { LanternError } from '../../src/core/errors.js';
import {
  getMeasureBenchmark,
  getScorecard,
  refreshBenchmarks,
} from '../../src/benchmarks/benchmarks.service.js';
import {
  getLaMeasureTimeSeries,
  getLaMeasureTimeSeriesMany,
} from '../../src/benchmarks/time-series.service.js';
import { describeEachDatabase } from '../support/db.js';
import { load, measure, neighbourSet, obs } from './fixtures.js';

// Somerset 933 (SW 990), Sefton 343 (NW 981), Central Bedfordshire 823 (EoE 985), Suffolk 935, Derbyshire 830.
const measures = [
  measure('KS2', { topic: 'Attainment', polarity: 'high' }),
  measure('ABS', { topic: 'Absence', polarity: 'low', decimalPlaces: 2 }),
  measure('POP', { topic: 'Context', polarity: null }),
];
const rows = [
  ...obs('KS2', '2024', [
    [933, 56],
    [343, 57],
    [823, 53],
    [935, 60],
    [830, 61],
    [990, 59],
    [981, 60],
    [985, 60],
    [970, 61],
  ]),
  ...obs('KS2', '2025', [
    [933, 57],
    [343, 58],
    [823, 50],
    [935, 63],
    [830, null],
    [990, 60],
    [981, 61],
    [985, 61],
    [970, 63],
  ]),
  ...obs('ABS', '2025', [
    [933, 18.92],
    [343, 21.02],
    [823, 16.35],
    [935, 18.11],
    [830, 15.78],
    [970, 18.14],
  ]),
  ...obs('POP', '2025', [
    [933, 100],
    [343, 200],
    [823, 300],
    [935, 400],
    [830, 500],
  ]),
];
const set = neighbourSet(
  '2025',
  { 933: [935, 830, 343] },
  { 933: 990, 343: 981, 823: 985, 935: 985, 830: 983 },
);

describeEachDatabase('benchmarks service', (db) => {
  before(async () => {
    await db().transaction(async (tx) => {
      await load(tx, measures, rows, set);
      await refreshBenchmarks(tx);
    });
  });

  it('stores cut points for every year and marks the latest', async () => {
    const cuts = await db().query<{
      year_label: string;
      la_count: number;
      q50: number;
      is_latest: boolean;
    }>(
      `select year_label, la_count, q50, is_latest from benchmark_cut_points where measure_code = 'KS2' order by year_label`,
    );
    assert.deepEqual(cuts, [
      { year_label: '2024', la_count: 5, q50: 57, is_latest: false },
      { year_label: '2025', la_count: 4, q50: 57.5, is_latest: true },
    ]);
  });

  it('gives an LA its rank, band, neighbour average, region, England and change', async () => {
    const b = await getMeasureBenchmark(db(), 'KS2', { laCode: 933 });
    assert.equal(b.yearLabel, '2025');
    assert.deepEqual(b.yearLabels, ['2025', '2024']);
    assert.deepEqual(b.cutPoints, {
      q0: 50,
      q25: 55.25,
      q50: 57.5,
      q75: 59.25,
      q100: 63,
      laCount: 4,
    });
    assert.equal(b.neighbourSetVersion, '2025');
    assert.equal(b.rows.length, 1);
    const r = b.rows[0]!;
    assert.equal(r.laName, 'Somerset');
    assert.equal(r.rank, 3);
    assert.equal(r.rankOf, 4);
    assert.equal(r.quartileBand, 'C');
    assert.equal(r.statisticalNeighboursAverage, (63 + 58) / 2);
    assert.equal(r.statisticalNeighboursWithValue, 2);
    assert.equal(r.regionName, 'South West');
    assert.equal(r.regionValue, 60);
    assert.equal(r.englandValue, 63);
    assert.equal(r.changeFromPrevious, 1);
    assert.equal(r.changeDirection, 'better');
    assert.equal(r.previousYearLabel, '2024');
  });

  it('keeps a suppressed value missing with its marker', async () => {
    const b = await getMeasureBenchmark(db(), 'KS2', { laCode: 830 });
    assert.equal(b.rows[0]?.value, null);
    assert.equal(b.rows[0]?.suppression, '-');
    assert.equal(b.rows[0]?.rank, null);
  });

  it('returns every LA with a row when no LA is named', async () => {
    const b = await getMeasureBenchmark(db(), 'KS2', { yearLabel: '2024' });
    assert.deepEqual(
      b.rows.map((r) => [r.laCode, r.rank]),
      [
        [343, 3],
        [823, 5],
        [830, 1],
        [933, 4],
        [935, 2],
      ],
    );
  });

  it('gives no rank, band or cut points for a measure without polarity', async () => {
    const b = await getMeasureBenchmark(db(), 'POP', { laCode: 933 });
    assert.equal(b.cutPoints, null);
    assert.equal(b.rows[0]?.rank, null);
    assert.equal(b.rows[0]?.quartileBand, null);
  });

  it('reads several measures in one run exactly as one at a time', async () => {
    // A strategy reads its thirty measures at once: the same figures as each read on its own.
    const many = await getLaMeasureTimeSeriesMany(db(), 933, ['KS2', 'ABS', 'POP', 'NONE']);
    assert.deepEqual([...many.keys()], ['KS2', 'ABS', 'POP', 'NONE']);
    for (const code of ['KS2', 'ABS', 'POP']) {
      const one = await getLaMeasureTimeSeries(db(), 933, code);
      assert.deepEqual(JSON.parse(JSON.stringify(many.get(code))), JSON.parse(JSON.stringify(one)));
    }
    assert.equal(many.get('NONE'), null);
    assert.equal(many.get('KS2')?.years.at(-1)?.benchmark.value, 57);
  });

  it('rejects an unknown measure, year or LA with what to do', async () => {
    await assert.rejects(
      getMeasureBenchmark(db(), 'NOPE'),
      (e: LanternError) =>
        e.code === 'LANTERN_MEASURE_NOT_FOUND' && /lantern measures --search/.test(e.hint ?? ''),
    );
    await assert.rejects(
      getMeasureBenchmark(db(), 'KS2', { yearLabel: '1999' }),
      (e: LanternError) => e.code === 'LANTERN_YEAR_NOT_FOUND' && /"2024"/.test(e.hint ?? ''),
    );
    await assert.rejects(
      getMeasureBenchmark(db(), 'KS2', { laCode: 970 }),
      (e: LanternError) => e.code === 'LANTERN_AREA_NOT_FOUND',
    );
  });

  it('builds a scorecard of latest years grouped by topic', async () => {
    const s = await getScorecard(db(), 933);
    assert.equal(s.laName, 'Somerset');
    assert.deepEqual(
      s.topics.map((t) => [
        t.topic,
        t.entries.map((e) => `${e.measure.code} ${e.yearLabel} ${e.benchmark.rank}`),
      ]),
      [
        ['Absence', ['ABS 2025 4']],
        ['Attainment', ['KS2 2025 3']],
        ['Context', ['POP 2025 null']],
      ],
    );
  });

  it('recomputes only the measures asked for, replacing their rows', async () => {
    await db().transaction((tx) => refreshBenchmarks(tx, ['KS2']));
    const [n] = await db().query<{ n: number }>(`select count(*)::int as n from benchmark`);
    // LA rows are stored for each measure's latest year only (other years are computed on demand).
    assert.equal(n?.n, 5 + 5 + 5);
  });
});
