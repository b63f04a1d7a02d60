import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listAuditEvents, type Actor } from '../../src/access/audit.service.js';
import {
  createAdministrator,
  inviteUser,
  type UserDetails,
} from '../../src/access/users.service.js';
import type { Database } from '../../src/core/db.js';
import { enginesUnderTest } from '../support/db.js';
import { useDemoApp } from '../support/web.js';
import { visitor, type Visitor } from '../support/web-session.js';

const cli: Actor = { id: null, label: 'command line (test)' };
const password = 'correct horse battery staple';
// Each person their own address: the sign-in forms take 10 attempts a minute from one.
let people = 0;
const nextIp = () => `10.1.${Math.floor(++people / 200)}.${people % 200}`;

/** A person who accepted an invitation: signed in, with their session's cookies. */
async function invited(app: FastifyInstance, token: string): Promise<Visitor> {
  const v = visitor(app, nextIp());
  const form = await v.get(`/invitation/${token}`);
  assert.equal(form.statusCode, 200);
  const done = await v.post(`/invitation/${token}`, { password, confirm: password });
  assert.equal(done.statusCode, 303, done.body);
  assert.equal(done.headers.location, '/account?notice=welcome');
  return v;
}

async function signedIn(app: FastifyInstance, email: string): Promise<Visitor> {
  const v = visitor(app, nextIp());
  await v.get('/sign-in');
  const res = await v.post('/sign-in', { email, password, next: '/account' });
  assert.equal(res.statusCode, 303, res.body);
  return v;
}

// The sessions' SQL is the point: on each engine.
for (const engine of enginesUnderTest())
  describe(`signing in on the web [${engine}]`, () => {
    let app: FastifyInstance;
    let db: Database;
    useDemoApp((t) => ({ app, db } = t), undefined, { engine });

    it('an invitation link sets the password, signs in, and works once', async () => {
      const { token } = await createAdministrator(db, cli, { email: 'ada@example.org' });
      const v = await invited(app, token);
      const account = await v.get('/account?notice=welcome');
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /ada@example\.org/);
      assert.match(account.body, /Your password is set and you are signed in/);
      assert.match(account.body, /href="\/admin\/users"/);
      const again = await visitor(app).get(`/invitation/${token}`);
      assert.equal(again.statusCode, 410);
      assert.match(again.body, /This link has expired or been used/);
    });

    it('keeps the link working when the password is refused, and says why', async () => {
      const { token } = await inviteUser(db, cli, {
        email: 'bo@example.org',
        role: 'la_officer',
        laCodes: [933],
      });
      const v = visitor(app, nextIp());
      await v.get(`/invitation/${token}`);
      const short = await v.post(`/invitation/${token}`, { password: 'short', confirm: 'short' });
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /at least 12 characters/);
      const differ = await v.post(`/invitation/${token}`, { password, confirm: `${password}!` });
      assert.match(differ.body, /are not the same/);
      assert.equal(
        (await v.post(`/invitation/${token}`, { password, confirm: password })).statusCode,
        303,
      );
    });

    it('signs in with a new session id (no fixation), and signs out', async () => {
      const v = visitor(app, nextIp());
      await v.get('/sign-in');
      const before = v.cookies.get('lantern_session');
      assert.ok(before, 'the sign-in form starts a session for its CSRF token');
      const wrong = await v.post('/sign-in', {
        email: 'ada@example.org',
        password: 'not it at all!',
      });
      assert.equal(wrong.statusCode, 401);
      assert.match(wrong.body, /The e-mail address or password is not right/);
      const ok = await v.post('/sign-in', { email: 'ADA@example.org', password, next: '/la/933' });
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, '/la/933');
      const after = v.cookies.get('lantern_session');
      assert.notEqual(after, before);
      // The id planted before sign-in names no one.
      const planted = visitor(app);
      planted.cookies.set('lantern_session', before!);
      assert.equal((await planted.get('/account')).statusCode, 401);
      assert.equal((await v.get('/account')).statusCode, 200);
      await v.get('/account');
      assert.equal((await v.post('/sign-out')).statusCode, 303);
      assert.equal((await v.get('/account')).statusCode, 401);
      const copy = visitor(app);
      copy.cookies.set('lantern_session', after!);
      assert.equal((await copy.get('/account')).statusCode, 401, 'a signed-out session is gone');
    });

    it('goes back to an address holding any letter, %-encoded', async () => {
      const v = visitor(app, nextIp());
      await v.get('/sign-in');
      const res = await v.post('/sign-in', {
        email: 'ada@example.org',
        password,
        next: '/la/933?q=€',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/la/933?q=%E2%82%AC');
    });

    it('goes back only to a page of this site after signing in', async () => {
      for (const next of [
        '//evil.example/x',
        '/\\evil.example',
        'https://evil.example',
        'javascript:alert(1)',
      ]) {
        const v = visitor(app, nextIp());
        await v.get('/sign-in');
        const res = await v.post('/sign-in', { email: 'ada@example.org', password, next });
        assert.equal(res.headers.location, '/account', next);
      }
    });

    it("refuses a form without its CSRF token, or with another session's", async () => {
      const v = visitor(app, nextIp());
      await v.get('/sign-in');
      const none = await v.post('/sign-in', { email: 'ada@example.org', password, _csrf: '' });
      assert.equal(none.statusCode, 403);
      assert.match(none.body, /This form has expired, or was sent from another site/);
      const other = visitor(app, nextIp());
      await other.get('/sign-in');
      const foreign = await v.post('/sign-in', {
        email: 'ada@example.org',
        password,
        _csrf: other.csrf()!,
      });
      assert.equal(foreign.statusCode, 403);
      const signedInVisitor = await signedIn(app, 'ada@example.org');
      await signedInVisitor.get('/account');
      const noTokenSignOut = await signedInVisitor.post('/sign-out', { _csrf: 'x' });
      assert.equal(noTokenSignOut.statusCode, 403);
      assert.equal((await signedInVisitor.get('/account')).statusCode, 200, 'still signed in');
    });

    it('"sign out everywhere" ends every session of the user', async () => {
      const one = await signedIn(app, 'ada@example.org');
      const two = await signedIn(app, 'ada@example.org');
      await one.get('/account');
      assert.equal((await one.post('/account/sign-out-everywhere')).statusCode, 303);
      assert.equal((await one.get('/account')).statusCode, 401);
      assert.equal((await two.get('/account')).statusCode, 401);
    });

    it('ends a session unused for an hour, or 12 hours after it began', async () => {
      const idle = await signedIn(app, 'ada@example.org');
      const long = await signedIn(app, 'ada@example.org');
      await db.query(`update user_session set last_seen_at = now() - interval '61 minutes' where id_hash in
      (select id_hash from user_session order by created_at desc limit 1 offset 1)`);
      assert.equal((await idle.get('/account')).statusCode, 401);
      assert.equal((await long.get('/account')).statusCode, 200);
      await db.query(`update user_session set expires_at = now() - interval '1 second'`);
      assert.equal((await long.get('/account')).statusCode, 401);
    });

    it("gives a disabled user's session nothing", async () => {
      const { token } = await inviteUser(db, cli, {
        email: 'cy@example.org',
        role: 'la_analyst',
        laCodes: [933],
      });
      const v = await invited(app, token);
      assert.equal((await v.get('/account')).statusCode, 200);
      await db.query(`update app_user set status = 'disabled' where email = 'cy@example.org'`);
      assert.equal((await v.get('/account')).statusCode, 401);
    });

    it('serves the same public page, and no cookie, whoever is signed in', async () => {
      const sessionCookie = (res: { cookies: { name: string }[] }) =>
        res.cookies.filter((c) => c.name === 'lantern_session');
      const anonymous = await app.inject('/la/933');
      assert.deepEqual(sessionCookie(anonymous), []);
      const v = await signedIn(app, 'ada@example.org');
      const mine = await v.get('/la/933');
      assert.deepEqual(sessionCookie(mine), []);
      assert.equal(mine.body, anonymous.body);
      assert.equal(mine.headers['x-lantern-cache'], 'hit');
    });

    it('locks the account after 5 wrong passwords, saying no more than for a wrong one', async () => {
      const { token } = await inviteUser(db, cli, {
        email: 'di@example.org',
        role: 'board_member',
        laCodes: [933],
      });
      await invited(app, token);
      const v = visitor(app, '10.0.0.5');
      await v.get('/sign-in');
      let last;
      for (let i = 0; i < 5; i++)
        last = await v.post('/sign-in', {
          email: 'di@example.org',
          password: 'wrong password here',
        });
      const right = await v.post('/sign-in', { email: 'di@example.org', password });
      assert.equal(right.statusCode, 401, 'the right password does not open a locked account');
      // Locked, wrong and unknown read alike: the page tells no one who has an account.
      const unknown = await v.post('/sign-in', { email: 'nobody@example.org', password });
      const problem = (body: string) =>
        /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1];
      assert.match(problem(right.body) ?? '', /locked for 15 minutes/);
      assert.equal(problem(right.body), problem(unknown.body));
      assert.equal(problem(last!.body), problem(unknown.body));
    });

    it('slows guessing from one address: the 11th attempt in a minute is a 429', async () => {
      const v = visitor(app, '10.0.0.9');
      await v.get('/sign-in');
      const statuses = [];
      for (let i = 0; i < 11; i++)
        statuses.push(
          (await v.post('/sign-in', { email: `x${i}@example.org`, password: 'p' })).statusCode,
        );
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
      assert.equal(statuses[10], 429);
      assert.equal((await visitor(app, '10.0.0.10').get('/sign-in')).statusCode, 200);
    });

    it('records sign-in, failure, sign-out and invitation in the audit log, with the address', async () => {
      const actions = (await listAuditEvents(db, {})).map((e) => e.action);
      for (const a of [
        'invitation-accepted',
        'sign-in',
        'sign-in-failed',
        'sign-out',
        'signed-out-everywhere',
      ])
        assert.ok(actions.includes(a), a);
      const signIn = (await listAuditEvents(db, { action: 'sign-in' }))[0]!;
      assert.match(signIn.ip ?? '', /^10\.1\./);
    });
  });

describe('signing in behind https', () => {
  let app: FastifyInstance;
  useDemoApp((t) => ({ app } = t), {
    organisationName: 'Lantern',
    production: true,
    baseUrl: 'https://lantern.example.org',
    trustProxy: 1,
  });

  it('sets a Secure cookie over https (a proxy saying so), and says why it cannot over http', async () => {
    const https = await app.inject({ url: '/sign-in', headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(https.statusCode, 200);
    const cookie = https.cookies.find((c) => c.name === 'lantern_session');
    assert.equal(cookie?.secure, true);
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, 'Lax');
    const http = await app.inject('/sign-in');
    assert.equal(http.statusCode, 400);
    assert.match(http.body, /reached over http, but Lantern is set up for https/);
    assert.match(http.body, /LANTERN_TRUST_PROXY=1/);
    assert.equal((await app.inject('/la/933')).statusCode, 200, 'published pages still answer');
  });
});

describe('restricted pages never cross users', () => {
  let app: FastifyInstance;
  let db: Database;
  useDemoApp((t) => ({ app, db } = t));

  it("gives each user their own account page, never another's, and keeps none in the cache", async () => {
    const made = [];
    const people: UserDetails[] = [
      { email: 'one@example.org', role: 'la_officer', laCodes: [933] },
      { email: 'two@example.org', role: 'headteacher', urns: [123456] },
    ];
    for (const details of people) {
      const { email } = details;
      const { token } = await inviteUser(db, cli, details);
      made.push({ email, v: await invitedAt(app, token) });
    }
    for (let round = 0; round < 2; round++) {
      for (const { email, v } of made) {
        const res = await v.get('/account');
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['x-lantern-cache'], undefined);
        assert.match(res.body, new RegExp(email.replace('.', '\\.')));
        for (const other of made.filter((m) => m.email !== email))
          assert.doesNotMatch(res.body, new RegExp(other.email.replace('.', '\\.')));
      }
    }
    assert.match((await made[1]!.v.get('/account')).body, /URN 123456/);
    assert.equal((await app.inject('/account')).statusCode, 401);
  });

  it('answers an expired invitation link with 410 and the way on', async () => {
    const { token } = await inviteUser(db, cli, {
      email: 'late@example.org',
      role: 'governor',
      urns: [123456],
    });
    await db.query(`update one_time_link set expires_at = now() - interval '1 second'`);
    const res = await app.inject(`/invitation/${token}`);
    assert.equal(res.statusCode, 410);
    assert.match(res.body, /This link has expired or been used/);
    assert.match(res.body, /Ask your Lantern administrator for a new link/);
    const [refused] = await listAuditEvents(db, { action: 'link-refused' });
    assert.deepEqual(refused?.details, { purpose: 'invitation' });
  });

  it('refuses a form body over 16 KB', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${'a'.repeat(20_000)}`,
    });
    assert.equal(res.statusCode, 413);
    assert.doesNotMatch(res.body, /at .*\.ts:\d+/);
  });
});

async function invitedAt(app: FastifyInstance, token: string): Promise<Visitor> {
  const v = visitor(app, nextIp());
  await v.get(`/invitation/${token}`);
  const res = await v.post(`/invitation/${token}`, { password, confirm: password });
  assert.equal(res.statusCode, 303);
  return v;
}

describe('behind one proxy', () => {
  let app: FastifyInstance;
  useDemoApp((t) => ({ app } = t), {
    organisationName: 'Lantern',
    production: true,
    trustProxy: 1,
  });

  it('counts attempts by the address the proxy saw, not one the client wrote', async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/sign-in',
        remoteAddress: '10.9.9.9',
        // The client's own part first, then what the proxy appended (the real peer).
        headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` },
        payload: {},
      });
      statuses.push(res.statusCode);
    }
    assert.equal(statuses[10], 429);
  });
});
