import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createDemoAccounts } from '../../src/access/demo-accounts.service.js';
import { signInWithPassword } from '../../src/access/sign-in.service.js';
import { createAdministrator, inviteUser, listUsers } from '../../src/access/users.service.js';
import { roles } from '../../src/access/policy.js';
import { demoAccountsText } from '../../src/cli/demo.js';
import { loadDemo, removeDemoData } from '../../src/demo/demo.service.js';
import { describeEachDatabase } from '../support/db.js';

describeEachDatabase('demo accounts', (db) => {
  it('makes one account per role on the demo data, each signing in with its printed password', async () => {
    await loadDemo(db());
    const accounts = await createDemoAccounts(db());
    assert.deepEqual(accounts.map((a) => a.role).sort(), [...roles].sort());
    const text = demoAccountsText(accounts);
    for (const a of accounts) {
      assert.ok(text.includes(a.password), 'each password is printed');
      const result = await signInWithPassword(db(), a.email, a.password);
      assert.equal(result.ok, true, a.email);
    }
    assert.deepEqual(await createDemoAccounts(db()), [], 'made once');
  });

  it('disables every demo account when a real administrator is made', async () => {
    const made = await createAdministrator(
      db(),
      { id: null, label: 'test' },
      { email: 'real@example.org' },
    );
    assert.equal(made.demoAccountsDisabled, 6);
    const users = await listUsers(db());
    assert.deepEqual(
      users.filter((u) => u.status !== 'disabled').map((u) => u.email),
      ['real@example.org'],
    );
    await db().query(
      `update app_user set status = 'active' where email like '%@demo.lantern.invalid'`,
    );
  });

  it('disables every demo account when real data replaces the demo', async () => {
    await db().transaction((tx) => removeDemoData(tx));
    const users = await listUsers(db());
    assert.ok(
      users.filter((u) => u.email.endsWith('.invalid')).every((u) => u.status === 'disabled'),
    );
    const result = await signInWithPassword(db(), 'admin@demo.lantern.invalid', 'whatever it was');
    assert.equal(result.ok, false);
  });
});

describeEachDatabase('demo accounts beside real ones', (db) => {
  it('makes none when the store has a real account', async () => {
    await inviteUser(
      db(),
      { id: null, label: 'test' },
      { email: 'real@example.org', role: 'administrator' },
    );
    await loadDemo(db());
    assert.deepEqual(await createDemoAccounts(db()), []);
    assert.deepEqual(
      (await listUsers(db())).map((u) => u.email),
      ['real@example.org'],
    );
  });
});
