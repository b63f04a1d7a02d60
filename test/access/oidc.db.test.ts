import assert from 'node:assert/strict';
import { it } from 'node:test';
import { acceptInvitation } from '../../src/access/links.service.js';
import { signInWithOidc } from '../../src/access/oidc.service.js';
import { inviteUser } from '../../src/access/users.service.js';
import { describeEachDatabase } from '../support/db.js';

const cli = { id: null, label: 'test' };
const entra = 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0';

describeEachDatabase(
  'signing in with Entra ID, which does not say whether an e-mail is verified',
  (db) => {
    it('lets its directory address take up an invitation, but never an account in use', async () => {
      await inviteUser(db(), cli, { email: 'new@example.org', role: 'la_analyst', laCodes: [933] });
      const first = await signInWithOidc(db(), {
        issuer: entra,
        subject: 's-new',
        email: 'new@example.org',
      });
      assert.equal(first.ok, true);
      const { token } = await inviteUser(db(), cli, {
        email: 'used@example.org',
        role: 'administrator',
      });
      await acceptInvitation(db(), token, 'a long enough password');
      const takeover = await signInWithOidc(db(), {
        issuer: entra,
        subject: 's-guest',
        email: 'used@example.org',
      });
      assert.deepEqual(takeover, { ok: false, reason: 'unverified' });
      const vouched = await signInWithOidc(db(), {
        issuer: entra,
        subject: 's-used',
        email: 'used@example.org',
        emailVerified: true,
      });
      assert.equal(vouched.ok, true, 'a verified address may link an account in use');
    });
  },
);
