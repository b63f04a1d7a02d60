import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listAuditEvents, type Actor } from '../../src/access/audit.service.js';
import { createAdministrator, inviteUser } from '../../src/access/users.service.js';
import type { Database } from '../../src/core/db.js';
import { enginesUnderTest } from '../support/db.js';
import { useDemoApp } from '../support/web.js';
import { acceptedInvitation, signedInVisitor, type Visitor } from '../support/web-session.js';

const cli: Actor = { id: null, label: 'command line (test)' };
const password = 'a long enough password';
const linkIn = (body: string) => /<code>(http:\/\/[^<]+)<\/code>/.exec(body)?.[1];
const tokenOf = (link: string) => link.split('/').pop()!;

for (const engine of enginesUnderTest())
  describe(`administration pages [${engine}]`, () => {
    let app: FastifyInstance;
    let db: Database;
    let admin: Visitor;
    useDemoApp((t) => ({ app, db } = t), undefined, { engine });

    it('lets the first administrator invite an LA officer, whose link works once', async () => {
      const { token } = await createAdministrator(db, cli, { email: 'admin@example.org' });
      admin = await acceptedInvitation(app, token, password);
      assert.equal((await admin.get('/admin/users/invite')).statusCode, 200);
      const res = await admin.post('/admin/users/invite', {
        email: 'officer@example.org',
        name: 'Olu Officer',
        role: 'la_officer',
        las: '933, 800',
        schools: '',
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(res.body, /An invitation link is made/);
      const link = linkIn(res.body);
      assert.ok(link?.startsWith('http://127.0.0.1:3000/invitation/'), link);
      const officer = await acceptedInvitation(app, tokenOf(link!), password);
      const account = await officer.get('/account');
      assert.match(account.body, /Somerset \(933\)/);
      assert.doesNotMatch(account.body, /href="\/admin\/users"/);
    });

    it('names each problem of the invitation form at its field', async () => {
      await admin.get('/admin/users/invite');
      const res = await admin.post('/admin/users/invite', {
        email: 'not an address',
        role: 'la_analyst',
        las: '999, x1',
        schools: '',
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /<title>Error: Invite a user/);
      assert.match(res.body, /href="#email">&quot;not an address&quot; is not an e-mail address/);
      assert.match(res.body, /href="#las">LA codes are numbers: x1/);
      assert.match(res.body, /href="#las">No local authority has the code 999/);
      const again = await admin.post('/admin/users/invite', {
        email: 'officer@example.org',
        role: 'la_officer',
        las: '933',
      });
      assert.match(again.body, /officer@example\.org has an account already/);
      const head = await admin.post('/admin/users/invite', {
        email: 'h@example.org',
        role: 'headteacher',
        las: '933',
      });
      assert.match(head.body, /The role Headteacher needs at least one school/);
    });

    it('lists users, downloadable as CSV and XLSX', async () => {
      const list = await admin.get('/admin/users');
      assert.match(list.body, /Olu Officer/);
      // Restricted answers are kept by no browser; the published pages may be.
      assert.equal(list.headers['cache-control'], 'no-store');
      assert.equal((await admin.get('/account')).headers['cache-control'], 'no-store');
      assert.notEqual((await admin.get('/la/933')).headers['cache-control'], 'no-store');
      const csv = await admin.get('/admin/users?download=csv&table=users');
      assert.equal(csv.headers['cache-control'], 'no-store');
      assert.equal(csv.statusCode, 200);
      assert.match(
        csv.body,
        /officer@example\.org,LA officer,"Somerset \(933\), Bath and North East Somerset \(800\)",Active/,
      );
      const xlsx = await admin.get('/admin/users?download=xlsx&table=users');
      assert.equal(xlsx.statusCode, 200);
      assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    });

    it('makes a reset link for an active user and disables an account, ending its sessions', async () => {
      const officer = await signedInVisitor(app, 'officer@example.org', password);
      const users = await admin.get('/admin/users');
      const id = /href="\/admin\/users\/([0-9a-f-]{36})">Olu Officer/.exec(users.body)![1]!;
      await admin.get(`/admin/users/${id}`);
      const reset = await admin.post(`/admin/users/${id}/link`);
      assert.match(reset.body, /A password reset link is made/);
      assert.match(linkIn(reset.body)!, /\/password-reset\//);
      await admin.get(`/admin/users/${id}`);
      assert.equal((await admin.post(`/admin/users/${id}/disable`)).statusCode, 303);
      assert.match((await admin.get(`/admin/users/${id}`)).body, /Disabled/);
      assert.equal((await officer.get('/account')).statusCode, 401);
    });

    it("changes a user's role and scope, taking effect on their next page, audited", async () => {
      const { token } = await inviteUser(db, cli, {
        email: 'gil@example.org',
        role: 'la_analyst',
        laCodes: [933],
      });
      const gil = await acceptedInvitation(app, token, password);
      assert.match((await gil.get('/account')).body, /LA analyst/);
      const users = await admin.get('/admin/users');
      const id = /href="\/admin\/users\/([0-9a-f-]{36})">gil</.exec(users.body)![1]!;
      const form = await admin.get(`/admin/users/${id}/access`);
      assert.match(form.body, /value="933"/);
      const bad = await admin.post(`/admin/users/${id}/access`, {
        role: 'headteacher',
        las: '933',
        schools: '',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /needs at least one school/);
      const ok = await admin.post(`/admin/users/${id}/access`, {
        role: 'headteacher',
        las: '',
        schools: '123456',
      });
      assert.equal(ok.statusCode, 303);
      const account = (await gil.get('/account')).body;
      assert.match(account, /Headteacher/);
      assert.match(account, /URN 123456/);
      const [change] = await listAuditEvents(db, { action: 'user-access-changed' });
      assert.deepEqual(
        [
          (change!.details.before as { role: string }).role,
          (change!.details.after as { role: string }).role,
        ],
        ['la_analyst', 'headteacher'],
      );
    });

    it('answers an unknown user id with 404', async () => {
      assert.equal(
        (await admin.get('/admin/users/00000000-0000-0000-0000-000000000000')).statusCode,
        404,
      );
      assert.equal((await admin.get('/admin/users/nope')).statusCode, 404);
    });

    it('shows the audit log newest first, filtered, and records that it was read', async () => {
      const page = await admin.get('/admin/audit?action=user-invited');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /officer@example\.org/);
      assert.doesNotMatch(page.body, /<td class="govuk-table__cell">sign-in<\/td>/);
      const bad = await admin.get('/admin/audit?from=1/12/2026');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Write the “from” date as year-month-day/);
      // A day that does not exist (Date.parse would roll it into March).
      const noSuchDay = await admin.get('/admin/audit?to=2026-02-30');
      assert.equal(noSuchDay.statusCode, 400);
      assert.match(noSuchDay.body, /Write the “to” date as year-month-day/);
      const today = new Date().toISOString().slice(0, 10);
      const csv = await admin.get(
        `/admin/audit?from=${today}&to=${today}&download=csv&table=audit`,
      );
      assert.match(csv.body, /user-disabled/);
      const reads = await listAuditEvents(db, { action: 'read' });
      assert.ok(reads.some((e) => e.targetKind === 'audit-log' && e.actor === 'admin@example.org'));
    });

    it('escapes hostile names and addresses on every page that shows them', async () => {
      const hostile = '<script>alert(1)</script>"\'><img src=x onerror=alert(2)>';
      const { token } = await inviteUser(db, cli, {
        email: "=HYPERLINK('x')&evil@example.org",
        displayName: hostile,
        role: 'la_analyst',
        laCodes: [933],
      });
      const evil = await acceptedInvitation(app, token, password);
      const users = await admin.get('/admin/users');
      const id = /href="\/admin\/users\/([0-9a-f-]{36})">&lt;script&gt;/.exec(users.body)?.[1];
      assert.ok(id, 'the name is listed, escaped');
      const pages = [
        (await evil.get('/account')).body,
        users.body,
        (await admin.get(`/admin/users/${id}`)).body,
        (await admin.get('/admin/audit')).body,
      ];
      for (const body of pages) {
        assert.doesNotMatch(body, /<script>alert|<img src=x/);
      }
      const csv = await admin.get('/admin/users?download=csv&table=users');
      assert.match(csv.body, /,'=HYPERLINK/, 'a cell that would start a formula is neutralised');
    });

    it('refuses every administration page to a headteacher (403) and to nobody (401)', async () => {
      const { token } = await inviteUser(db, cli, {
        email: 'head@example.org',
        role: 'headteacher',
        urns: [123456],
      });
      const head = await acceptedInvitation(app, token, password);
      for (const url of ['/admin/users', '/admin/users/invite', '/admin/audit'])
        assert.equal((await head.get(url)).statusCode, 403, url);
      await head.get('/account');
      assert.equal(
        (await head.post('/admin/users/invite', { email: 'x@example.org', role: 'administrator' }))
          .statusCode,
        403,
      );
      assert.equal((await app.inject('/admin/users')).statusCode, 401);
    });
  });
