/**
 * The route × role matrix (issue 8), generated from the route table: every GET and POST route
 * the app declares (signing in with an identity provider too), for nobody and for each role (in
 * its scope and, for scoped routes, outside it), with the published statistics open and then
 * needing sign-in. A route added later is in the matrix the day it exists; one that says nothing
 * about access stops the app (plugins/access.ts). A form the policy allows is then refused for
 * its missing CSRF token, which is not the access page.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roles, type Permission, type SignedInUser, type Viewer } from '../../src/access/policy.js';
import { expectedGrants } from '../support/access-oracle.js';
import { realPath, routeTable, type Route } from '../support/routes.js';
import { useDemoApp } from '../support/web.js';

/** One viewer per role, scoped to Somerset (933) or a school there; who is asking rides in a header. */
const viewers: Record<string, SignedInUser> = Object.fromEntries(
  roles.map((role) => [
    role,
    {
      id: role,
      email: `${role}@example.org`,
      displayName: role,
      role,
      laCodes: ['la_officer', 'la_analyst', 'board_member'].includes(role) ? [933] : [],
      urns: ['headteacher', 'governor'].includes(role) ? [123456] : [],
    },
  ]),
);
const identify = async (request: FastifyRequest): Promise<Viewer> =>
  viewers[String(request.headers['x-test-viewer'])] ?? null;

/** What the oracle says a viewer gets on a route: 'allow', 401 or 403. */
function expected(viewer: string | undefined, route: Route, open: boolean): 'allow' | 401 | 403 {
  const p = route.access.permission;
  if (p === 'anyone') return 'allow';
  // The matrix's strategy id (":id") is no published strategy: only the LA's own staff get in.
  const unpublished = p === 'read-strategy' && route.params.includes('id');
  if (!viewer)
    return open && (p === 'open-statistics' || (p === 'read-strategy' && !unpublished))
      ? 'allow'
      : 401;
  const grants = expectedGrants[viewers[viewer]!.role];
  if (!grants.includes(p as Permission)) return 403;
  if (unpublished && !grants.includes('read-la-restricted')) return 403;
  return 'allow'; // in scope: the path's LA (933) or school is the viewer's
}

/** The policy's own refusal (401 sign in, 403 not allowed), told apart from a form's CSRF 403. */
function refusedByPolicy(res: { statusCode: number; body: string }): boolean {
  if (res.statusCode === 401) return true;
  return (
    res.statusCode === 403 && /LANTERN_FORBIDDEN|You do not have permission for this/.test(res.body)
  );
}

function matrix(open: boolean) {
  let app: FastifyInstance;
  let routes: Route[] = [];
  useDemoApp(
    (t) => ({ app } = t),
    {
      organisationName: 'Lantern',
      production: true,
      publicAccess: open ? 'open' : 'signed-in',
      // Its routes exist only when configured; nothing here reaches the (absent) provider.
      oidc: {
        issuer: 'http://127.0.0.1:9/',
        clientId: 'matrix',
        clientSecret: 'matrix-secret',
        name: 'a test account',
      },
    },
    { identify },
  );
  before(async () => {
    await app.ready();
    routes = [...routeTable(app), ...routeTable(app, 'POST')];
  });

  it('has every route declare who may use it, and keeps only open answers in the shared cache', () => {
    assert.ok(routes.length >= 20, `${routes.length} routes`);
    for (const needed of ['/sign-in/oidc', '/admin/users/:id/disable'])
      assert.ok(
        routes.some((r) => r.url === needed),
        `${needed} is in the matrix`,
      );
    for (const r of routes) {
      assert.ok(r.access?.permission, `${r.url} declares no access`);
      if (r.publicAnswer)
        assert.ok(
          ['open-statistics', 'anyone'].includes(r.access.permission),
          `${r.url} is kept for everyone but needs ${r.access.permission}`,
        );
    }
  });

  it('answers each route as the policy says, for nobody and for every role', async () => {
    for (const r of routes) {
      for (const viewer of [undefined, ...roles]) {
        const url = realPath(r);
        const res = await app.inject({
          method: r.method,
          url,
          headers: viewer ? { 'x-test-viewer': viewer } : {},
          ...(r.method === 'POST' ? { payload: {} } : {}),
        });
        const want = expected(viewer, r, open);
        const what = `${viewer ?? 'nobody'} ${r.method} ${url} → ${res.statusCode}`;
        if (want === 'allow') assert.ok(!refusedByPolicy(res), what);
        else {
          assert.equal(res.statusCode, want, what);
          assert.ok(refusedByPolicy(res), `${what}: not the access answer`);
        }
      }
    }
  });

  it('never lets a cached page past the check: nobody gets 401 after a signed-in view', async () => {
    if (open) return;
    for (const r of routes.filter((x) => x.publicAnswer)) {
      const url = realPath(r);
      await app.inject({ url, headers: { 'x-test-viewer': 'governor' } });
      assert.equal((await app.inject(url)).statusCode, 401, url);
    }
  });
}

describe('route × role matrix, statistics open to all (LANTERN_PUBLIC_ACCESS=open)', () =>
  matrix(true));
describe('route × role matrix, statistics for signed-in users (LANTERN_PUBLIC_ACCESS=signed-in)', () =>
  matrix(false));

describe('a route that does not say who may use it', () => {
  it('stops the app as it is added, naming the route and what to write', async () => {
    const { default: Fastify } = await import('fastify');
    const { requireAccess, needs } = await import('../../src/web/plugins/access.js');
    const app = Fastify();
    app.addHook('onRoute', requireAccess);
    app.get('/fine', { config: needs('manage-users') }, async () => 'ok');
    app.get('/assets/x.css', async () => 'files the pages use are for anyone');
    assert.throws(
      () => app.get('/forgotten', async () => 'open by mistake'),
      /GET \/forgotten must say who may use it: config: needs\(permission\) or openStatistics/,
    );
    assert.throws(
      () => app.get('/strategy', { config: needs('read-la-restricted') }, async () => 'every LA'),
      /GET \/strategy needs read-la-restricted, which is checked on an LA or school/,
    );
    app.get(
      '/la/:code/strategy',
      { config: needs('read-la-restricted', { la: 'code' }) },
      async () => 'ok',
    );
    await app.close();
  });
});
