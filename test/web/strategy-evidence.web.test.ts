/**
 * Evidence as uploaded files on an action's page: an LA officer adds one through a form that
 * works without JavaScript; the LA's own staff download it (every download audited); a file that
 * is too big, empty, of a kind not offered or not what its name says is refused on the page with
 * nothing stored; the public and other LAs never reach it, even on a published strategy.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { inviteUser } from '../../src/access/users.service.js';
import type { Role } from '../../src/access/policy.js';
import type { Database } from '../../src/core/db.js';
import { maxEvidenceBytes } from '../../src/strategy/evidence.js';
import { importStrategy } from '../../src/strategy/strategy.service.js';
import { publishedStrategy } from '../support/published-fixture.js';
import { acceptedInvitation, visitor, type Visitor } from '../support/web-session.js';
import { useDemoApp } from '../support/web.js';

const admin = { id: null, label: 'command line (test@host)' };
const password = 'a long enough test password 7';
const pdf = Buffer.from('%PDF-1.4\n% a small evaluation\n%%EOF\n');

describe('evidence uploaded to an action', () => {
  let db: Database;
  let app: FastifyInstance;
  let base = '';
  let officer: Visitor;
  let board: Visitor;
  let bath: Visitor;
  useDemoApp((t) => ({ db, app } = t));

  const person = async (email: string, role: Role, laCodes: number[]) => {
    const { token } = await inviteUser(db, admin, { email, role, laCodes });
    return acceptedInvitation(app, token, password);
  };

  /** Sends the evidence form as a browser would (multipart), with the page's CSRF token. */
  const upload = async (
    who: Visitor,
    fields: { title?: string; name?: string; bytes?: Buffer },
  ) => {
    const form = new FormData();
    form.set('_csrf', who.csrf() ?? '');
    form.set('title', fields.title ?? '');
    form.set(
      'file',
      new Blob([new Uint8Array(fields.bytes ?? Buffer.alloc(0))]),
      fields.name ?? '',
    );
    const encoded = new Response(form);
    return app.inject({
      method: 'POST',
      url: `${base}/actions/fluency/evidence`,
      headers: {
        'content-type': encoded.headers.get('content-type')!,
        cookie: [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
  };

  const stored = async () =>
    Number((await db.query<{ n: number }>('select count(*)::int as n from evidence_file'))[0]!.n);

  before(async () => {
    const { id } = await importStrategy(db, admin, publishedStrategy, 'published.yaml');
    base = `/la/933/strategies/${id}`;
    officer = await person('officer.933@example.org', 'la_officer', [933]);
    board = await person('board.933@example.org', 'board_member', [933]);
    bath = await person('officer.800@example.org', 'la_officer', [800]);
  });

  it('adds a file from the action page and lists it for the LA’s staff', async () => {
    const page = await officer.get(`${base}/actions/fluency`);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    const res = await upload(officer, {
      title: 'Fluency evaluation',
      name: 'eval.pdf',
      bytes: pdf,
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.match(String(res.headers.location), /\?evidence=added/);
    const after = await officer.get(`${base}/actions/fluency?evidence=added`);
    assert.match(after.body, /File added to the evidence/);
    assert.match(
      after.body,
      /Fluency evaluation<\/a> <span class="govuk-body-s">\(PDF, 1 KB|Fluency evaluation<\/a> <span class="govuk-body-s">\(PDF, \d+ bytes/,
    );
    const listed = await board.get(`${base}/actions/fluency`);
    assert.match(listed.body, /Fluency evaluation/);
    assert.doesNotMatch(listed.body, /Add evidence/);
  });

  it('downloads the file as it was given, and records each download', async () => {
    const href = /href="([^"]+\/evidence\/[0-9a-f-]+)"/.exec(
      (await board.get(`${base}/actions/fluency`)).body,
    )![1]!;
    const file = await board.get(href);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(String(file.headers['content-disposition']), /^attachment; filename="eval\.pdf"/);
    assert.equal(file.headers['cache-control'], 'no-store');
    assert.deepEqual(file.rawPayload, pdf);
    const reads = await db.query<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'read' and target_kind = 'evidence-file'`,
    );
    assert.equal(Number(reads[0]!.n), 1);
    const added = await db.query<{ details: { sha256: string } }>(
      `select details from audit_event where action = 'strategy.action.evidence'`,
    );
    assert.equal(added.length, 1);
    assert.match(added[0]!.details.sha256, /^[0-9a-f]{64}$/);
    const history = await officer.get(`${base}/history`);
    assert.match(history.body, /Evidence file added to an action/);
    assert.match(history.body, /fluency: Fluency evaluation \(eval\.pdf\)/);
    assert.doesNotMatch(history.body, /strategy\.action\.evidence|not_started|on_track/);
    // Not the public's, though the strategy is published; not another LA's.
    assert.equal((await visitor(app).get(href)).statusCode, 401);
    assert.equal((await bath.get(href)).statusCode, 403);
    const publicPage = await visitor(app).get(`${base}/actions/fluency`);
    assert.equal(publicPage.statusCode, 200);
    assert.doesNotMatch(publicPage.body, /Fluency evaluation|\/evidence\//);
  });

  it('refuses a file it cannot take, on the page, storing nothing', async () => {
    await officer.get(`${base}/actions/fluency`);
    const before = await stored();
    const cases: [Parameters<typeof upload>[1], RegExp][] = [
      [
        { title: 'Program', name: 'setup.exe', bytes: Buffer.from('MZ') },
        /must be a PDF, Word, Excel/,
      ],
      [
        { title: 'Not a PDF', name: 'notes.pdf', bytes: Buffer.from('plain text') },
        /notes\.pdf is not a PDF file/,
      ],
      [
        {
          title: 'Too big',
          name: 'big.pdf',
          bytes: Buffer.concat([pdf, Buffer.alloc(maxEvidenceBytes)]),
        },
        /smaller than 10 MB/,
      ],
      [{ title: 'Nothing' }, /Select a file/],
      [{ title: '', name: 'eval.pdf', bytes: pdf }, /Enter what the file shows/],
    ];
    for (const [fields, message] of cases) {
      const res = await upload(officer, fields);
      assert.equal(res.statusCode, 400, `${fields.name}: ${res.statusCode}`);
      assert.match(res.body, /There is a problem/);
      assert.match(res.body, message);
      assert.match(res.body, new RegExp(`value="${fields.title ?? ''}"`));
    }
    assert.equal(await stored(), before);
  });

  it('lets only the LA’s officers add evidence, with the form’s token', async () => {
    await board.get(`${base}/actions/fluency`);
    assert.equal(
      (await upload(board, { title: 'x', name: 'eval.pdf', bytes: pdf })).statusCode,
      403,
    );
    const noToken = await upload(visitor(app), { title: 'x', name: 'eval.pdf', bytes: pdf });
    assert.equal(noToken.statusCode, 401);
  });
});
