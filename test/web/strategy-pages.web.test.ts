/**
 * The strategy pages on the demo data: an officer sees every target's status and updates an
 * action through the form (audited, shown at once); a board member reads but cannot update;
 * another LA's staff and nobody signed in see nothing.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listAuditEvents } from '../../src/access/audit.service.js';
import { inviteUser } from '../../src/access/users.service.js';
import type { Database } from '../../src/core/db.js';
import { importStrategy } from '../../src/strategy/strategy.service.js';
import { acceptedInvitation, type Visitor } from '../support/web-session.js';
import { readingStrategy } from '../support/strategy-fixture.js';
import { useDemoApp } from '../support/web.js';

const admin = { id: null, label: 'command line (test@host)' };
const password = 'a long enough test password 7';

async function person(db: Database, app: FastifyInstance, role: string, la: number) {
  const email = `${role}.${la}@example.org`;
  const { token } = await inviteUser(db, admin, { email, role, laCodes: [la] });
  return acceptedInvitation(app, token, password);
}

describe('strategy pages', () => {
  let db: Database;
  let app: FastifyInstance;
  let id = '';
  let officer: Visitor;
  let board: Visitor;
  let elsewhere: Visitor;
  useDemoApp((t) => ({ db, app } = t));

  before(async () => {
    ({ id } = await importStrategy(db, admin, readingStrategy, 'reading.yaml'));
    officer = await person(db, app, 'la_officer', 933);
    board = await person(db, app, 'board_member', 933);
    elsewhere = await person(db, app, 'la_officer', 343);
  });

  it('lists the LA’s strategies and shows each target’s status with its reason', async () => {
    const list = await officer.get('/la/933/strategies');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`href="/la/933/strategies/${id}"`));
    const page = await officer.get(`/la/933/strategies/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Are we achieving our targets\?/);
    assert.match(page.body, /Are we getting better\?/);
    assert.equal((page.body.match(/class="govuk-tag govuk-tag--/g) ?? []).length, 2);
    const target = await officer.get(`/la/933/strategies/${id}/targets/top-quartile`);
    assert.equal(target.statusCode, 200);
    assert.match(target.body, /upper-quartile cut point/);
    const csv = await officer.get(
      `/la/933/strategies/${id}/targets/top-quartile?download=csv&table=figures`,
    );
    assert.match(csv.body, /^\uFEFF?Year,Somerset,Line to reach,Reached/);
    assert.match(csv.body, /Measure: KS2 reading, writing and maths \(DEMO_KS2_RWM\)/);
  });

  it('shows a target’s chart with the target year, the region and a legend, and a short caption', async () => {
    const target = await officer.get(`/la/933/strategies/${id}/targets/top-quartile`);
    assert.match(target.body, /<svg[^>]*role="img"/);
    assert.match(target.body, />Target year</);
    assert.match(target.body, />South West</);
    assert.match(target.body, /<caption[^>]*>\s*Each year’s figure and the line to reach\s*</);
  });

  it('lets an officer add a progress update through the form, audited and shown at once', async () => {
    const url = `/la/933/strategies/${id}/actions/fluency`;
    const form = await officer.get(url);
    assert.match(form.body, /Add a progress update/);
    assert.match(form.body, /Overdue by|overdue/i);
    const refused = await officer.post(url, { status: 'at_risk', text: ' ', date: '' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Enter what has happened since the last update/);
    const saved = await officer.post(url, {
      status: 'at_risk',
      // Lines, as a textarea sends them.
      text: 'Two schools withdrew.\r\nA third joined.',
      date: '2026-11-30',
    });
    assert.equal(saved.statusCode, 303, saved.body);
    const confirmed = await officer.get(String(saved.headers.location));
    assert.match(confirmed.body, /Update saved/);
    const after = await officer.get(url);
    assert.match(after.body, /Two schools withdrew\./);
    assert.doesNotMatch(after.body, /Update saved/);
    assert.match(
      after.body,
      /Owner&#39;s rating\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*At risk/,
    );
    const events = await listAuditEvents(db, { action: 'strategy.action.update' });
    assert.ok(
      events.some(
        (e) => e.targetId === `${id}/fluency` && e.actor === 'la_officer.933@example.org',
      ),
    );
    const history = await officer.get(`/la/933/strategies/${id}/history`);
    assert.equal(history.statusCode, 200);
    assert.match(history.body, /Progress update on an action/);
    assert.match(history.body, /fluency: On track → At risk \(update of 2026-11-30\)/);
    assert.match(history.body, /Strategy imported from a file/);
    // Who looked is in the audit log, but a strategy's history shows only what changed.
    assert.doesNotMatch(history.body, /<td class="govuk-table__cell">read<\/td>/);
    const reads = await listAuditEvents(db, { action: 'read' });
    assert.ok(reads.some((e) => e.targetKind === 'strategy' && e.targetId === id));
  });

  it('lets a board member read but not update, and shows another LA’s staff and nobody nothing', async () => {
    const url = `/la/933/strategies/${id}/actions/fluency`;
    const read = await board.get(url);
    assert.equal(read.statusCode, 200);
    assert.doesNotMatch(read.body, /Add a progress update/);
    const post = await board.post(url, { status: 'done', text: 'Finished.' });
    assert.equal(post.statusCode, 403);
    assert.equal((await elsewhere.get(`/la/933/strategies/${id}`)).statusCode, 403);
    // Under their own LA's address, row security hides the strategy: not found.
    assert.equal((await elsewhere.get(`/la/343/strategies/${id}`)).statusCode, 404);
    assert.equal((await app.inject(`/la/933/strategies/${id}`)).statusCode, 401);
  });

  it('lets an officer enter a local measure’s values, naming the line of a mistake', async () => {
    const file = readingStrategy
      .replace(
        'priorities:',
        'localMeasures:\n  - { code: clubs, name: Pupils in reading clubs, unit: pupils, polarity: high, period: academic year, decimalPlaces: 0 }\npriorities:',
      )
      .replace(
        '            targets:\n              - { key: top-quartile',
        '            targets:\n              - { key: top-quartile',
      )
      .replace(
        '      - key: ks2\n',
        '      - key: clubs-aim\n        title: Reading clubs\n        measures:\n          - { key: clubs-m, name: Pupils in reading clubs, local: clubs, targets: [{ key: clubs-500, kind: value, value: 500, by: "2025/26" }] }\n      - key: ks2\n',
      );
    const local = (await importStrategy(db, admin, file, 'clubs.yaml')).id;
    const url = `/la/933/strategies/${local}/local-measures/clubs`;
    const page = await officer.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /No values entered yet/);
    const bad = await officer.post(url, { values: '2023/24, 310\n2024/25, lots' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Line 2, value: &quot;lots&quot; is not a number/);
    const ok = await officer.post(url, { values: '2023/24, 310\n2024/25, 420, Summer count' });
    assert.equal(ok.statusCode, 303, ok.body);
    const after = await officer.get(String(ok.headers.location));
    assert.match(after.body, /Summer count/);
    assert.match(after.body, /Values saved/);
    assert.doesNotMatch(after.body, /saved=yes&amp;download|download=csv[^"]*saved/);
    const target = await officer.get(`/la/933/strategies/${local}/targets/clubs-500`);
    assert.match(target.body, /420 in 2024\/25/);
    assert.equal((await board.post(url, { values: '2025/26, 900' })).statusCode, 403);
    const history = await officer.get(`/la/933/strategies/${local}/history`);
    assert.match(history.body, /Local measure values entered/);
  });
});
