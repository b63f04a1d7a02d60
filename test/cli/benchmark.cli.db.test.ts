import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Database } from '../../src/core/db.js';
import { refreshBenchmarks } from '../../src/benchmarks/benchmarks.service.js';
import { runCli } from '../../src/cli/main.js';
import { testCliContext } from '../support/cli.js';
import { describeEachDatabase } from '../support/db.js';
import { load, measure, neighbourSet, obs } from '../benchmarks/fixtures.js';

async function run(db: Database, args: string[]) {
  const { ctx, out, err } = testCliContext(db);
  const code = await runCli(args, ctx);
  return { code, out: out(), err: err() };
}

const measures = [
  measure('KS2', { name: 'KS2 reading, writing and maths', topic: 'Attainment', polarity: 'high' }),
  measure('NEET', { name: '=HYPERLINK("x") NEET', topic: 'Participation', polarity: 'low' }),
];
const rows = [
  ...obs('KS2', '2024', [
    [933, 56],
    [343, 57],
    [823, 53],
    [935, 60],
    [970, 61],
    [990, 59],
  ]),
  ...obs('KS2', '2025', [
    [933, 57],
    [343, 58],
    [823, 50],
    [935, 63],
    [970, 63],
    [990, 60],
  ]),
  ...obs('NEET', '2025', [
    [933, 7.8],
    [343, 3.8],
    [823, 3.1],
    [935, 5],
  ]),
];

describeEachDatabase('lantern benchmark, scorecard, measures, areas', (db) => {
  before(async () => {
    await db().transaction(async (tx) => {
      await load(tx, measures, rows, neighbourSet('2025', { 933: [935, 343] }, { 933: 990 }));
      await refreshBenchmarks(tx);
    });
  });

  it('prints exactly one JSON object for benchmark --format json', async () => {
    const r = await run(db(), [
      'benchmark',
      '--measure',
      'KS2',
      '--la',
      'somerset',
      '--format',
      'json',
    ]);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.out);
    assert.deepEqual(json.measure, {
      code: 'KS2',
      name: 'KS2 reading, writing and maths',
      topic: 'Attainment',
      polarity: 'high',
      decimalPlaces: 1,
      noQuartile: false,
    });
    assert.equal(json.year, '2025');
    assert.deepEqual(Object.keys(json.cutPoints).sort(), [
      'laCount',
      'q0',
      'q100',
      'q25',
      'q50',
      'q75',
    ]);
    assert.equal(json.rows.length, 1);
    const row = json.rows[0];
    for (const key of [
      'laCode',
      'laName',
      'value',
      'rank',
      'rankOf',
      'quartileBand',
      'statisticalNeighboursAverage',
      'statisticalNeighboursWithValue',
      'regionName',
      'regionValue',
      'englandValue',
      'changeFromPrevious',
    ]) {
      assert.ok(key in row, key);
    }
    assert.equal(row.laCode, 933);
    assert.equal(row.rank, 3);
    assert.equal(row.rankOf, 4);
    assert.equal(row.statisticalNeighboursAverage, 60.5);
    assert.equal(row.changeFromPrevious, 1);
  });

  it('finds an LA by its 9-character code', async () => {
    const r = await run(db(), [
      'benchmark',
      '--measure',
      'KS2',
      '--la',
      'E06000066',
      '--format',
      'json',
    ]);
    assert.equal(JSON.parse(r.out).rows[0].laName, 'Somerset');
  });

  it('prints an aligned table with formatted numbers', async () => {
    const r = await run(db(), ['benchmark', '--measure', 'KS2', '--la', '933']);
    assert.equal(r.code, 0);
    assert.match(
      r.out,
      /Somerset\s+57\.0\s+3 of 4\s+C\s+60\.5 \(2\)\s+60\.0 South West\s+63\.0\s+▲ \+1\.0 better/,
    );
  });

  it('prints CSV with a header and neutralised formulas', async () => {
    const r = await run(db(), ['scorecard', '--la', '933', '--format', 'csv']);
    assert.equal(r.code, 0);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0]!, /^topic,measureCode,measureName,year,laCode,laName,value/);
    assert.ok(
      lines.some((l) => l.includes(`"'=HYPERLINK(""x"") NEET"`)),
      r.out,
    );
  });

  it('groups the scorecard by topic', async () => {
    const r = await run(db(), ['scorecard', '--la', 'Somerset', '--format', 'json']);
    const json = JSON.parse(r.out);
    assert.deepEqual(
      json.topics.map((t: { topic: string }) => t.topic),
      ['Attainment', 'Participation'],
    );
  });

  it('lists measures matching a search', async () => {
    const r = await run(db(), ['measures', '--search', 'reading']);
    assert.equal(r.code, 0);
    assert.match(
      r.out,
      /KS2\s+KS2 reading, writing and maths\s+Attainment\s+higher is better\s+2024 to 2025 \(2 years\)/,
    );
    assert.doesNotMatch(r.out, /NEET/);
  });

  it('lists areas', async () => {
    const r = await run(db(), ['areas', '--format', 'csv']);
    assert.match(r.out, /\n933,E06000066,Somerset,LA,South West,current\n/);
  });

  it('exits 2 when a required option is missing', async () => {
    const r = await run(db(), ['benchmark']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--measure/);
  });

  it('exits 2 for an unknown format', async () => {
    const r = await run(db(), ['benchmark', '--measure', 'KS2', '--format', 'xml']);
    assert.equal(r.code, 2);
  });

  it('exits 1 for an unknown measure and says what to do', async () => {
    const r = await run(db(), ['benchmark', '--measure', 'NOPE']);
    assert.equal(r.code, 1);
    assert.match(r.err, /LANTERN_MEASURE_NOT_FOUND/);
    assert.match(r.err, /lantern measures --search/);
  });

  it('exits 1 for an unknown LA and says what to do', async () => {
    const r = await run(db(), ['scorecard', '--la', 'Atlantis']);
    assert.equal(r.code, 1);
    assert.match(r.err, /lantern areas/);
  });

  it('exits 1 for an unknown year and lists the years', async () => {
    const r = await run(db(), ['benchmark', '--measure', 'KS2', '--year', '2019']);
    assert.equal(r.code, 1);
    assert.match(r.err, /"2025", "2024"/);
  });
});
