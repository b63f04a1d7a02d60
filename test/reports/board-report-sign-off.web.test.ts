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
    const issued = await lead.post(`${report}/issue`, { date });
    assert.equal(issued.statusCode, 303, issued.body);
    const edition = await board.get(`${report}?date=${date}`);
    assert.match(edition.body, /Issued edition/);
    assert.match(edition.body, /issued at .* by Lee Lead/);
    assert.match(edition.body, /approved by Lee Lead/);
    assert.doesNotMatch(edition.body, /Newer figures have been imported/);
    const again = await lead.post(`${report}/issue`, { date });
    assert.equal(again.statusCode, 400);

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
});
