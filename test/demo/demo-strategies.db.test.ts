/**
 * The demo copies of the seed strategies in the store, on both engines: loaded with the demo
 * data set, replaced (never duplicated) by the next load, removed with it, and judged on the
 * demo figures; an LA's own strategy is never touched.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Actor } from '../../src/access/audit.service.js';
import { loadDemo, removeDemoData } from '../../src/demo/demo.service.js';
import { importStrategy, strategies, strategyStatus } from '../../src/strategy/strategy.service.js';
import { describeEachDatabase } from '../support/db.js';

const actor: Actor = { id: null, label: 'command line (test@host)' };

/** An LA's own strategy: local measures only, so it imports into an empty store. */
const ownStrategy = `format: lantern-strategy/1
la: 933
title: Somerset's own strategy
period: { from: 2024, to: 2027 }
localMeasures:
  - { code: governors-equipped, name: Governors equipped, unit: '%', polarity: high, period: survey round }
priorities:
  - title: Governance
    aims:
      - title: Governors are equipped
        measures:
          - name: Governors who feel equipped
            local: governors-equipped
`;

const seedTitles = [
  'Partnership Vision for Education 2015-2019 (demo copy)',
  'Sefton Education Strategy (demo copy)',
  'Strategy for Achieving Excellence for All 2016-2019 (demo copy)',
];

describeEachDatabase('demo strategies', (db) => {
  let ownId = '';

  before(async () => {
    ({ id: ownId } = await importStrategy(db(), actor, ownStrategy, 'own.yaml'));
    await loadDemo(db());
  });

  it('loads one demo copy of each seed strategy, and a second load replaces them', async () => {
    const first = (await strategies(db())).filter((s) => s.demo);
    assert.deepEqual(first.map((s) => s.title).sort(), seedTitles);
    const summary = await loadDemo(db());
    assert.equal(summary.strategies, 3);
    const second = (await strategies(db())).filter((s) => s.demo);
    assert.deepEqual(second.map((s) => s.title).sort(), seedTitles);
    assert.equal(
      second.some((s) => first.some((f) => f.id === s.id)),
      false,
      'the earlier copies were replaced',
    );
    assert.deepEqual(second.map((s) => [s.laCode, s.periodStart, s.periodEnd]).sort(), [
      [343, 2023, 2028],
      [823, 2023, 2027],
      [933, 2024, 2027],
    ]);
  });

  it('leaves a strategy imported before the demo load as it was', async () => {
    const own = (await strategies(db())).filter((s) => !s.demo);
    assert.deepEqual(
      own.map((s) => [s.id, s.title]),
      [[ownId, "Somerset's own strategy"]],
    );
  });

  it('judges every demo copy on demo measures, with real statuses', async () => {
    for (const s of (await strategies(db())).filter((x) => x.demo)) {
      const status = await strategyStatus(db(), s.id, '2026-06-01');
      const codes = status.targets.flatMap((t) => (t.measure ? [t.measure] : []));
      for (const code of codes.filter((c) => !c.startsWith('local:')))
        assert.match(code, /^DEMO_/, `${s.title}: ${code}`);
      const judged = status.targets.filter((t) => t.status !== 'no_data');
      assert.ok(
        judged.length >= 5,
        `${s.title}: only ${judged.length} of ${status.targets.length} targets judged`,
      );
      const states = new Set(judged.map((t) => t.status));
      assert.ok(states.has('on_track') || states.has('met'), `${s.title}: ${[...states]}`);
      assert.ok(states.has('off_track'), `${s.title}: ${[...states]}`);
    }
  });

  it('removes the demo copies with the demo data, and only them', async () => {
    await db().transaction((tx) => removeDemoData(tx));
    const left = await strategies(db());
    assert.deepEqual(
      left.map((s) => [s.id, s.demo]),
      [[ownId, false]],
    );
    const [rows] = await db().query<{ n: number }>(
      'select count(*)::int as n from strategy_measure where strategy_id <> $1',
      [ownId],
    );
    assert.equal(rows?.n, 0, 'a demo copy left rows behind');
  });
});
