/**
 * Hostile requests to every route the app declares (app.lanternRoutes, with their parameter
 * schemas): prototype keys, NUL and control characters, 10,000-character values, malformed
 * %-escapes, unicode, out-of-range numbers, repeated parameters and odd methods, on the demo
 * data in production mode (what `lantern serve` runs by default). Every answer must be a 2xx,
 * 3xx or 4xx (never a 5xx), carry no stack or file path, show no hostile text as markup, come
 * in the route's kind (JSON under /api/, HTML elsewhere) and take under 2 s.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { packageRoot } from '../../src/web/paths.js';
import { hostileStrings, liveMarkup } from '../support/markup.js';
import { realPath, routeTable, type Route } from '../support/routes.js';
import { useDemoApp } from '../support/web.js';

/** Values as they would be typed; each is sent %-encoded. */
const hostileValues = [
  '__proto__',
  'constructor',
  'toString',
  'prototype',
  '\0',
  'DEMO_KS2_RWM\0',
  '\u0001\u001f\u007f\u0085',
  'a\nb',
  'x'.repeat(201),
  'x'.repeat(10_000),
  ...hostileStrings,
  'Ünïcödé 😀 \u202e\ufeff',
  '-1',
  '99999999999999999999',
  '1e309',
  '..',
  '../../etc/passwd',
  ' ',
];

/** Already-encoded text that no decoder accepts (or that decodes to something odd). */
const badEscapes = ['%', '%E0', '%zz', '%C0%AF', '%ED%A0%80', '%FF%FE', '%0', '%%41', '%2F'];

const methods = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'POST'] as const;

function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate: send the escape of one instead
  }
}

/** Every raw form a value takes in an address. */
const rawValues = [...hostileValues.map(encode), ...badEscapes];

/** One value of each kind, for each query parameter of each route (pages there are bigger). */
const queryValues = [
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '\0',
  'x'.repeat(201),
  'x'.repeat(10_000),
  hostileStrings[0]!,
  hostileStrings[1]!,
  'Ünïcödé 😀',
  '99999999999999999999',
].map((v) => ({ raw: encode(v), sent: v }));
const queryRaw = [...queryValues, ...['%E0', '%zz'].map((v) => ({ raw: v, sent: v }))];

const stack = /\n\s+at \S.*:\d+:\d+|\.[cm]?[jt]s:\d+:\d+/;

/** The answer to `request`, checked; `sent` are the hostile values it carries, decoded. */
async function check(app: FastifyInstance, request: InjectOptions, sent: string[]) {
  const started = performance.now();
  const res = await app.inject(request);
  const ms = performance.now() - started;
  const what = `${request.method ?? 'GET'} ${String(request.url).slice(0, 200)} → ${res.statusCode}`;
  assert.ok(res.statusCode < 500, `${what}: ${res.body.slice(0, 300)}`);
  assert.ok(ms < 2000, `${what} took ${Math.round(ms)} ms`);
  assert.doesNotMatch(res.body, stack, `${what} carries a stack`);
  assert.ok(!res.body.includes(packageRoot), `${what} carries a file path`);
  assert.ok(!res.body.includes('node_modules'), `${what} carries a file path`);
  for (const value of sent.filter((v) => /<[a-z/!]/i.test(v)))
    assert.ok(!res.body.includes(value), `${what} shows ${value} unescaped`);
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('text/html')) {
    assert.deepEqual(liveMarkup(res.body), [], what);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/, what);
  }
  if (res.statusCode >= 400 && request.method !== 'HEAD') {
    if (String(request.url).startsWith('/api/')) {
      const error = (res.json() as { error?: { code?: unknown; message?: unknown } }).error;
      assert.ok(typeof error?.code === 'string' && typeof error.message === 'string', what);
    } else assert.match(type, /^text\/html/, what);
  }
}

describe('hostile requests to every route', () => {
  let app: FastifyInstance;
  let routes: Route[] = [];
  useDemoApp((t) => ({ app } = t), { organisationName: 'Lantern', production: true });
  before(async () => {
    await app.ready();
    routes = routeTable(app);
    // Made once first, so the 2 s bound is about the hostile input, not a page's first view.
    for (const r of routes) await app.inject(realPath(r));
  });

  it('declares every page and API route, each parameter bounded and free of control characters', () => {
    assert.ok(routes.length >= 19, `only ${routes.length} routes`);
    type Property = { maxLength?: number; pattern?: string; items?: Property; maxItems?: number };
    for (const r of app.lanternRoutes) {
      const schema = r.schema as Record<string, { properties?: Record<string, Property> }>;
      const properties = { ...schema.params?.properties, ...schema.querystring?.properties };
      for (const [name, p] of Object.entries(properties)) {
        const text = p.items ?? p;
        assert.ok(text.maxLength && text.pattern, `${r.url} ${name} is bounded and checked`);
        assert.ok(!p.items || p.maxItems, `${r.url} ${name} repeats a bounded number of times`);
      }
    }
  });

  it('answers a hostile value in each path parameter with a 4xx page or JSON', async () => {
    for (const route of routes)
      for (const name of route.params)
        for (const [i, raw] of rawValues.entries())
          await check(
            app,
            { url: realPath({ ...route, url: route.url.replace(`:${name}`, raw) }) },
            [hostileValues[i] ?? raw],
          );
  });

  it('answers a hostile file name under each static folder', async () => {
    for (const folder of ['/public/', '/govuk/', '/assets/'])
      for (const [i, raw] of rawValues.entries())
        await check(app, { url: `${folder}${raw}` }, [hostileValues[i] ?? raw]);
  });

  it('answers a hostile or repeated value in each query parameter', async () => {
    for (const route of routes)
      for (const name of [...route.query, '__proto__', 'utm']) {
        for (const { raw, sent } of queryRaw)
          await check(app, { url: `${realPath(route)}?${name}=${raw}` }, [sent]);
        const twice = `${name}=933&${name}=${encode(hostileStrings[0]!)}`;
        await check(app, { url: `${realPath(route)}?${twice}` }, [hostileStrings[0]!]);
      }
  });

  it('answers PUT, DELETE, PATCH, OPTIONS, HEAD and POST, with or without a body', async () => {
    for (const route of routes)
      for (const method of methods) {
        await check(app, { method, url: realPath(route) }, []);
        if (method !== 'HEAD' && method !== 'OPTIONS') {
          const body = { payload: '{"a":', headers: { 'content-type': 'application/json' } };
          await check(app, { method, url: realPath(route), ...body }, []);
          const odd = {
            payload: hostileStrings[0]!,
            headers: { 'content-type': hostileStrings[1]! },
          };
          await check(app, { method, url: realPath(route), ...odd }, [hostileStrings[1]!]);
        }
      }
  });

  it('answers random combinations of hostile parameters on random routes', async () => {
    const text = fc.oneof(
      fc.constantFrom(...hostileValues, '933', '990', 'DEMO_KS2_RWM', '2024', '2021', 'csv'),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.double().map(String),
      fc.bigInt().map(String),
    );
    const value = fc.oneof(
      { weight: 4, arbitrary: text.map((t) => ({ raw: encode(t), sent: t })) },
      { weight: 1, arbitrary: fc.constantFrom(...badEscapes).map((raw) => ({ raw, sent: raw })) },
    );
    const request = fc.constantFrom(...routes).chain((route) =>
      fc.record({
        route: fc.constant(route),
        method: fc.constantFrom('GET', 'GET', 'GET', 'GET', ...methods),
        params: fc.array(fc.option(value, { freq: 2 }), {
          minLength: route.params.length,
          maxLength: route.params.length,
        }),
        query: fc.array(fc.tuple(fc.constantFrom(...route.query, 'junk', 'constructor'), value), {
          maxLength: 6,
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ route, method, params, query }) => {
        let url = route.url;
        route.params.forEach((name, i) => {
          if (params[i]) url = url.replace(`:${name}`, params[i].raw);
        });
        url = realPath({ ...route, url });
        const search = query.map(([name, v]) => `${name}=${v.raw}`).join('&');
        const sent = [
          ...params.flatMap((p) => (p ? [p.sent] : [])),
          ...query.map(([, v]) => v.sent),
        ];
        await check(app, { method, url: search ? `${url}?${search}` : url }, sent);
      }),
      { numRuns: 200 },
    );
  });
});
