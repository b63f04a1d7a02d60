/**
 * Signing off the board report: an officer drafts a priority's commentary, only the strategy's
 * lead approves it and issues the report, and the issued edition never changes: opening it
 * after a later import shows what the board saw, and says newer figures exist.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listAuditEvents } from '../../src/access/audit.service.js';
import { inviteUser } from '../../src/access/users.service.js';
import type { Database } from '../../src/core/db.js';
import { recordRelease } from '../../src/measures/releases.repository.js';
import { importStrategy } from '../../src/strategy/strategy.service.js';
import { readingStrategy } from '../support/strategy-fixture.js';
import { acceptedInvitation, type Visitor } from '../support/web-session.js';
import { useDemoApp } from '../support/web.js';

const date = '2026-03-31';
const password = 'a long enough test password 7';
const admin = { id: null, label: 'test' };

describe('signing off the board report', () => {
  let db: Database;
  let app: FastifyInstance;
  let lead: Visitor;
  let officer: Visitor;
  let board: Visitor;
  let report = '';
  useDemoApp((t) => ({ db, app } = t));

  const person = async (email: string, role: string, displayName: string) => {
    const { token } = await inviteUser(db, admin, { email, role, laCodes: [933], displayName });
    return acceptedInvitation(app, token, password);
  };

  before(async () => {
    const file = readingStrategy.replace('period:', 'lead: lead@example.org\nperiod:');
    const { id } = await importStrategy(db, admin, file, 'reading.yaml');
    report = `/la/933/strategies/${id}/report`;
    lead = await person('lead@example.org', 'la_officer', 'Lee Lead');
    officer = await person('owner@example.org', 'la_officer', 'Owen Owner');
    board = await person('board@example.org', 'board_member', 'Bea Board');
  });

  it('lets an owner draft commentary, and only the lead approve it', async () => {
    await officer.get(`${report}?date=${date}`);
    const saved = await officer.post(`${report}/commentary`, {
      date,
      priority: 'reading',
      body: 'Reading rose in most schools.',
    });
    assert.equal(saved.statusCode, 303, saved.body);
    const page = await officer.get(`${report}?date=${date}`);
    assert.match(page.body, /Reading rose in most schools\./);
    assert.match(page.body, /Draft, not yet approved/);
    assert.doesNotMatch(page.body, /Approve this commentary/);
    // Not yet for the board: a draft is shown to the officers writing and approving it.
    assert.doesNotMatch((await board.get(`${report}?date=${date}`)).body, /Reading rose/);
    assert.match(page.body, /Not yet issued/);
    const refused = await officer.post(`${report}/approve`, { date, priority: 'reading' });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Only the strategy(&#39;|')s lead \(lead@example.org\)/);
    assert.equal(
      (await board.post(`${report}/approve`, { date, priority: 'reading' })).statusCode,
      403,
    );

    await lead.get(`${report}?date=${date}`);
    assert.match(
      (await lead.get(`${report}?date=${date}`)).body,
      /1 priority has draft commentary/,
    );
    assert.equal(
      (await lead.post(`${report}/approve`, { date, priority: 'reading' })).statusCode,
      303,
    );
  });

  it('issues an edition that never changes, and says when newer figures exist', async () => {
    await lead.get(`${report}?date=${date}`);
    // The first press asks: issuing cannot be undone.
    const asked = await lead.post(`${report}/issue`, { date });
    assert.equal(asked.statusCode, 200, asked.body);
    assert.match(asked.body, /Issue the board report for 31 March 2026\?/);
    assert.match(asked.body, /never changes/);
    assert.match(asked.body, /name="confirm" value="yes"/);
    assert.match((await board.get(`${report}?date=${date}`)).body, /Not yet issued/);
    const issued = await lead.post(`${report}/issue`, { date, confirm: 'yes' });
    assert.equal(issued.statusCode, 303, issued.body);
    const edition = await board.get(`${report}?date=${date}`);
    assert.match(edition.body, /Issued edition/);
    assert.match(edition.body, /issued at .* by Lee Lead/);
    assert.match(edition.body, /approved by Lee Lead/);
    assert.doesNotMatch(edition.body, /Newer figures have been imported/);
    const again = await lead.post(`${report}/issue`, { date, confirm: 'yes' });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /There is a problem/);
    assert.match(again.body, /has been issued: an issued edition never changes/);

    await recordRelease(db, {
      source: 'demo',
      description: 'a later import',
      fileName: 'later.csv',
      checksumSha256: 'x',
      rowCount: 1,
    });
    const later = await board.get(`${report}?date=${date}`);
    assert.match(later.body, /Newer figures have been imported since/);
    await assert.rejects(
      db.query(`update board_report_edition set issued_by = 'someone else'`),
      /never changes once issued/,
    );
    await assert.rejects(db.query('delete from board_report_edition'), /never changes once issued/);
    const pdf = await board.get(`${report}?date=${date}&format=pdf`);
    assert.equal(pdf.headers['content-type'], 'application/pdf');

    const actions = (await listAuditEvents(db, {})).map((e) => e.action);
    for (const a of ['report.commentary.draft', 'report.commentary.approve', 'report.issue'])
      assert.ok(actions.includes(a), a);
  });

  it('puts a refused step back on the page, beside its field', async () => {
    const d = '2026-05-31';
    await officer.get(`${report}?date=${d}`);
    const empty = await officer.post(`${report}/commentary`, {
      date: d,
      priority: 'reading',
      body: ' ',
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /govuk-error-summary/);
    assert.match(empty.body, /href="#commentary-reading"/);
    assert.match(empty.body, /id="commentary-reading-error"/);
    assert.match(empty.body, /<details class="govuk-details lantern-report-controls" open>/);
    await lead.get(`${report}?date=${d}`);
    const nothing = await lead.post(`${report}/approve`, { date: d, priority: 'reading' });
    assert.equal(nothing.statusCode, 400);
    assert.match(nothing.body, /There is no draft commentary for that priority to approve/);
    assert.match(nothing.body, /board monitoring report/);
  });

  it("holds an officer's action update for the lead's approval", async () => {
    const d = '2026-07-31';
    const actionPage = report.replace('/report', '/actions/fluency');
    await officer.get(actionPage);
    const saved = await officer.post(actionPage, {
      date: '2026-07-01',
      status: 'at_risk',
      text: 'Two schools have paused the programme.',
    });
    assert.equal(saved.statusCode, 303, saved.body);
    const after = await officer.get(`${actionPage}?saved=yes`);
    assert.match(after.body, /Awaiting approval/);
    assert.match(after.body, /once lead@example.org approves it/);
    // The rating stays the owner's last approved one until the lead approves.
    assert.match(after.body, /Owner(&#39;|')s rating\s*<\/dt>\s*<dd[^>]*>\s*On track/);
    assert.doesNotMatch((await board.get(`${report}?date=${d}`)).body, /paused the programme/);
    // Nor on the action's page or in the tracker for the board, until approved.
    assert.doesNotMatch((await board.get(actionPage)).body, /paused the programme/);
    const tracker = report.replace('/report', '/actions');
    assert.doesNotMatch((await board.get(tracker)).body, /paused the programme/);
    assert.doesNotMatch((await officer.get(tracker)).body, /paused the programme/);
    const leadView = await lead.get(`${report}?date=${d}`);
    assert.match(leadView.body, /Action updates awaiting the lead(&#39;|')s approval/);
    assert.match(leadView.body, /1 action update awaits your approval/);
    assert.doesNotMatch(leadView.body, /Issue the report for/);
    const refused = await lead.post(`${report}/issue`, { date: d, confirm: 'yes' });
    assert.equal(refused.statusCode, 400);
    assert.match(
      refused.body,
      /Approve the action updates awaiting approval first: “Reading fluency programme”/,
    );
    assert.equal(
      (await officer.post(`${report}/approve-updates`, { date: d, priority: 'reading' }))
        .statusCode,
      403,
    );
    const approved = await lead.post(`${report}/approve-updates`, { date: d, priority: 'reading' });
    assert.equal(approved.statusCode, 303, approved.body);
    const boardView = await board.get(`${report}?date=${d}`);
    assert.match(boardView.body, /paused the programme/);
    assert.match(boardView.body, /At risk/);
    const page = await board.get(actionPage);
    assert.doesNotMatch(page.body, /Awaiting approval/);
    assert.match(page.body, /approved by Lee Lead/);
    const actions = (await listAuditEvents(db, {})).map((e) => e.action);
    assert.ok(actions.includes('strategy.action.approve'));
  });
});
