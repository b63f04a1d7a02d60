import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createAdministrator, inviteUser } from '../../src/access/users.service.js';
import type { Database } from '../../src/core/db.js';
import type { AppDeps } from '../../src/web/app.js';
import { startSmtp, linkInMail, type TestSmtp } from '../support/smtp.js';
import { until, useDemoApp } from '../support/web.js';
import { acceptedInvitation, nextIp, visitor } from '../support/web-session.js';

const cli = { id: null, label: 'command line (test)' };
const password = 'a long enough password';

describe('e-mail through a real SMTP server', () => {
  let smtp: TestSmtp;
  let app: FastifyInstance;
  let db: Database;
  const config: AppDeps['config'] = {
    organisationName: 'Somerset Council',
    production: true,
    baseUrl: 'http://lantern.example.org',
  };
  before(async () => {
    smtp = await startSmtp();
    config.smtpUrl = smtp.url;
    config.mailFrom = 'Lantern <lantern@example.org>';
  });
  after(() => smtp.close());
  useDemoApp((t) => ({ app, db } = t), config);

  it('e-mails an invitation made on the users page, with a link that works', async () => {
    const { token } = await createAdministrator(db, cli, { email: 'admin@example.org' });
    const admin = await acceptedInvitation(app, token, password);
    await admin.get('/admin/users/invite');
    const res = await admin.post('/admin/users/invite', {
      email: 'ed@example.org',
      role: 'governor',
      schools: '123456',
    });
    assert.match(res.body, /It has been sent to ed@example\.org/);
    assert.doesNotMatch(res.body, /<code>/, 'the link is not shown when it is e-mailed');
    const mail = smtp.received.find((m) => m.to.includes('ed@example.org'))!;
    assert.match(mail.raw, /Subject: Your invitation to Lantern \(Somerset Council\)/);
    assert.match(mail.raw, /as Governor/);
    const link = linkInMail(mail)!;
    assert.match(link, /^http:\/\/lantern\.example\.org\/invitation\//);
    const ed = await acceptedInvitation(app, link.split('/').pop()!, password);
    assert.equal((await ed.get('/account')).statusCode, 200);
  });

  it('e-mails a reset link for an account, and nothing for an unknown address, saying the same', async () => {
    const { token } = await inviteUser(db, cli, {
      email: 'fay@example.org',
      role: 'la_analyst',
      laCodes: [933],
    });
    await acceptedInvitation(app, token, password);
    const before = smtp.received.length;
    const answers = [];
    for (const email of ['nobody@example.org', 'fay@example.org']) {
      const v = visitor(app, nextIp());
      await v.get('/password-reset');
      const res = await v.post('/password-reset', { email });
      answers.push(res.body.replaceAll(email, 'ADDRESS'));
    }
    assert.equal(answers[0], answers[1]);
    await until(() => smtp.received.length > before);
    const sent = smtp.received.slice(before);
    assert.deepEqual(
      sent.map((m) => m.to),
      [['fay@example.org']],
    );
    const link = linkInMail(sent[0]!)!;
    assert.match(link, /\/password-reset\//);
    const v = visitor(app, nextIp());
    await v.get(new URL(link).pathname);
    const newPassword = 'a different long password';
    const done = await v.post(new URL(link).pathname, {
      password: newPassword,
      confirm: newPassword,
    });
    assert.equal(done.headers.location, '/account?notice=password-changed');
    const oldOne = visitor(app, nextIp());
    await oldOne.get('/sign-in');
    assert.equal(
      (await oldOne.post('/sign-in', { email: 'fay@example.org', password })).statusCode,
      401,
    );
  });
});
