/**
 * The strategy overview and the action tracker on the demo data: the counts add up to the
 * targets, the headings step down, each target names its measure once; the tracker filters by
 * priority and sorts by column, both kept in every link and download it makes.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { inviteUser } from '../../src/access/users.service.js';
import type { Database } from '../../src/core/db.js';
import { importStrategy } from '../../src/strategy/strategy.service.js';
import { twoPriorityStrategy as strategyFile } from '../support/strategy-fixture.js';
import { acceptedInvitation, type Visitor } from '../support/web-session.js';
import { useDemoApp } from '../support/web.js';

const admin = { id: null, label: 'command line (test@host)' };
const password = 'a long enough test password 7';

/** The action keys in the tracker's table, in the order shown. */
const shownActions = (body: string, id: string) =>
  [...body.matchAll(new RegExp(`href="/la/933/strategies/${id}/actions/([a-z-]+)"`, 'g'))].map(
    (m) => m[1],
  );

/** A CSV download's lines, up to the blank line before any notes under the table. */
const csvRows = (body: string) => {
  const lines = body.replace(/^\uFEFF/, '').split(/\r?\n/);
  return lines.slice(0, lines.indexOf(''));
};

describe('strategy overview and action tracker', () => {
  let db: Database;
  let app: FastifyInstance;
  let id = '';
  let officer: Visitor;
  let overview = '';
  let tracker = '';
  useDemoApp((t) => ({ db, app } = t));

  before(async () => {
    ({ id } = await importStrategy(db, admin, strategyFile, 'reading.yaml'));
    const { token } = await inviteUser(db, admin, {
      email: 'officer.933@example.org',
      role: 'la_officer',
      laCodes: [933],
    });
    officer = await acceptedInvitation(app, token, password);
    overview = `/la/933/strategies/${id}`;
    tracker = `${overview}/actions`;
  });

  it('shows "Not enough data" so the directions add up to the targets', async () => {
    const page = await officer.get(overview);
    assert.match(
      page.body,
      /Not enough data\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*1\s*</,
    );
    assert.equal((page.body.match(/All targets\s*<\/dt>\s*<dd[^>]*>\s*3\s*</g) ?? []).length, 2);
  });

  it('downloads the counts by priority with a "Not enough data" column that adds up', async () => {
    const csv = await officer.get(`${overview}?download=csv&table=priorities`);
    assert.deepEqual(csvRows(csv.body), [
      'Priority,Targets,Met,On track,Off track,No data,Improving,Declining,No change,Not enough data,Actions overdue',
      'Every child reads well,3,1,1,0,1,2,0,0,1,1',
      'Every child attends school,0,0,0,0,0,0,0,0,0,0',
      'All priorities,3,1,1,0,1,2,0,0,1,1',
    ]);
  });

  it('heads each priority a step below the page heading', async () => {
    const page = await officer.get(overview);
    assert.match(page.body, /<h1 class="govuk-heading-l">Reading and attendance<\/h1>/);
    assert.match(page.body, /<h2 class="govuk-heading-m" id="reading">Every child reads well</);
  });

  it('names each target’s measure once, then what the target asks, in a wide column', async () => {
    const page = await officer.get(overview);
    assert.match(
      page.body,
      /<th scope="col" class="govuk-table__header govuk-!-width-one-quarter"/,
    );
    const csv = await officer.get(`${overview}?download=csv&table=targets-reading`);
    assert.match(
      csv.body,
      /\n"KS2 reading, writing and maths: In the top quartile of LAs in England \(band A\) in 2027\.",/,
    );
    assert.match(csv.body, /\nAttainment at 14: At least 80\.0 in 2027\.,/);
  });

  it('shows each action’s priority', async () => {
    const csv = await officer.get(`${tracker}?download=csv&table=actions`);
    assert.equal(csvRows(csv.body)[0], "Action,Priority,Owner,Due,Owner's rating,Latest update");
    assert.match(
      csv.body,
      /\nAttendance registers checked,Every child attends school,"Attendance Lead, Somerset Council",2028-01-31,Not started,/,
    );
  });

  it('says "No update yet." for an action without one, as the board report does', async () => {
    const page = await officer.get(tracker);
    assert.match(page.body, /No update yet\./);
  });

  it('filters the tracker by priority through its GET form', async () => {
    const page = await officer.get(`${tracker}?priority=attendance`);
    assert.deepEqual(shownActions(page.body, id), ['register']);
    assert.match(page.body, /1 of 4 actions match\./);
    assert.match(page.body, /<option value="attendance" selected>Every child attends school/);
  });

  it('sorts the tracker by due date, an action with no due date last', async () => {
    const page = await officer.get(`${tracker}?sort=due&order=desc`);
    assert.deepEqual(shownActions(page.body, id), ['library', 'register', 'fluency', 'clubs']);
    assert.match(page.body, /aria-sort="descending"[^>]*>\s*<a[^>]*sort=due&amp;order=asc/);
  });

  it('keeps the priority filter and the sort together in links, form and downloads', async () => {
    const page = await officer.get(`${tracker}?priority=reading&sort=due&order=desc`);
    assert.deepEqual(shownActions(page.body, id), ['library', 'fluency', 'clubs']);
    assert.match(page.body, /href="[^"]*\?priority=reading&amp;sort=owner&amp;order=asc"/);
    assert.match(page.body, /<input type="hidden" name="sort" value="due">/);
    assert.match(page.body, /<input type="hidden" name="order" value="desc">/);
    assert.match(
      page.body,
      /href="[^"]*\?priority=reading&amp;sort=due&amp;order=desc&amp;download=xlsx&amp;table=actions"/,
    );
    const csv = await officer.get(
      `${tracker}?priority=reading&sort=due&order=desc&download=csv&table=actions`,
    );
    assert.deepEqual(
      csvRows(csv.body).map((line) => line.split(',')[0]),
      [
        'Action',
        'School library refresh',
        'Reading fluency programme',
        'After-school reading clubs',
      ],
    );
  });

  it('downloads the tracker’s table as XLSX', async () => {
    const xlsx = await officer.get(`${tracker}?sort=action&download=xlsx&table=actions`);
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  });

  it('answers a priority the strategy does not have with the ones it has', async () => {
    const page = await officer.get(`${tracker}?priority=nonesuch`);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /\?priority=attendance/);
  });
});
