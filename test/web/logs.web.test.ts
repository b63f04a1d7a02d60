import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createAdministrator } from '../../src/access/users.service.js';
import type { Database } from '../../src/core/db.js';
import { createLogger, loggableUrl } from '../../src/web/server.js';
import { useDemoApp } from '../support/web.js';
import { acceptedInvitation, signedInVisitor } from '../support/web-session.js';

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString());
    done();
  },
});

describe('logs hold no secret', () => {
  let app: FastifyInstance;
  let db: Database;
  // debug: request lines too, the most a log ever holds.
  useDemoApp((t) => ({ app, db } = t), undefined, { logger: createLogger('debug', sink) });

  it('never logs a link token, a password, a session id or a CSRF token', async () => {
    const password = 'logged nowhere at all';
    const { token } = await createAdministrator(
      db,
      { id: null, label: 'test' },
      { email: 'ada@example.org' },
    );
    const v = await acceptedInvitation(app, token, password);
    await v.get('/account');
    const again = await signedInVisitor(app, 'ada@example.org', password);
    const sessionIds = [...v.cookies.values(), ...again.cookies.values()];
    const log = lines.join('');
    assert.match(log, /\/invitation\/\[hidden\]/, 'the request lines are there');
    for (const secret of [token, password, ...sessionIds, v.csrf()!])
      assert.ok(!log.includes(secret), `the log holds ${secret.slice(0, 6)}…`);
  });

  it('hides tokens and sign-in codes in addresses', () => {
    assert.equal(loggableUrl('/invitation/abc123?x=1'), '/invitation/[hidden]?x=1');
    assert.equal(loggableUrl('/password-reset/abc'), '/password-reset/[hidden]');
    assert.equal(
      loggableUrl('/sign-in/oidc/callback?code=SECRET&state=S2&iss=x'),
      '/sign-in/oidc/callback?code=[hidden]&state=[hidden]&iss=x',
    );
    assert.equal(loggableUrl('/la/933?topic=x'), '/la/933?topic=x');
    assert.equal(loggableUrl('/%69nvitation/SECRET'), '/invitation/[hidden]');
    assert.equal(loggableUrl('/la/%E0'), '/la/%E0');
  });
});
