import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { SignedInUser } from '../../src/access/policy.js';
import { withScope } from '../../src/access/row-security.js';
import { describeEachDatabase } from '../support/db.js';

const user = (role: SignedInUser['role'], laCodes: number[], urns: number[]): SignedInUser => ({
  id: '00000000-0000-0000-0000-000000000001',
  email: 'x@example.org',
  displayName: 'X',
  role,
  laCodes,
  urns,
});

describeEachDatabase('row-level security on scoped rows', (db) => {
  // A table as later issues will add (a strategy's actions, a school's predictions), put under
  // the one policy by the one helper.
  before(async () => {
    await db().exec(`
      create table scoped_example (id integer primary key, la_code integer, urn integer, note text);
      insert into scoped_example values
        (1, 933, null, 'Somerset'), (2, 800, null, 'Bath'), (3, 933, 123456, 'a Somerset school'),
        (4, 800, 654321, 'a Bath school');
      select lantern_enable_scope('scoped_example', 'la_code', 'urn');`);
  });

  const visible = (viewer: SignedInUser | null) =>
    withScope(db(), viewer, (tx) =>
      tx.query<{ id: number }>('select id from scoped_example order by id'),
    ).then((rows) => rows.map((r) => Number(r.id)));

  it("shows an LA officer only their LAs' rows, even to a query that asks for all", async () => {
    assert.deepEqual(await visible(user('la_officer', [933], [])), [1, 3]);
    assert.deepEqual(await visible(user('la_analyst', [933, 800], [])), [1, 2, 3, 4]);
  });

  it("shows a headteacher only their school's rows", async () => {
    assert.deepEqual(await visible(user('headteacher', [], [654321])), [4]);
  });

  it('shows an administrator everything and nobody nothing', async () => {
    assert.deepEqual(await visible(user('administrator', [], [])), [1, 2, 3, 4]);
    assert.deepEqual(await visible(null), []);
  });

  it('refuses to write a row outside the scope', async () => {
    await assert.rejects(
      withScope(db(), user('la_officer', [933], []), (tx) =>
        tx.query(`insert into scoped_example values (5, 800, null, 'not mine')`),
      ),
      /row-level security/,
    );
    const changed = await withScope(db(), user('la_officer', [933], []), (tx) =>
      tx.query(`update scoped_example set note = 'changed' returning id`),
    );
    assert.deepEqual(changed.map((r) => Number(r.id)).sort(), [1, 3]);
  });

  it('keeps no scope after the transaction (a pooled connection starts clean)', async () => {
    await visible(user('la_officer', [933], []));
    const [row] = await db().query<{ all: string | null; role: string }>(
      `select current_setting('lantern.scope_all', true) as all, current_user as role`,
    );
    assert.notEqual(row!.role, 'lantern_scoped');
    assert.ok(!row!.all || row!.all === '', `scope left behind: ${row!.all}`);
  });
});
