/**
 * Editing a strategy as its file text on the web: the page shows the strategy's text; a save keeps
 * the strategy's id and its recorded updates; every problem the import would find comes back on
 * the page with its line and column, the text kept; an edit that would lose the strategy's
 * record, move it to another LA or land over someone else's change is refused with nothing
 * changed; only the LA's officers may edit.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { parseHTML } from 'linkedom';
import { parse, stringify } from 'yaml';
import { listAuditEvents } from '../../src/access/audit.service.js';
import { inviteUser } from '../../src/access/users.service.js';
import type { Database } from '../../src/core/db.js';
import { exportStrategy, importStrategy } from '../../src/strategy/strategy.service.js';
import { readingStrategy } from '../support/strategy-fixture.js';
import { acceptedInvitation, type Visitor } from '../support/web-session.js';
import { useDemoApp } from '../support/web.js';

const admin = { id: null, label: 'command line (test@host)' };
const password = 'a long enough test password 7';

/** The reading strategy with a recorded progress update and a local measure's value. */
const strategyFile =
  readingStrategy.replace(
    'priorities:',
    'localMeasures:\n  - { code: clubs, name: Pupils in reading clubs, unit: pupils, polarity: high, period: academic year, decimalPlaces: 0, values: [{ year: 2023/24, value: 310 }] }\npriorities:',
  ) +
  '            updates:\n              - { date: 2024-01-15, by: Head of School Improvement, status: on_track, text: Twelve schools signed up. }\n';

async function person(db: Database, app: FastifyInstance, role: string) {
  const { token } = await inviteUser(db, admin, {
    email: `${role}.933@example.org`,
    role,
    laCodes: [933],
  });
  return acceptedInvitation(app, token, password);
}

/** The edit page's form as a browser would send it back: its text (as shown) and version. */
function formOf(body: string): { text: string; version: string } {
  const { document } = parseHTML(body);
  return {
    text: document.querySelector('#strategy-text')?.textContent ?? '',
    version: document.querySelector('input[name="version"]')?.getAttribute('value') ?? '',
  };
}

/** The error summary's items, as text. */
function summaryItems(body: string): string[] {
  const { document } = parseHTML(body);
  return Array.from(document.querySelectorAll('.govuk-error-summary__list a')).map((a) =>
    (a.textContent ?? '').trim(),
  );
}

/** As much of a strategy file as the tests change. */
interface FileDoc {
  title: string;
  priorities: {
    aims: {
      measures: { targets: { by: number | string }[] }[];
      actions: { updates: { date: string; by: string; status: string; text: string }[] }[];
    }[];
  }[];
}

/** The strategy file's text changed as data (`change` edits the parsed YAML). */
function edited(text: string, change: (doc: FileDoc) => void): string {
  const doc = parse(text) as FileDoc;
  change(doc);
  return stringify(doc);
}

const fluency = (doc: FileDoc) => doc.priorities[0]!.aims[0]!.actions[0]!;
const englandTarget = (doc: FileDoc) => doc.priorities[0]!.aims[0]!.measures[0]!.targets[1]!;

describe('editing a strategy as a file', () => {
  let db: Database;
  let app: FastifyInstance;
  let id = '';
  let url = '';
  let officer: Visitor;
  let board: Visitor;
  useDemoApp((t) => ({ db, app } = t));

  before(async () => {
    ({ id } = await importStrategy(db, admin, strategyFile, 'reading.yaml'));
    url = `/la/933/strategies/${id}/edit`;
    officer = await person(db, app, 'la_officer');
    board = await person(db, app, 'board_member');
  });

  it('links an officer from the overview to a page holding the strategy’s text', async () => {
    const overview = await officer.get(`/la/933/strategies/${id}`);
    assert.match(overview.body, new RegExp(`href="${url}"`));
    const page = await officer.get(url);
    assert.equal(page.statusCode, 200);
    assert.equal(formOf(page.body).text, await exportStrategy(db, id));
    assert.match(page.body, /class="govuk-textarea lantern-code-textarea"/);
    assert.match(page.body, /docs\/strategy-files\.md/);
    assert.match(page.body, />\s*Save changes\s*</);
  });

  it('saves a new title and target, keeping the id and the recorded update, audited', async () => {
    const form = formOf((await officer.get(url)).body);
    const text = edited(form.text, (doc) => {
      doc.title = 'Reading for every child';
      englandTarget(doc).by = 2026;
      fluency(doc).updates.push({
        date: '2024-03-01',
        by: 'Head of School Improvement',
        status: 'at_risk',
        text: 'Two schools withdrew.',
      });
    });
    // Lines as a browser sends a textarea's: CR LF.
    const saved = await officer.post(url, { ...form, text: text.replace(/\n/g, '\r\n') });
    assert.equal(saved.statusCode, 303, saved.body);
    assert.equal(saved.headers.location, `/la/933/strategies/${id}?saved=yes`);
    const overview = await officer.get(String(saved.headers.location));
    assert.match(overview.body, /Changes saved/);
    assert.match(overview.body, /<h1 class="govuk-heading-l">Reading for every child<\/h1>/);
    const now = parse(await exportStrategy(db, id)) as FileDoc;
    assert.equal(englandTarget(now).by, 2026);
    assert.deepEqual(
      fluency(now).updates.map((u) => u.text),
      ['Twelve schools signed up.', 'Two schools withdrew.'],
    );
    const events = await listAuditEvents(db, { action: 'strategy.edit' });
    assert.equal(events.length, 1);
    assert.equal(events[0]!.targetId, id);
    assert.deepEqual(events[0]!.details.after, {
      priorities: 1,
      targets: 2,
      actions: 1,
      updates: 2,
    });
    const history = await officer.get(`/la/933/strategies/${id}/history`);
    assert.match(history.body, /Strategy edited as a file/);
    assert.match(
      history.body,
      /Priorities 1 → 1, targets 2 → 2, actions 1 → 1; 1 progress update added/,
    );
  });

  it('saves nothing, and records nothing, when the text is unchanged', async () => {
    const form = formOf((await officer.get(url)).body);
    const edits = async () =>
      Number(
        (
          await db.query<{ n: number }>(
            `select count(*)::int as n from audit_event where action = 'strategy.edit'`,
          )
        )[0]!.n,
      );
    const before = await edits();
    const res = await officer.post(url, form);
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /\?saved=unchanged$/);
    assert.match((await officer.get(String(res.headers.location))).body, /Nothing to save/);
    assert.equal(await edits(), before);
  });

  it('shows bad YAML at its line and column, with the text kept and nothing changed', async () => {
    const form = formOf((await officer.get(url)).body);
    const text = form.text.replace('title: Reading for every child', 'title: [Reading for');
    const refused = await officer.post(url, { ...form, text });
    assert.equal(refused.statusCode, 400);
    const items = summaryItems(refused.body);
    assert.match(items[0] ?? '', /^Line \d+, column \d+: not valid YAML/, items.join('\n'));
    assert.match(refused.body, /href="#strategy-text"/);
    assert.match(refused.body, /<title>Error: /);
    assert.equal(formOf(refused.body).text, text);
    assert.equal(formOf(refused.body).version, form.version);
    assert.equal(await exportStrategy(db, id), form.text);
  });

  it('shows an unknown measure code at its line and column, as the import does', async () => {
    const form = formOf((await officer.get(url)).body);
    const text = form.text.replace('measure: DEMO_KS2_RWM', 'measure: DEMO_KS2_RWMX');
    const refused = await officer.post(url, { ...form, text });
    assert.equal(refused.statusCode, 400);
    const items = summaryItems(refused.body);
    const line = text.split('\n').findIndex((l) => l.includes('DEMO_KS2_RWMX')) + 1;
    assert.equal(items.length, 1, items.join('\n'));
    assert.match(
      items[0]!,
      new RegExp(`^Line ${line}, column \\d+: no measure has the code "DEMO_KS2_RWMX"`),
    );
    // The line quoted, since the textarea has no line numbers to find it by.
    assert.match(items[0]!, new RegExp(`Line ${line} reads “measure: DEMO_KS2_RWMX”\\.$`));
    assert.equal(formOf(refused.body).text, text);
    assert.equal(await exportStrategy(db, id), form.text);
  });

  it('refuses to remove a recorded progress update, naming the action and its date', async () => {
    const form = formOf((await officer.get(url)).body);
    const text = edited(form.text, (doc) => fluency(doc).updates.shift());
    const refused = await officer.post(url, { ...form, text });
    assert.equal(refused.statusCode, 400);
    assert.match(
      summaryItems(refused.body).join('\n'),
      /Action "fluency": the progress update of 2024-01-15 by Head of School Improvement is missing or changed/,
    );
    assert.equal(await exportStrategy(db, id), form.text);
  });

  it('refuses to move the strategy to another LA', async () => {
    const form = formOf((await officer.get(url)).body);
    const refused = await officer.post(url, {
      ...form,
      text: form.text.replace('la: 933', 'la: 343'),
    });
    assert.equal(refused.statusCode, 400);
    assert.match(summaryItems(refused.body).join('\n'), /^la: this strategy is LA 933's/);
    assert.equal(await exportStrategy(db, id), form.text);
  });

  it('refuses a save over a change made since the page was opened', async () => {
    const first = formOf((await officer.get(url)).body);
    const second = formOf((await officer.get(url)).body);
    const saved = await officer.post(url, {
      ...second,
      text: second.text.replace('title: Reading for every child', 'title: Reading now'),
    });
    assert.equal(saved.statusCode, 303, saved.body);
    const stale = await officer.post(url, {
      ...first,
      text: first.text.replace('title: Reading for every child', 'title: Reading later'),
    });
    assert.equal(stale.statusCode, 400);
    assert.match(
      summaryItems(stale.body).join('\n'),
      /^Someone else changed this strategy since you opened it: .*Copy your text, reload/,
    );
    assert.match(await exportStrategy(db, id), /title: Reading now/);
  });

  it('lets a board member neither open nor save the page, nor see the link', async () => {
    const overview = await board.get(`/la/933/strategies/${id}`);
    assert.equal(overview.statusCode, 200);
    assert.doesNotMatch(overview.body, /Edit as a strategy file/);
    assert.equal((await board.get(url)).statusCode, 403);
    const text = await exportStrategy(db, id);
    const post = await board.post(url, { text: text.replace('Reading now', 'Board'), version: '' });
    assert.equal(post.statusCode, 403);
    assert.equal(await exportStrategy(db, id), text);
  });
});
