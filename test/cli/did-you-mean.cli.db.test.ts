import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Database } from '../../src/core/db.js';
import { refreshBenchmarks } from '../../src/benchmarks/benchmarks.service.js';
import { runCli } from '../../src/cli/main.js';
import { testCliContext } from '../support/cli.js';
import { describeEachDatabase } from '../support/db.js';
import { load, measure, obs } from '../benchmarks/fixtures.js';

async function run(db: Database, args: string[]) {
  const { ctx, out, err } = testCliContext(db);
  const code = await runCli(args, ctx);
  return { code, out: out(), err: err() };
}

const measures = [
  measure('KS2RWM_Expected_STD', {
    name: 'KS2 % reading, writing and mathematics - Expected standard - All Pupils',
  }),
  measure('KS2RWM_Higher_STD', {
    name: 'KS2 % reading, writing and mathematics - Higher standard - All Pupils',
  }),
];
const rows = obs('KS2RWM_Expected_STD', '2025', [
  [933, 57],
  [935, 63],
]);

describeEachDatabase('"did you mean" in the hints of lantern benchmark and scorecard', (db) => {
  before(async () => {
    await db().transaction(async (tx) => {
      await load(tx, measures, rows);
      await refreshBenchmarks(tx);
    });
  });

  it('lists the nearest measure codes and names for a mistyped measure', async () => {
    const r = await run(db(), ['benchmark', '--measure', 'KS2RWM_Expected_ST']);
    assert.equal(r.code, 1);
    assert.match(
      r.err,
      /\[LANTERN_MEASURE_NOT_FOUND\]\nDid you mean:\n {2}KS2RWM_Expected_STD {2}KS2 % reading, writing and mathematics - Expected standard - All Pupils\n/,
    );
  });

  it('lists the nearest LAs for a misspelt LA name', async () => {
    const r = await run(db(), ['scorecard', '--la', 'Somerst']);
    assert.equal(r.code, 1);
    assert.match(r.err, /\[LANTERN_AREA_NOT_FOUND\]\nDid you mean:\n {2}933 {2}Somerset\n/);
  });

  it('lists the LAs whose codes begin with a short LA code', async () => {
    const r = await run(db(), ['scorecard', '--la', '93']);
    assert.equal(r.code, 1);
    assert.match(r.err, /Did you mean:\n {2}931 {2}Oxfordshire\n {2}933 {2}Somerset\n/);
  });

  it('lists the nearest LAs for an unknown LA given to benchmark', async () => {
    const r = await run(db(), ['benchmark', '--measure', 'KS2RWM_Expected_STD', '--la', 'Somerst']);
    assert.equal(r.code, 1);
    assert.match(r.err, /Did you mean:\n {2}933 {2}Somerset\n/);
  });

  it('still says what to do when nothing is near', async () => {
    const r = await run(db(), ['benchmark', '--measure', 'NOPE']);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.err, /Did you mean/);
    assert.match(r.err, /lantern measures --search/);
  });
});
