import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { useDemoApp } from '../support/web.js';

const problemPage = /There is a problem with your request/;

describe('ordinary and hostile input answered with a 4xx, never a 500', () => {
  let app: FastifyInstance;
  useDemoApp((t) => ({ app } = t), { organisationName: 'Lantern', production: true });

  it('finds nothing, without failing, for the words "constructor" and "__proto__"', async () => {
    for (const word of ['constructor', '__proto__', 'toString']) {
      for (const url of [`/?q=${word}`, `/compare?mq=${word}`]) {
        const res = await app.inject(url);
        assert.equal(res.statusCode, 200, url);
      }
      const search = await app.inject(`/api/v1/search?q=${word}`);
      assert.equal(search.statusCode, 200);
      assert.deepEqual(search.json().measures, []);
      const measures = await app.inject(`/api/v1/measures?q=${word}`);
      assert.equal(measures.statusCode, 200);
      assert.deepEqual(measures.json().measures, []);
    }
  });

  it('answers a NUL in a code with a 400 saying what is wrong, as a page or as JSON', async () => {
    const urls = [
      '/la/933/measure/%00',
      '/la/933/neighbours/%00',
      '/region/990/%00',
      '/measure/%00',
      '/la/%00',
      '/la/933/measure/DEMO_KS2_RWM?year=2024%00',
      '/measure/DEMO_KS2_RWM?la=933%00',
      '/api/v1/la/933/measure/%00',
      '/api/v1/la/933/neighbours/%00',
      '/api/v1/region/990/%00',
      '/api/v1/measures/%00/benchmark',
      '/api/v1/la/%00/scorecard',
      '/api/v1/compare?la=933&measure=DEMO%00',
    ];
    for (const url of urls) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, /control character/, url);
      if (url.startsWith('/api/')) assert.equal(res.json().error.code, 'LANTERN_USAGE', url);
      else assert.match(res.body, problemPage, url);
    }
  });

  it('refuses a name every object has as a code, an LA or a choice', async () => {
    for (const url of ['/measure/constructor', '/la/__proto__', '/la/933?topic=constructor']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, /not a code, name or choice Lantern can look up/, url);
    }
  });

  it('answers a malformed %-escape with our 400 page or JSON, not Fastify’s', async () => {
    for (const url of ['/la/%E0', '/la/933/measure/DEMO%zz', '/la/933?topic=%E0']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(String(res.headers['content-type']), /^text\/html/, url);
      assert.match(res.body, /does not start a valid escape/, url);
    }
    const api = await app.inject('/api/v1/la/%E0/scorecard');
    assert.equal(api.statusCode, 400);
    assert.deepEqual(Object.keys(api.json()), ['error']);
    assert.equal(api.json().error.code, 'LANTERN_USAGE');
    assert.doesNotMatch(api.body, /FST_ERR/);
  });

  it('sends the pages’ security headers with an address the router cannot decode', async () => {
    const page = await app.inject('/about');
    const bad = await app.inject('/la/%E0');
    const names = ['content-security-policy', 'x-content-type-options', 'x-frame-options'];
    for (const name of [...names, 'referrer-policy', 'cross-origin-opener-policy'])
      assert.equal(bad.headers[name], page.headers[name], name);
  });

  it('answers a value over 200 characters, or a query over 2,000, with a 400', async () => {
    const cases = [
      [`/measure/${'x'.repeat(201)}`, /at most 200 characters/],
      [`/la/${'9'.repeat(5000)}`, /too long/],
      [`/?q=${'x'.repeat(201)}`, /at most 200 characters/],
      [`/compare?${'la=933&'.repeat(300)}`, /at most 2000 characters/],
    ] as const;
    for (const [url, message] of cases) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 400, url.slice(0, 40));
      assert.match(res.body, message, url.slice(0, 40));
    }
  });

  it('still answers an unknown choice with the page listing the choices', async () => {
    const res = await app.inject('/measure/DEMO_KS2_RWM?sort=nope');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /There is no sort column “nope” for this page/);
    assert.match(res.body, /href="\/measure\/DEMO_KS2_RWM\?sort=rank"/);
  });

  it('leaves query parameters a page does not take out of its links', async () => {
    const res = await app.inject(
      '/la/933/neighbours/DEMO_KS2_RWM?utm_source=mail&year=2024&set=demo',
    );
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /utm_source/);
    assert.match(
      res.body,
      /href="\/api\/v1\/la\/933\/neighbours\/DEMO_KS2_RWM\?set=demo&amp;year=2024"/,
    );
  });
});

describe('a CONNECT request (a proxy tunnel)', () => {
  let app: FastifyInstance;
  useDemoApp((t) => ({ app } = t), { organisationName: 'Lantern', production: true });

  it('is answered 405, not dropped without an answer', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as import('node:net').AddressInfo;
    const net = await import('node:net');
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write('CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 405 Method Not Allowed\r\n/);
  });
});
