/**
 * A published strategy on the web (issue 9: "the public sees nothing unless the strategy is
 * published"): nobody signed in, and staff of another LA, read its targets, its actions and the
 * updates its lead approved, at the strategy's one address; never its risks, the updates awaiting
 * approval, the e-mail addresses, the board's report or the history. An unpublished strategy
 * asks them to sign in, or refuses them.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { inviteUser } from '../../src/access/users.service.js';
import type { Database } from '../../src/core/db.js';
import { importStrategy } from '../../src/strategy/strategy.service.js';
import { publishedStrategy } from '../support/published-fixture.js';
import { readingStrategy } from '../support/strategy-fixture.js';
import { acceptedInvitation, visitor, type Visitor } from '../support/web-session.js';
import { useDemoApp } from '../support/web.js';

const admin = { id: null, label: 'command line (test@host)' };
const password = 'a long enough test password 7';
const secrets = [
  /Secret risk/,
  /Secret draft/,
  /lead\.933@example\.org/,
  /Awaiting approval/,
  /Ann Officer/,
];

describe('a published strategy, for the public and for other LAs', () => {
  let db: Database;
  let app: FastifyInstance;
  let published = '';
  let unpublished = '';
  let public_: Visitor;
  let bath: Visitor;
  let somerset: Visitor;
  useDemoApp((t) => ({ db, app } = t));

  const person = async (email: string, laCodes: number[]) => {
    const { token } = await inviteUser(db, admin, { email, role: 'la_officer', laCodes });
    return acceptedInvitation(app, token, password);
  };

  before(async () => {
    const p = await importStrategy(db, admin, publishedStrategy, 'published.yaml');
    const u = await importStrategy(db, admin, readingStrategy, 'reading.yaml');
    published = `/la/933/strategies/${p.id}`;
    unpublished = `/la/933/strategies/${u.id}`;
    public_ = visitor(app);
    bath = await person('officer.800@example.org', [800]);
    somerset = await person('officer.933@example.org', [933]);
  });

  const pages = () => [
    published,
    `${published}/targets/top-quartile`,
    `${published}/actions`,
    `${published}/actions/fluency`,
  ];

  it('lists only the published strategies to those outside the LA', async () => {
    for (const who of [public_, bath]) {
      const list = await who.get('/la/933/strategies');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, />Reading for all, published<\/a>/);
      assert.doesNotMatch(list.body, />Reading for all<\/a>/);
    }
    const own = await somerset.get('/la/933/strategies');
    assert.match(own.body, />Reading for all<\/a>/);
  });

  it('shows its targets, actions and approved updates, and nothing the LA keeps', async () => {
    for (const who of [public_, bath]) {
      for (const url of pages()) {
        const res = await who.get(url);
        assert.equal(res.statusCode, 200, url);
        for (const secret of secrets) assert.doesNotMatch(res.body, secret, `${url} ${secret}`);
        assert.doesNotMatch(res.body, /\/report"|\/history"|name="_csrf"/, url);
      }
      const action = await who.get(`${published}/actions/fluency`);
      assert.match(action.body, /Approved progress on fluency/);
      const overview = await who.get(published);
      assert.match(overview.body, /Targets: Every child reads well/);
    }
  });

  it('shows the LA’s own staff everything, the risks included', async () => {
    const overview = await somerset.get(published);
    assert.match(overview.body, /Risks: Every child reads well/);
    assert.match(overview.body, /Secret risk of losing the grant/);
    assert.match(overview.body, /\/report"/);
    const action = await somerset.get(`${published}/actions/fluency`);
    assert.match(action.body, /Secret draft not yet approved/);
  });

  it('asks the public to sign in for an unpublished strategy, and refuses other LAs', async () => {
    for (const url of [unpublished, `${unpublished}/actions`, `${published}/report`]) {
      assert.equal((await public_.get(url)).statusCode, 401, url);
      assert.equal((await bath.get(url)).statusCode, 403, url);
    }
    assert.match((await public_.get(unpublished)).body, /not published/);
  });

  it('never serves the public a copy judged for the LA’s staff', async () => {
    await somerset.get(published);
    const again = await public_.get(published);
    assert.doesNotMatch(again.body, /Secret risk/);
    assert.equal(again.headers['cache-control'], 'no-store');
  });

  it('is published and withdrawn by its lead, audited, and the public follows', async () => {
    const overview = await somerset.get(unpublished);
    assert.match(overview.body, /Publish this strategy/);
    // First what the public will and will not see, and nothing published yet.
    const ask = await somerset.post(`${unpublished}/publish`, { published: 'yes' });
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /Publish Reading for all\?/);
    assert.match(ask.body, /They will not see its risks/);
    assert.equal((await public_.get(unpublished)).statusCode, 401);
    const done = await somerset.post(`${unpublished}/publish`, {
      published: 'yes',
      confirm: 'yes',
    });
    assert.equal(done.statusCode, 303);
    assert.match(
      (await somerset.get(String(done.headers.location))).body,
      /Published: anyone can now read/,
    );
    assert.equal((await public_.get(unpublished)).statusCode, 200);
    assert.match((await somerset.get(unpublished)).body, /Withdraw from the public/);
    await somerset.post(`${unpublished}/publish`, { published: 'no' });
    assert.equal((await public_.get(unpublished)).statusCode, 401);
    const events = await db.query<{ action: string }>(
      `select action from audit_event where action like 'strategy.publish' or action like 'strategy.withdraw' order by id`,
    );
    assert.deepEqual(
      events.map((e) => e.action),
      ['strategy.publish', 'strategy.withdraw'],
    );
  });

  it('lets no one but the lead publish or withdraw a strategy with a lead', async () => {
    const overview = await somerset.get(published);
    assert.doesNotMatch(overview.body, /Withdraw from the public/);
    const refused = await somerset.post(`${published}/publish`, { published: 'no' });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Only the strategy(’|'|&#39;)s lead \(lead\.933@example\.org\)/);
    assert.equal((await public_.get(published)).statusCode, 200);
  });
});
