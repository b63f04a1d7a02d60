import { gunzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import Fastify from 'fastify';
import { acceptsGzip, pageCache, publicAnswer } from '../../src/web/plugins/page-cache.js';
import { key, routeSchema } from '../../src/web/route-schemas.js';

async function app(version: { v: number }) {
  let renders = 0;
  const server = Fastify();
  await server.register(pageCache, { version: async () => version.v });
  server.get('/la/:code', { config: publicAnswer }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(`<p>render ${++renders}</p>`),
  );
  const schema = routeSchema({ params: { code: key }, query: { year: key, set: key } });
  server.get('/region/:code', { schema, config: publicAnswer }, async (request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(`<p>${JSON.stringify(request.query)} ${++renders}</p>`),
  );
  server.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(`<p>home ${++renders}</p>`),
  );
  server.get('/la/:code/missing', { config: publicAnswer }, async (_request, reply) =>
    reply.code(404).type('text/html').send(`<p>${++renders}</p>`),
  );
  return server;
}

it('sends a cached page again until the data version changes', async () => {
  const version = { v: 1 };
  const server = await app(version);
  assert.equal((await server.inject('/la/933')).body, '<p>render 1</p>');
  const again = await server.inject('/la/933');
  assert.equal(again.body, '<p>render 1</p>');
  assert.equal(again.headers['x-lantern-cache'], 'hit');
  version.v = 2;
  assert.equal((await server.inject('/la/933')).body, '<p>render 2</p>');
});

it('never caches the home page (recently viewed differs per person) or an error page', async () => {
  const server = await app({ v: 1 });
  assert.equal((await server.inject('/')).body, '<p>home 1</p>');
  assert.equal((await server.inject('/')).body, '<p>home 2</p>');
  assert.equal((await server.inject('/la/1/missing')).body, '<p>3</p>');
  assert.equal((await server.inject('/la/1/missing')).body, '<p>4</p>');
});

it('sends a cached page gzipped to a client that accepts gzip', async () => {
  const server = await app({ v: 1 });
  await server.inject('/la/933');
  const res = await server.inject({
    url: '/la/933',
    headers: { 'accept-encoding': 'gzip, deflate' },
  });
  assert.equal(res.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(res.rawPayload).toString(), '<p>render 1</p>');
});

it('keeps a page asked for with gzip compressed only, and plain once a client refuses gzip', async () => {
  const server = await app({ v: 1 });
  const page = `<p>${'a school profile '.repeat(200)}</p>`;
  server.get('/school/:urn', { config: publicAnswer }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(page),
  );
  const gzip = { 'accept-encoding': 'gzip' };
  const first = await server.inject({ url: '/school/100000', headers: gzip });
  assert.equal(gunzipSync(first.rawPayload).toString(), page);
  const compressedOnly = server.lanternPageCacheBytes();
  assert.ok(compressedOnly < page.length / 4, `${compressedOnly} bytes kept for the gzip alone`);
  const plain = await server.inject('/school/100000');
  assert.equal(plain.headers['x-lantern-cache'], 'hit');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body, page);
  assert.equal(server.lanternPageCacheBytes(), compressedOnly + Buffer.byteLength(page));
  const again = await server.inject({ url: '/school/100000', headers: gzip });
  assert.equal(gunzipSync(again.rawPayload).toString(), page);
});

it('sends gzip only to clients that accept it', () => {
  assert.equal(acceptsGzip('gzip, deflate, br'), true);
  assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.8'), true);
  assert.equal(acceptsGzip('gzip;q=0'), false);
  assert.equal(acceptsGzip('identity'), false);
  assert.equal(acceptsGzip(undefined), false);
  assert.equal(acceptsGzip('*'), true);
});

it('counts a long URL in the bytes it keeps, so long junk URLs cannot outgrow the bound', async () => {
  let renders = 0;
  const server = Fastify({ routerOptions: { maxParamLength: 5000 } });
  await server.register(pageCache, { version: async () => 1, maxBytes: 5000 });
  server.get('/la/:code', { config: publicAnswer }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(`<p>${++renders}</p>`),
  );
  const long = (n: number) => `/la/${String(n).repeat(900)}`;
  for (const n of [1, 2, 3]) await server.inject(long(n));
  assert.equal((await server.inject(long(3))).headers['x-lantern-cache'], 'hit');
  assert.equal((await server.inject(long(1))).headers['x-lantern-cache'], undefined);
});

it('keeps at most its bytes, the least recently used page going first', async () => {
  const server = Fastify();
  await server.register(pageCache, { version: async () => 1, maxBytes: 3000 });
  server.get('/la/:code', { config: publicAnswer }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(`<p>${request.url}</p>`.padEnd(900, '.')),
  );
  const cached = async (url: string) => (await server.inject(url)).headers['x-lantern-cache'];
  for (const url of ['/la/1', '/la/2', '/la/1', '/la/3']) await server.inject(url);
  assert.equal(await cached('/la/1'), 'hit');
  assert.equal(await cached('/la/3'), 'hit');
  assert.equal(await cached('/la/2'), undefined);
});

it('makes a page once for concurrent first requests, the others getting it from the cache', async () => {
  let renders = 0;
  const server = Fastify();
  await server.register(pageCache, { version: async () => 1 });
  server.get('/la/:code', { config: publicAnswer }, async (_request, reply) => {
    renders++;
    await new Promise((resolve) => setTimeout(resolve, 50));
    return reply.type('text/html; charset=utf-8').send(`<p>render ${renders}</p>`);
  });
  const all = await Promise.all(Array.from({ length: 5 }, () => server.inject('/la/933')));
  assert.equal(renders, 1);
  assert.deepEqual(
    all.map((r) => r.body),
    Array.from({ length: 5 }, () => '<p>render 1</p>'),
  );
  assert.equal(all.filter((r) => r.headers['x-lantern-cache'] === 'hit').length, 4);
});

it('lets concurrent requests make the page themselves when the first one failed', async () => {
  let renders = 0;
  const server = Fastify();
  await server.register(pageCache, { version: async () => 1 });
  server.get('/la/:code', { config: publicAnswer }, async (_request, reply) => {
    const n = ++renders;
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (n === 1) return reply.code(503).type('text/html').send('<p>busy</p>');
    return reply.type('text/html; charset=utf-8').send(`<p>render ${n}</p>`);
  });
  const all = await Promise.all(Array.from({ length: 3 }, () => server.inject('/la/933')));
  assert.deepEqual(
    all.map((r) => r.statusCode),
    [503, 200, 200],
  );
});

it('keys a page by its declared parameters: junk, order and escapes make no new entry', async () => {
  const server = await app({ v: 1 });
  const first = await server.inject('/region/990?set=2021&year=2025');
  for (const url of [
    '/region/990?year=2025&set=2021&utm=x',
    '/region/%39%390?year=2025&set=2021',
  ]) {
    const again = await server.inject(url);
    assert.equal(again.headers['x-lantern-cache'], 'hit', url);
    assert.equal(again.body, first.body, url);
  }
  assert.notEqual((await server.inject('/region/990?year=2024&set=2021')).body, first.body);
});

it('answers a request its schema refuses with its 400, never from the cache', async () => {
  const server = await app({ v: 1 });
  await server.inject('/region/990?year=2025');
  for (const url of ['/region/990?year=2025%00', '/region/990?year=2025&year=2025%00']) {
    const res = await server.inject(url);
    assert.equal(res.statusCode, 400, url);
    assert.equal(res.headers['x-lantern-cache'], undefined, url);
  }
});

it('keeps downloads with their file name: CSV gzipped, XLSX (a zip already) as it is', async () => {
  let made = 0;
  const server = Fastify();
  await server.register(pageCache, { version: async () => 1 });
  server.get('/la/:code', { config: publicAnswer }, async (request, reply) => {
    made++;
    const xlsx = (request.query as { download?: string }).download === 'xlsx';
    return reply
      .type(xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv')
      .header('content-disposition', `attachment; filename="t.${xlsx ? 'xlsx' : 'csv'}"`)
      .send(xlsx ? Buffer.from([0x50, 0x4b, 3, 4, made]) : `a,b\n1,${made}\n`);
  });
  const gzip = { 'accept-encoding': 'gzip' };
  for (const format of ['csv', 'xlsx']) {
    const url = `/la/933?download=${format}`;
    const first = await server.inject({ url, headers: gzip });
    const again = await server.inject({ url, headers: gzip });
    assert.equal(again.headers['x-lantern-cache'], 'hit', format);
    assert.equal(again.headers['content-disposition'], `attachment; filename="t.${format}"`);
    assert.deepEqual(again.rawPayload, first.rawPayload, `${format}: the same bytes`);
    assert.equal(again.headers['content-encoding'], format === 'csv' ? 'gzip' : undefined);
  }
  assert.equal(made, 2, 'each download made once');
  const csv = await server.inject('/la/933?download=csv');
  assert.equal(csv.body, 'a,b\n1,1\n');
});

it('keeps only answers their route says are the same for everyone', async () => {
  let made = 0;
  const server = Fastify();
  await server.register(pageCache, { version: async () => 1 });
  // A page about one person or for some roles: its route does not say publicAnswer.
  server.get('/la/:code/casework', async (_request, reply) =>
    reply.type('text/html').send(`<p>for you ${++made}</p>`),
  );
  const first = await server.inject('/la/933/casework');
  const again = await server.inject('/la/933/casework');
  assert.equal(again.headers['x-lantern-cache'], undefined);
  assert.notEqual(again.body, first.body, 'made again for each request');
});
