import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { readRecent } from '../../src/web/plugins/recently-viewed.js';
import { useDemoApp } from '../support/web.js';

const config = { organisationName: 'Lantern', production: false };

describe('home page search and recently viewed', () => {
  let app: FastifyInstance;
  useDemoApp((t) => ({ app } = t), config);

  it('finds an LA from a misspelt name', async () => {
    const res = await app.inject('/?q=Somersett');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /href="\/la\/933">Somerset<\/a>/);
  });

  it('finds an LA by its 3-digit and its 9-character code', async () => {
    assert.match((await app.inject('/?q=933')).body, /href="\/la\/933">Somerset<\/a>/);
    assert.match((await app.inject('/?q=e06000066')).body, /href="\/la\/933">Somerset<\/a>/);
  });

  it('finds measures from misspelt words', async () => {
    const res = await app.inject('/api/v1/search?q=persistant%20absense');
    const codes = res.json().measures.map((m: { code: string }) => m.code);
    assert.ok(codes.includes('DEMO_ABS_PERSISTENT'), codes.join(' '));
  });

  it('finds KS2 reading measures from "ks2 reading"', async () => {
    const res = await app.inject('/api/v1/search?q=ks2%20reading');
    const codes = res.json().measures.map((m: { code: string }) => m.code);
    assert.ok(codes.includes('DEMO_KS2_READ'), codes.join(' '));
    assert.ok(!codes.includes('DEMO_KS4_ATT8'), codes.join(' '));
  });

  it('shows results in two groups with their counts', async () => {
    const res = await app.inject('/?q=north');
    assert.match(res.body, /Local authorities \(\d+\)/);
    assert.match(res.body, /Measures \(\d+\)/);
    assert.match(res.body, /id="results-count"/);
  });

  it('links measures to the all-LAs page', async () => {
    const res = await app.inject('/?q=absence');
    assert.match(res.body, /href="\/measure\/DEMO_ABS_PERSISTENT"/);
  });

  it('keeps the region-grouped LA list on the home page', async () => {
    const res = await app.inject('/');
    assert.match(res.body, />South West<\/h3>/);
    assert.match(res.body, /href="\/la\/343">Sefton<\/a>/);
  });

  it('stores a viewed scorecard in the recently viewed cookie and lists it at home', async () => {
    const page = await app.inject('/la/933');
    const cookie = String(page.headers['set-cookie']);
    assert.match(cookie, /^lantern_recent=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const home = await app.inject({ url: '/', headers: { cookie: cookie.split(';')[0]! } });
    assert.match(home.body, /Recently viewed/);
    assert.match(home.body, /href="\/la\/933">Somerset/);
  });

  it('keeps the last 8 pages, newest first, without repeats', async () => {
    let cookie = '';
    for (const code of [933, 343, 823, 933, 800, 801, 802, 803, 805, 806]) {
      const res = await app.inject({ url: `/la/${code}`, headers: { cookie } });
      cookie = String(res.headers['set-cookie']).split(';')[0]!;
    }
    assert.deepEqual(
      readRecent(cookie).map((i) => i.path),
      ['/la/806', '/la/805', '/la/803', '/la/802', '/la/801', '/la/800', '/la/933', '/la/823'],
    );
  });

  it('does not store pages that are not tracked, failed or not HTML', async () => {
    assert.equal((await app.inject('/about')).headers['set-cookie'], undefined);
    assert.equal((await app.inject('/la/999')).headers['set-cookie'], undefined);
    assert.equal((await app.inject('/la/933.csv')).headers['set-cookie'], undefined);
  });

  it('ignores a tampered cookie pointing off-site', async () => {
    const bad = '//evil.example~x|/la/933~Somerset';
    const home = await app.inject({ url: '/', headers: { cookie: `lantern_recent=${bad}` } });
    assert.doesNotMatch(home.body, /evil\.example/);
    assert.match(home.body, /href="\/la\/933">Somerset/);
  });

  it('lists areas and measures as JSON', async () => {
    const areas = (await app.inject('/api/v1/areas')).json().areas;
    assert.ok(areas.some((a: { code: number; kind: string }) => a.code === 933 && a.kind === 'la'));
    const measures = (await app.inject('/api/v1/measures?q=absense')).json().measures;
    assert.ok(measures.length > 0);
    assert.ok(Array.isArray(measures[0].yearLabels));
  });
});
