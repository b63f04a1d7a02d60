/**
 * Signing in with the organisation's account, end to end against a real OpenID Connect provider
 * (test/support/oidc-provider.ts). The app listens on a real port, not inject(): the provider
 * sends the browser back to it over HTTP. Run on both databases (the linking SQL is the point).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listAuditEvents, type Actor } from '../../src/access/audit.service.js';
import { emailTrusted } from '../../src/access/oidc.service.js';
import { disableUser, inviteUser, listUsers } from '../../src/access/users.service.js';
import type { Database } from '../../src/core/db.js';
import { buildApp } from '../../src/web/app.js';
import { enginesUnderTest, freshDatabase, freshPglite } from '../support/db.js';
import { visitor } from '../support/web-session.js';
import {
  browser,
  freePort,
  startTestProvider,
  type Browser,
  type TestProvider,
  type Visit,
} from '../support/oidc-provider.js';

const cli: Actor = { id: null, label: 'command line (test)' };
/** Nunjucks escapes the apostrophe in "organisation's". */
const apostrophe = "(?:'|&#39;)";
const notInvited = new RegExp(
  `Your organisation${apostrophe}s account is not invited to Lantern: ask your Lantern administrator for an invitation\\.`,
);

for (const engine of enginesUnderTest()) {
  describe(`signing in with the organisation's account [${engine}]`, () => {
    let db: Database;
    let app: FastifyInstance;
    let provider: TestProvider;
    let site: string;
    let adaInvitation = '';

    before(async () => {
      db = await freshDatabase(engine);
      const port = await freePort();
      site = `http://127.0.0.1:${port}`;
      provider = await startTestProvider(`${site}/sign-in/oidc/callback`, {
        'ada-1': { email: 'ada@example.org', email_verified: true },
        'bo-2': { email: 'bo@example.org', email_verified: true },
        'cy-3': { email: 'cy@example.org', email_verified: false },
        'nobody-4': { email: 'nobody@example.org', email_verified: true },
      });
      app = await buildApp({
        db,
        config: {
          organisationName: 'Lantern',
          production: true,
          baseUrl: site,
          oidc: {
            issuer: provider.issuer,
            clientId: provider.clientId,
            clientSecret: provider.clientSecret,
            name: 'your Somerset Council account',
          },
        },
        warm: { everyScorecard: false },
      });
      await app.listen({ host: '127.0.0.1', port });
      adaInvitation = (
        await inviteUser(db, cli, { email: 'ada@example.org', role: 'la_officer', laCodes: [933] })
      ).token;
      await inviteUser(db, cli, { email: 'bo@example.org', role: 'administrator' });
      await inviteUser(db, cli, { email: 'cy@example.org', role: 'administrator' });
      await disableUser(db, cli, 'bo@example.org');
    });

    after(async () => {
      await app?.close();
      await provider?.close();
      await db?.close();
    });

    /** From the sign-in page through the provider as `subject`, to wherever it ends. */
    async function signInAs(subject: string, b: Browser = browser()): Promise<Visit> {
      provider.signInAs(subject);
      const form = await b.get(`${site}/sign-in`);
      assert.match(form.body, /Sign in with your Somerset Council account/);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      return b.post(`${site}/sign-in/oidc`, { _csrf: csrf, next: '/account' });
    }

    it('signs an invited user in through the provider, onto their account page', async () => {
      const b = browser();
      const landed = await signInAs('ada-1', b);
      assert.equal(landed.status, 200, landed.body);
      assert.equal(landed.url, `${site}/account`);
      assert.match(landed.body, /ada@example\.org/);
      assert.equal((await b.get(`${site}/account`)).status, 200);
      // The provider stood in for the password: the invitation link no longer sets one.
      assert.equal((await browser().get(`${site}/invitation/${adaInvitation}`)).status, 410);
    });

    it('finds them again by issuer and subject after their e-mail changes at the provider', async () => {
      provider.accounts.set('ada-1', { email: 'ada.lovelace@example.org', email_verified: true });
      const landed = await signInAs('ada-1');
      assert.equal(landed.status, 200, landed.body);
      assert.match(landed.body, /ada@example\.org/);
    });

    it('refuses an address with no invitation in plain words, and creates no account', async () => {
      const before = (await listUsers(db)).length;
      const refused = await signInAs('nobody-4');
      assert.equal(refused.status, 401);
      assert.match(refused.body, notInvited);
      assert.match(refused.body, /govuk-error-summary/);
      assert.doesNotMatch(refused.body, /at .*\.(ts|js):\d+/, 'no stack');
      assert.equal((await listUsers(db)).length, before);
    });

    it('refuses a disabled user', async () => {
      const refused = await signInAs('bo-2');
      assert.equal(refused.status, 401);
      assert.match(refused.body, /Your Lantern account is disabled/);
    });

    it('refuses an e-mail address the provider does not vouch for, linking nothing', async () => {
      const b = browser();
      const refused = await signInAs('cy-3', b);
      assert.equal(refused.status, 401);
      assert.match(refused.body, /does not confirm your e-mail address/);
      const cy = (await listUsers(db)).find((u) => u.email === 'cy@example.org');
      assert.equal(cy?.status, 'invited');
      assert.equal((await b.get(`${site}/account`)).status, 401);
    });

    it('refuses an answer whose state was tampered with, and signs no one in', async () => {
      const b = browser();
      provider.signInAs('ada-1');
      const form = await b.get(`${site}/sign-in`);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      const stopped = await b.post(
        `${site}/sign-in/oidc`,
        { _csrf: csrf },
        { stopBefore: (url) => url.pathname === '/sign-in/oidc/callback' },
      );
      const answer = stopped.stoppedAt!;
      assert.ok(answer.searchParams.get('code'), 'the provider answered with a code');
      answer.searchParams.set('state', 'not-the-state-lantern-sent');
      const refused = await b.get(answer.href);
      assert.equal(refused.status, 400);
      assert.match(refused.body, /This sign-in has expired/);
      assert.equal((await b.get(`${site}/account`)).status, 401);
    });

    it('says so when the person cancels at the provider', async () => {
      const refused = await signInAs('cancel');
      assert.equal(refused.status, 401);
      assert.match(
        refused.body,
        new RegExp(`Your organisation${apostrophe}s account did not sign you in`),
      );
    });

    it('records sign-ins and refusals in the audit log, with the method oidc', async () => {
      const events = await listAuditEvents(db, {});
      const signIns = events.filter((e) => e.action === 'sign-in');
      assert.deepEqual(
        signIns.map((e) => [e.actor, e.details]),
        [
          ['ada@example.org', { method: 'oidc', issuer: provider.issuer, linked: true }],
          ['ada@example.org', { method: 'oidc', issuer: provider.issuer }],
        ],
      );
      const refusals = events.filter((e) => e.action === 'sign-in-failed');
      assert.deepEqual(
        refusals.map((e) => [e.actor, e.details.reason]),
        [
          ['nobody@example.org', 'unknown'],
          ['bo@example.org', 'disabled'],
          ['cy@example.org', 'unverified'],
        ],
      );
      assert.ok(refusals.every((e) => e.details.method === 'oidc'));
    });
  });
}

// No database question here (nothing is stored before the provider answers): PGlite only.
describe("signing in with the organisation's account while its provider is down", () => {
  let db: Database;
  let app: FastifyInstance;
  before(async () => {
    db = await freshPglite();
    const nothingThere = `http://127.0.0.1:${await freePort()}`;
    app = await buildApp({
      db,
      config: {
        organisationName: 'Lantern',
        production: true,
        oidc: { issuer: nothingThere, clientId: 'lantern', clientSecret: 'x', name: 'it' },
      },
      warm: { everyScorecard: false },
    });
  });
  after(async () => {
    await app?.close();
    await db?.close();
  });

  it('says the sign-in service cannot be reached, and offers the password form', async () => {
    const v = visitor(app);
    await v.get('/sign-in');
    const res = await v.post('/sign-in/oidc', { next: '/account' });
    assert.equal(res.statusCode, 503);
    assert.match(res.body, /cannot reach your organisation.{1,5}s sign-in service just now/);
    assert.match(res.body, /name="password"/);
  });
});

// Pure, but kept beside the flow it guards: which first sign-ins may match an invitation by e-mail.
describe('trusting the e-mail address a provider gives', () => {
  const tenant = 'https://login.microsoftonline.com/3f2a1b4c-0000-4000-8000-00000000c0de/v2.0';
  const claims = (issuer: string, emailVerified?: boolean) => ({
    issuer,
    subject: 's',
    email: 'a@example.org',
    emailVerified,
  });
  for (const [issuer, verified, trusted] of [
    ['https://idp.example.org', true, true],
    ['https://idp.example.org', false, false],
    ['https://idp.example.org', undefined, false],
    [tenant, undefined, true],
    [tenant, false, false],
    [
      'https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0',
      undefined,
      false,
    ],
    ['https://login.microsoftonline.com/common/v2.0', undefined, false],
  ] as const)
    it(`trusts ${issuer} saying email_verified ${String(verified)}: ${trusted}`, () => {
      assert.equal(emailTrusted(claims(issuer, verified)), trusted);
    });
});
