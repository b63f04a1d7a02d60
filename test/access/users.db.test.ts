import assert from 'node:assert/strict';
import { it } from 'node:test';
import { listAuditEvents, type Actor } from '../../src/access/audit.service.js';
import { failureLimit, signInWithPassword } from '../../src/access/sign-in.service.js';
import {
  acceptInvitation,
  linkHolder,
  newLinkFor,
  setPasswordByLink,
} from '../../src/access/links.service.js';
import {
  createAdministrator,
  disableUser,
  inviteUser,
  listUsers,
} from '../../src/access/users.service.js';
import { LanternError } from '../../src/core/errors.js';
import { describeEachDatabase } from '../support/db.js';

const cli: Actor = { id: null, label: 'command line (test)' };
const password = 'correct horse battery staple';

describeEachDatabase('users, invitations and signing in', (db) => {
  it('invites the first administrator, who chooses a password by the link, once', async () => {
    const { user, token } = await createAdministrator(db(), cli, { email: 'Ada@Example.org' });
    assert.equal(user.status, 'invited');
    assert.equal((await signInWithPassword(db(), 'ada@example.org', password)).ok, false);
    const accepted = await acceptInvitation(db(), token, password);
    assert.equal(accepted.user?.status, 'active');
    const again = await acceptInvitation(db(), token, 'another long password');
    assert.equal(again.problem, 'This link has expired or been used.');
    const signedIn = await signInWithPassword(db(), 'ADA@example.org', password, {
      ip: '127.0.0.1',
    });
    assert.ok(signedIn.ok && signedIn.user.role === 'administrator');
  });

  it('keeps the link working when the chosen password is refused', async () => {
    const { token } = await inviteUser(db(), cli, {
      email: 'bo@example.org',
      role: 'la officer',
      laCodes: [933],
    });
    await assert.rejects(acceptInvitation(db(), token, 'short'), /at least 12 characters/);
    assert.equal((await acceptInvitation(db(), token, password)).user?.email, 'bo@example.org');
  });

  it('refuses a role without its scope, or with the wrong one, naming each problem', async () => {
    const refused = (details: Parameters<typeof inviteUser>[2]) =>
      assert.rejects(inviteUser(db(), cli, details), (e: unknown) => {
        assert.ok(e instanceof LanternError && e.code === 'LANTERN_USER_INVALID', String(e));
        return true;
      });
    await refused({ email: 'c@example.org', role: 'headteacher' });
    await refused({ email: 'c@example.org', role: 'la_analyst', urns: [123456] });
    await refused({ email: 'c@example.org', role: 'governor', urns: [12] });
    await refused({ email: 'not an address', role: 'administrator' });
    await refused({ email: 'c@example.org', role: 'superuser' });
    await assert.rejects(
      inviteUser(db(), cli, { email: 'ADA@example.org', role: 'administrator' }),
      /has an account already/,
    );
  });

  it(`locks an account after ${failureLimit} wrong passwords, even against the right one`, async () => {
    const { token } = await inviteUser(db(), cli, {
      email: 'di@example.org',
      role: 'governor',
      urns: [123456],
    });
    await acceptInvitation(db(), token, password);
    for (let i = 1; i < failureLimit; i++)
      assert.deepEqual(await signInWithPassword(db(), 'di@example.org', 'wrong'), {
        ok: false,
        reason: 'wrong',
      });
    const locked = await signInWithPassword(db(), 'di@example.org', 'wrong');
    assert.ok(!locked.ok && locked.reason === 'locked' && locked.lockedUntil);
    const right = await signInWithPassword(db(), 'di@example.org', password);
    assert.ok(!right.ok && right.reason === 'locked');
  });

  it('starts counting again once a lock has ended: one more mistake does not lock again', async () => {
    await db().query(
      "update app_user set locked_until = now() - interval '1 minute' where email = 'di@example.org'",
    );
    const wrong = await signInWithPassword(db(), 'di@example.org', 'wrong');
    assert.deepEqual(wrong, { ok: false, reason: 'wrong' });
    const right = await signInWithPassword(db(), 'di@example.org', password);
    assert.ok(right.ok);
  });

  it('refuses a password holding the address only where the name part means something', async () => {
    const { token } = await inviteUser(db(), cli, {
      email: 'o@example.org',
      role: 'governor',
      urns: [123456],
    });
    // "o" is in almost every password: not a reason to refuse one.
    assert.equal(
      (await acceptInvitation(db(), token, 'another good password')).user?.email,
      'o@example.org',
    );
    const { token: t2 } = await inviteUser(db(), cli, {
      email: 'oliver@example.org',
      role: 'governor',
      urns: [123456],
    });
    await assert.rejects(
      acceptInvitation(db(), t2, 'oliver-is-my-password'),
      /does not contain your e-mail address/,
    );
  });

  it('disables a user, who can no longer sign in', async () => {
    await disableUser(db(), cli, 'bo@example.org');
    const result = await signInWithPassword(db(), 'bo@example.org', password);
    assert.deepEqual(result, { ok: false, reason: 'disabled' });
    assert.equal(
      (await listUsers(db())).find((u) => u.email === 'bo@example.org')?.status,
      'disabled',
    );
    await assert.rejects(disableUser(db(), cli, 'nobody@example.org'), /No user has/);
  });

  it('audits every step, and the audit log cannot be changed, deleted or emptied', async () => {
    const actions = (await listAuditEvents(db())).map((e) => `${e.actor} ${e.action}`);
    for (const want of [
      'command line (test) user-invited',
      'Ada@Example.org invitation-accepted',
      'Ada@Example.org sign-in',
      'di@example.org sign-in-failed',
      'command line (test) user-disabled',
    ])
      assert.ok(actions.includes(want), `${want} in ${actions.join('; ')}`);
    const unknown = await signInWithPassword(db(), 'nobody@example.org', 'x');
    assert.deepEqual(unknown, { ok: false, reason: 'wrong' });
    const last = (await listAuditEvents(db())).at(-1)!;
    assert.equal(last.action, 'sign-in-failed');
    assert.equal(last.actorId, null);
    for (const sql of [
      'update audit_event set actor = $1',
      'delete from audit_event where actor <> $1',
      'truncate audit_event',
    ]) {
      await assert.rejects(db().query(sql, sql.includes('$1') ? ['x'] : []), /append-only/, sql);
    }
  });

  it('stores no password and no token in the clear', async () => {
    const rows = await db().query<{ password_hash: string }>(
      'select password_hash from app_user where password_hash is not null',
    );
    for (const r of rows) assert.match(r.password_hash, /^\$argon2id\$/);
    const links = await db().query<{ token_hash: string }>('select token_hash from one_time_link');
    for (const l of links) assert.match(l.token_hash, /^[0-9a-f]{64}$/);
  });
});

describeEachDatabase('one-time links end together', (db) => {
  it('ends every other link of a user once a password is set, and a new link ends older ones', async () => {
    const { user, token: first } = await inviteUser(db(), cli, {
      email: 'links@example.org',
      role: 'la_analyst',
      laCodes: [933],
    });
    const second = await newLinkFor(db(), cli, user);
    assert.equal(
      await linkHolder(db(), 'invitation', first),
      undefined,
      'the new link ended the first',
    );
    assert.equal(
      (await acceptInvitation(db(), second.token, 'a long enough password')).user?.email,
      'links@example.org',
    );
    assert.equal(
      (await acceptInvitation(db(), first, 'takeover password!!')).problem,
      'This link has expired or been used.',
    );
    const active = (await listUsers(db())).find((u) => u.email === 'links@example.org')!;
    const r1 = await newLinkFor(db(), cli, active);
    const r2 = await newLinkFor(db(), cli, active);
    assert.equal(r2.purpose, 'password_reset');
    const used = await setPasswordByLink(db(), 'password_reset', r2.token, 'another long password');
    assert.ok('user' in used);
    assert.ok(
      'problem' in
        (await setPasswordByLink(db(), 'password_reset', r1.token, 'a third long password')),
    );
  });
});
