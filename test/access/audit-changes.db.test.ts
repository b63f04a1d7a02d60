/**
 * The history of one strategy's changes from the audit log (selectChangesOf): its own events,
 * its parts' (`<id>/<key>`) and its editions' (details.strategy), never another's or a read; and
 * through indexes (migrations/0011), since the audit log only grows.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { audit, listChangesOf } from '../../src/access/audit.service.js';
import { changesOf } from '../../src/access/audit.repository.js';
import { describeEachDatabase } from '../support/db.js';

const actor = { id: null, label: 'test' };
const mine = '11111111-1111-4111-8111-111111111111';
const other = '11111111-1111-4111-8111-111111111112';

describeEachDatabase('a strategy’s history from the audit log', (db) => {
  before(async () => {
    await audit(db(), actor, 'strategy.import', { kind: 'strategy', id: mine });
    await audit(db(), actor, 'strategy.action.update', {
      kind: 'strategy-action',
      id: `${mine}/fluency`,
    });
    await audit(
      db(),
      actor,
      'report.issue',
      { kind: 'board-report-edition', id: '42' },
      { strategy: mine },
    );
    await audit(db(), actor, 'read', { kind: 'strategy', id: mine });
    await audit(db(), actor, 'strategy.import', { kind: 'strategy', id: other });
    await audit(db(), actor, 'strategy.action.update', {
      kind: 'strategy-action',
      id: `${other}/fluency`,
    });
    // Next to the parts' range in byte order, but not a part.
    await audit(db(), actor, 'strategy.edit', { kind: 'strategy', id: `${mine}0` });
    await audit(db(), actor, 'strategy.edit', { kind: 'strategy', id: `${mine}.x` });
  });

  it('lists the strategy’s own changes, its parts’ and its editions’, and no one else’s', async () => {
    const events = await listChangesOf(db(), mine);
    assert.deepEqual(
      events.map((e) => `${e.action} ${e.targetId}`),
      ['report.issue 42', `strategy.action.update ${mine}/fluency`, `strategy.import ${mine}`],
    );
  });

  it('reads them through indexes, not the whole log', async () => {
    const plan = await db().transaction(async (tx) => {
      await tx.query('set local enable_seqscan = off');
      const rows = await tx.query<Record<string, string>>(`explain ${changesOf}`, [mine]);
      return rows.map((r) => Object.values(r)[0]).join('\n');
    });
    assert.match(plan, /audit_event_target_idx/);
    assert.match(plan, /audit_event_strategy_idx/);
    assert.doesNotMatch(plan, /Seq Scan/);
  });
});
