/**
 * One priority's page: its counts (the overview's, by the one rule), its targets, its actions
 * and, for the LA's staff, its risks; every table downloadable; another priority's targets and
 * actions never on it; the public reads it once the strategy is published, without the risks.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { inviteUser } from '../../src/access/users.service.js';
import type { Database } from '../../src/core/db.js';
import { importStrategy } from '../../src/strategy/strategy.service.js';
import { publishedStrategy } from '../support/published-fixture.js';
import { twoPriorityStrategy } from '../support/strategy-fixture.js';
import { acceptedInvitation, visitor, type Visitor } from '../support/web-session.js';
import { useDemoApp } from '../support/web.js';

const admin = { id: null, label: 'command line (test@host)' };

describe('a priority’s own page', () => {
  let db: Database;
  let app: FastifyInstance;
  let two = '';
  let published = '';
  let officer: Visitor;
  useDemoApp((t) => ({ db, app } = t));

  before(async () => {
    two = `/la/933/strategies/${(await importStrategy(db, admin, twoPriorityStrategy, 'two.yaml')).id}`;
    published = `/la/933/strategies/${(await importStrategy(db, admin, publishedStrategy, 'p.yaml')).id}`;
    const { token } = await inviteUser(db, admin, {
      email: 'officer.933@example.org',
      role: 'la_officer',
      laCodes: [933],
    });
    officer = await acceptedInvitation(app, token, 'a long enough test password 7');
  });

  it('shows the priority’s targets and actions only, linked from the overview', async () => {
    const overview = await officer.get(two);
    assert.match(overview.body, new RegExp(`href="${two}/priorities/reading"`));
    const page = await officer.get(`${two}/priorities/reading`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Every child reads well<\/h1>/);
    assert.match(page.body, /Reading fluency programme/);
    assert.doesNotMatch(page.body, /Attendance registers checked/);
    const other = await officer.get(`${two}/priorities/attendance`);
    assert.match(other.body, /Attendance registers checked/);
    assert.match(other.body, /This priority sets no targets on figures/);
  });

  it('counts as the overview counts, and downloads its tables', async () => {
    const csv = await officer.get(`${two}?download=csv&table=priorities`);
    const row = csv.body.split(/\r?\n/).find((l) => l.startsWith('Every child reads well'))!;
    const [, targets, met, onTrack, offTrack, noData] = row.split(',');
    const page = (await officer.get(`${two}/priorities/reading`)).body;
    const count = (name: string) =>
      new RegExp(`${name}\\s*</dt>\\s*<dd class="govuk-summary-list__value">\\s*(\\d+)`).exec(
        page,
      )?.[1];
    assert.deepEqual(
      [count('All targets'), count('Met'), count('On track'), count('Off track'), count('No data')],
      [targets, met, onTrack, offTrack, noData],
    );
    const actions = await officer.get(`${two}/priorities/reading?download=csv&table=actions`);
    assert.equal(actions.statusCode, 200);
    assert.match(actions.body, /Reading fluency programme/);
    assert.doesNotMatch(actions.body, /Attendance registers checked/);
  });

  it('shows the risks to the LA’s staff and not to the public', async () => {
    const own = await officer.get(`${published}/priorities/reading`);
    assert.match(own.body, /Secret risk of losing the grant/);
    const open = await visitor(app).get(`${published}/priorities/reading`);
    assert.equal(open.statusCode, 200);
    assert.doesNotMatch(open.body, /Secret risk|Risks/);
    assert.equal((await visitor(app).get(`${two}/priorities/reading`)).statusCode, 401);
    assert.equal((await officer.get(`${two}/priorities/nope`)).statusCode, 404);
  });
});
