import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/core/db.js';
import { useDemoApp } from '../support/web.js';
import { escapedTwice, liveMarkup, survives } from '../support/markup.js';

/** What an EES mapping or a data dictionary could put in a measure's name, topic and metadata. */
const hostile = `KS2 <script>alert(1)</script> "><img src=x onerror=1> & ]]> 'x'`;

const pages = [
  '/la/933',
  '/la/933/measure/DEMO_KS2_RWM',
  '/la/933/neighbours/DEMO_KS2_RWM',
  '/region/990/DEMO_KS2_RWM',
  '/measure/DEMO_KS2_RWM?la=933',
  '/compare?la=933&la=343&measure=DEMO_KS2_RWM',
  '/?q=KS2',
];

describe('pages showing a measure whose name and metadata hold markup', () => {
  let app: FastifyInstance;
  let db: Database;
  useDemoApp((t) => ({ app, db } = t));
  before(async () => {
    await db.query(
      `update measure set name = $1, topic = $1, source = $1, description = $1, methodology = $1,
         unit_label = $1, chart_title = $1, source_links = $1 || ' https://example.org/?a=1&b=2'
       where code = 'DEMO_KS2_RWM'`,
      [hostile],
    );
  });

  for (const path of pages) {
    it(`shows it as text on ${path}, with no script or handler of its own`, async () => {
      const res = await app.inject(path);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(liveMarkup(res.body), []);
      assert.ok(survives(res.body, hostile), 'the name is shown whole');
      assert.deepEqual(escapedTwice(res.body), [], 'and nowhere escaped twice');
    });
  }

  it('sends it in the JSON API with <, > and & escaped, and reads back the same', async () => {
    const res = await app.inject('/api/v1/la/933/measure/DEMO_KS2_RWM');
    assert.equal(res.statusCode, 200);
    assert.ok(!/[<>&]/.test(res.body), 'no raw <, > or & anywhere in the answer');
    assert.equal(res.json().measure.name, hostile);
  });
});
