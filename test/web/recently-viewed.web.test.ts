import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import {
  maxCookieBytes,
  readRecent,
  recentCookie,
  recentCookieValue,
} from '../../src/web/plugins/recently-viewed.js';
import type { Database } from '../../src/core/db.js';
import { useDemoApp } from '../support/web.js';

/** The cookie a browser keeps from a response: `name=value`, without its attributes. */
const keptCookie = (header: unknown) => String(header).split(';')[0]!;

describe('recently viewed cookie after long comparisons', () => {
  let app: FastifyInstance;
  let db: Database;
  useDemoApp((t) => ({ app, db } = t));

  it('keeps the published statistics only, never a strategy’s pages', async () => {
    // Somerset's demo copy is published, so anyone may open it: still not kept.
    const [s] = await db.query<{ id: string }>(
      'select id from strategy where la_code = 933 and published',
    );
    const strategy = await app.inject(`/la/933/strategies/${s!.id}`);
    assert.equal(strategy.statusCode, 200);
    assert.ok(!String(strategy.headers['set-cookie'] ?? '').includes(recentCookie));
    const scorecard = await app.inject('/la/933');
    assert.match(String(scorecard.headers['set-cookie']), new RegExp(`^${recentCookie}=`));
  });

  it('stays under 1,000 bytes after five long /compare URLs, listing the newest at home', async () => {
    const las = (await app.inject('/api/v1/areas'))
      .json()
      .areas.filter((a: { kind: string }) => a.kind === 'la')
      .map((a: { code: number }) => `la=${a.code}`);
    const measures = (await app.inject('/api/v1/measures'))
      .json()
      .measures.map((m: { measure: { code: string } }) => `measure=${m.measure.code}`);
    let cookie = '';
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const query = [...las.slice(i * 30, i * 30 + 30), ...measures.slice(i, i + 6), 'england=1'];
      const url = `/compare?${query.join('&')}`;
      const res = await app.inject({ url, headers: { cookie } });
      assert.equal(res.statusCode, 200, url);
      cookie = keptCookie(res.headers['set-cookie']);
      sizes.push(Buffer.byteLength(cookie));
      assert.equal(readRecent(cookie)[0]?.path, url);
    }
    assert.ok(
      sizes.every((n) => n <= maxCookieBytes),
      `cookie sizes ${sizes.join(', ')} bytes`,
    );
    const home = await app.inject({ url: '/', headers: { cookie } });
    assert.match(home.body, /Recently viewed/);
    assert.match(home.body, /href="\/compare\?la=/);
  });
});

describe('recently viewed cookie value', () => {
  const longTitle = 'Comparison: Łódź-style title with “quotes”, commas; and semicolons '.repeat(4);
  const items = Array.from({ length: 8 }, (_, i) => ({
    path: `/compare?${Array.from({ length: 40 }, (_x, j) => `la=${800 + i + j}`).join('&')}`,
    title: `${i} ${longTitle}`,
  }));

  it('keeps the newest items that fit in 1,000 bytes, the newest always', () => {
    const value = recentCookieValue(items);
    assert.ok(Buffer.byteLength(`lantern_recent=${value}`) <= maxCookieBytes);
    const kept = readRecent(`lantern_recent=${value}`);
    assert.ok(kept.length >= 1);
    assert.deepEqual(
      kept.map((k) => k.path),
      items.slice(0, kept.length).map((k) => k.path),
    );
    assert.equal(kept[0]!.title, items[0]!.title.slice(0, 60));
  });

  it('holds only characters a cookie value may hold', () => {
    assert.match(recentCookieValue(items), /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/);
  });

  it('drops tampered items: dot segments, control characters, untracked paths', () => {
    const value = recentCookieValue([
      { path: '/la/933', title: 'Somerset' },
      { path: '/la/..//evil.example', title: 'x' },
      { path: '/la/./933', title: 'x' },
      { path: '/la/933\u0000', title: 'x' },
      { path: '/la/%2e%2e/x', title: 'x' },
      { path: '/la/..\\x', title: 'x' },
      { path: '/la/933', title: 'dup' },
      { path: '//evil.example/la/1', title: 'x' },
    ]);
    assert.deepEqual(
      readRecent(`${recentCookie}=${value}`).map((i) => i.path),
      ['/la/933', '/la/933'],
    );
  });
});
