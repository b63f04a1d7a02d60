import assert from 'node:assert/strict';
import { it } from 'node:test';
import { acceptInvitation } from '../../src/access/links.service.js';
import type { Database } from '../../src/core/db.js';
import { runCli } from '../../src/cli/main.js';
import { testCliContext } from '../support/cli.js';
import { describeEachDatabase } from '../support/db.js';

async function run(db: Database, args: string[]) {
  const { ctx, out, err } = testCliContext(db);
  const code = await runCli(args, ctx);
  return { code, out: out(), err: err() };
}

describeEachDatabase('lantern users and lantern audit export', (db) => {
  it('creates the first administrator and prints the one link that lets them in', async () => {
    const r = await run(db(), ['users', 'create-admin', '--email', 'ada@example.gov.uk']);
    assert.equal(r.code, 0, r.err);
    const token = /\/invitation\/([\w-]{43})$/m.exec(r.out)?.[1];
    assert.ok(token, r.out);
    const accepted = await acceptInvitation(db(), token, 'a long enough password');
    assert.equal(accepted.user?.role, 'administrator');
  });

  it('invites by role and scope, lists, and disables', async () => {
    const invite = await run(db(), [
      'users',
      'invite',
      '--email',
      'o@example.gov.uk',
      '--role',
      'la_officer',
      '--la',
      '933,343',
    ]);
    assert.match(invite.out, /Invited o@example.gov.uk as LA officer for LA 933, 343/);
    const wrong = await run(db(), [
      'users',
      'invite',
      '--email',
      'h@example.org',
      '--role',
      'headteacher',
    ]);
    assert.equal(wrong.code, 1);
    assert.match(
      wrong.err,
      /The role Headteacher needs at least one school\. \[LANTERN_USER_INVALID\]/,
    );
    const notNumber = await run(db(), [
      'users',
      'invite',
      '--email',
      'h@example.org',
      '--role',
      'headteacher',
      '--school',
      'abc',
    ]);
    assert.match(notNumber.err, /School URN "abc" is not a number/);
    assert.equal((await run(db(), ['users', 'disable', '--email', 'O@example.gov.uk'])).code, 0);
    const list = await run(db(), ['users', 'list', '--format', 'csv']);
    assert.match(list.out, /o@example\.gov\.uk,o,LA officer,"for LA 933, 343",disabled/);
    assert.match(list.out, /ada@example.gov.uk,ada,Administrator,,active/);
  });

  it('exports the audit log as CSV or JSON, from a date', async () => {
    const json = await run(db(), ['audit', 'export', '--format', 'json']);
    const events = JSON.parse(json.out) as { action: string; actor: string }[];
    assert.deepEqual(
      events.map((e) => e.action),
      ['user-invited', 'invitation-accepted', 'user-invited', 'user-disabled'],
    );
    assert.match(events[0]!.actor, /^command line \(.+@.+\)$/);
    const csv = await run(db(), ['audit', 'export', '--from', '2999-01-01']);
    assert.equal(csv.out.trim().split('\n').length, 1, 'only the header');
    const bad = await run(db(), ['audit', 'export', '--from', '1 Dec']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--from "1 Dec" is not a date: write it as YYYY-MM-DD/);
  });
});
