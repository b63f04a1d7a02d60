/**
 * A published strategy under row security (migrations/0009): anyone reads its targets and actions
 * and the approved updates; its risks, the updates awaiting approval and every unpublished
 * strategy stay with the LA's own staff; and nothing published can be changed from outside.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { SignedInUser } from '../../src/access/policy.js';
import { withScope } from '../../src/access/row-security.js';
import { importStrategy, strategyFor } from '../../src/strategy/strategy.service.js';
import { publishedView } from '../../src/strategy/published.js';
import { describeEachDatabase } from '../support/db.js';
import { publishedStrategy } from '../support/published-fixture.js';
import { readingStrategy } from '../support/strategy-fixture.js';
import { loadDemo } from '../../src/demo/demo.service.js';

const admin = { id: null, label: 'command line (test@host)' };
const bathOfficer: SignedInUser = {
  id: '00000000-0000-0000-0000-000000000002',
  email: 'officer.800@example.org',
  displayName: 'Bath officer',
  role: 'la_officer',
  laCodes: [800],
  urns: [],
};

describeEachDatabase('published strategies under row security', (db) => {
  let published = '';
  let unpublished = '';
  before(async () => {
    await loadDemo(db());
    ({ id: published } = await importStrategy(db(), admin, publishedStrategy, 'published.yaml'));
    ({ id: unpublished } = await importStrategy(db(), admin, readingStrategy, 'reading.yaml'));
  });

  const count = (viewer: SignedInUser | null, table: string, id: string) =>
    withScope(db(), viewer, (tx) =>
      tx.query<{ n: number }>(`select count(*)::int as n from ${table} where strategy_id = $1`, [
        id,
      ]),
    ).then((rows) => Number(rows[0]!.n));

  it('lets anyone read a published strategy, its targets and actions', async () => {
    for (const viewer of [null, bathOfficer]) {
      const doc = await strategyFor(db(), viewer, published);
      assert.equal(doc.title, 'Reading for all, published');
      assert.equal(doc.priorities[0]!.aims[0]!.measures[0]!.targets.length, 2);
      assert.equal(doc.priorities[0]!.aims[0]!.actions[0]!.title, 'Reading fluency programme');
    }
  });

  it('keeps its risks and the updates awaiting approval from outside the LA', async () => {
    assert.equal(await count(null, 'strategy_risk', published), 0);
    assert.equal(await count(bathOfficer, 'strategy_risk', published), 0);
    assert.equal(await count(null, 'action_update', published), 1);
    const doc = await strategyFor(db(), null, published);
    const updates = doc.priorities[0]!.aims[0]!.actions[0]!.updates;
    assert.deepEqual(
      updates.map((u) => u.text),
      ['Approved progress on fluency'],
    );
    // The LA's own staff still see both, and the risk.
    const somerset = { ...bathOfficer, laCodes: [933] };
    assert.equal(await count(somerset, 'action_update', published), 2);
    assert.equal(await count(somerset, 'strategy_risk', published), 1);
  });

  it('shows nothing of an unpublished strategy outside its LA', async () => {
    for (const table of ['strategy', 'strategy_priority', 'strategy_target', 'strategy_action']) {
      const column = table === 'strategy' ? 'id' : 'strategy_id';
      const n = await withScope(db(), null, (tx) =>
        tx.query<{ n: number }>(`select count(*)::int as n from ${table} where ${column} = $1`, [
          unpublished,
        ]),
      );
      assert.equal(Number(n[0]!.n), 0, table);
    }
    await assert.rejects(strategyFor(db(), bathOfficer, unpublished), /No strategy has the id/);
  });

  it('lets no one outside the LA change a published strategy', async () => {
    const changed = await withScope(db(), bathOfficer, async (tx) => {
      await tx.query(`update strategy set title = 'Defaced' where id = $1`, [published]);
      await tx.query(`delete from strategy_target where strategy_id = $1`, [published]);
      return tx.query<{ title: string }>('select title from strategy where id = $1', [published]);
    });
    assert.equal(changed[0]!.title, 'Reading for all, published');
    assert.equal(await count(null, 'strategy_target', published), 2);
  });

  it('drops the e-mail addresses and anything unapproved in the public view', async () => {
    const doc = await strategyFor(db(), { ...bathOfficer, laCodes: [933] }, published);
    const shown = publishedView(doc)!;
    assert.equal(shown.lead, undefined);
    assert.equal(shown.priorities[0]!.risks.length, 0);
    const updates = shown.priorities[0]!.aims[0]!.actions[0]!.updates;
    assert.deepEqual(
      updates.map((u) => [u.text, u.approvedBy]),
      [['Approved progress on fluency', undefined]],
    );
    assert.equal(publishedView({ ...doc, published: false }), undefined);
  });
});
