import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/core/db.js';
import { buildApp } from '../../src/web/app.js';
import { freshPglite } from '../support/db.js';
import { useDemoApp } from '../support/web.js';

const config = { organisationName: 'Somerset Council', production: false };
const banner = 'This is synthetic demo data, not official statistics';

describe('web app with the demo data', () => {
  let app: FastifyInstance;
  useDemoApp((t) => ({ app } = t), config);

  it('serves the home page listing LAs by region with the demo banner', async () => {
    const res = await app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h3 class="govuk-heading-m">South West<\/h3>/);
    assert.match(res.body, /href="\/la\/933">Somerset<\/a>/);
    assert.ok(res.body.includes(banner));
    assert.ok(res.body.includes('Somerset Council'));
  });

  it('filters the home page by name or code', async () => {
    const byName = await app.inject('/?q=sefton');
    assert.match(byName.body, /href="\/la\/343">Sefton<\/a>/);
    assert.doesNotMatch(byName.body, /href="\/la\/933"/);
    const byGss = await app.inject('/?q=E06000066');
    assert.match(byGss.body, /href="\/la\/933">Somerset<\/a>/);
  });

  it('renders a scorecard with topics, ranks, bands and the demo banner', async () => {
    const res = await app.inject('/la/933');
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(banner));
    assert.match(res.body, /<h1 class="govuk-heading-xl">Somerset<\/h1>/);
    assert.match(
      res.body,
      /<caption class="govuk-table__caption govuk-table__caption--m">Key stage 2<\/caption>/,
    );
    assert.match(res.body, /\d+ of 15[0-9]/);
    // The scorecard's compact table writes a band as <strong class="lantern-band--a">.
    assert.match(res.body, /class="(lantern-band )?lantern-band--[abcd]"/);
    assert.match(res.body, /<b>(better|worse|no change)<\/b>/);
  });

  it('never includes the GOV.UK crown, wordmark or Crown copyright', async () => {
    const res = await app.inject('/la/933');
    assert.doesNotMatch(res.body, /Crown copyright|govuk-logo|govuk-footer__crown|GOV\.UK/);
  });

  it('answers an unknown LA with a 404 page', async () => {
    const res = await app.inject('/la/999');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Page not found/);
    assert.ok(res.body.includes(banner));
  });

  it('redirects a 9-character LA code to the 3-digit page', async () => {
    const res = await app.inject('/la/E06000066');
    assert.equal(res.statusCode, 301);
    assert.equal(res.headers.location, '/la/933');
  });

  it('downloads the scorecard as CSV with a header and one row per measure', async () => {
    const res = await app.inject('/la/933.csv');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    const disposition = parse(String(res.headers['content-disposition']));
    assert.equal(disposition.type, 'attachment');
    assert.equal(disposition.parameters.filename, 'lantern-scorecard-933.csv');
    assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = res.body.trim().split('\r\n');
    assert.match(lines[0]!, /^\uFEFF?Topic,Measure code,Measure,Year,Value/);
    assert.ok(lines.length > 30);
    assert.equal((await app.inject('/la/933?format=csv')).body, res.body);
  });

  it('returns the scorecard as JSON with unrounded numbers', async () => {
    const res = await app.inject('/api/v1/la/933/scorecard');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.laCode, 933);
    assert.equal(body.laName, 'Somerset');
    const entry = body.topics[0].entries[0];
    assert.equal(typeof entry.measure.code, 'string');
    assert.ok(
      'rank' in entry.benchmark &&
        'quartileBand' in entry.benchmark &&
        'statisticalNeighboursAverage' in entry.benchmark,
    );
  });

  it('gives each scorecard measure its heading and a link to its long texts, as documented', async () => {
    const body = (await app.inject('/api/v1/la/933/scorecard')).json();
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    const documented = Object.keys(doc.components.schemas.MeasureHeading.properties);
    const measure = body.topics[0].entries[0].measure;
    assert.deepEqual(Object.keys(measure).sort(), [...documented].sort());
    assert.equal(measure.description, undefined);
    const full = await app.inject(measure.href);
    assert.equal(full.statusCode, 200);
    assert.equal(full.json().measure.code, measure.code);
    assert.ok('description' in full.json().measure);
  });

  it('returns one measure benchmark for a year and an LA as JSON', async () => {
    const res = await app.inject('/api/v1/measures/DEMO_KS2_RWM/benchmark?year=2024&la=933');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.measure.code, 'DEMO_KS2_RWM');
    assert.equal(body.yearLabel, '2024');
    assert.equal(body.rows.length, 1);
    assert.equal(body.rows[0].laCode, 933);
    assert.equal(typeof body.cutPoints.q50, 'number');
  });

  it('answers an unknown measure in the API with a JSON 404 and no stack', async () => {
    const res = await app.inject('/api/v1/measures/NOPE/benchmark');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'LANTERN_MEASURE_NOT_FOUND');
    assert.deepEqual(Object.keys(res.json().error).sort(), ['code', 'message', 'suggestions']);
  });

  it('shows no stack on a 4xx page, even in development', async () => {
    const json = { 'content-type': 'application/json' };
    for (const request of [
      { url: '/la/933/measure/NOPE' },
      { method: 'POST' as const, url: '/la/933', payload: '{', headers: json },
    ]) {
      const res = await app.inject(request);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, request.url);
      assert.doesNotMatch(res.body, /lantern-stack|at .*\.[jt]s:\d+/, request.url);
    }
  });

  it('allows only its own scripts and the govuk-frontend inline script, by its hash', async () => {
    const res = await app.inject('/');
    const csp = String(res.headers['content-security-policy']);
    const hash = /script-src 'self' 'sha256-([^']+)'/.exec(csp)?.[1];
    assert.ok(hash);
    const inline = /<script>([^<]*)<\/script>/.exec(res.body)?.[1];
    assert.ok(inline, 'the page has the govuk inline script');
    assert.equal(createHash('sha256').update(inline).digest('base64'), hash);
    assert.ok(!csp.includes('unsafe-inline'));
  });
});

describe('web app errors', () => {
  const failingDb = {
    engine: 'pglite',
    query: async () => {
      throw new Error('secret database detail');
    },
    exec: async () => {},
    transaction: async () => {
      throw new Error('secret database detail');
    },
    close: async () => {},
  } as unknown as Database;

  it('hides the error and stack in production', async () => {
    const app = await buildApp({
      db: failingDb,
      config: { ...config, sessionSecret: 's'.repeat(32), production: true },
    });
    const res = await app.inject('/');
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /Sorry, there is a problem with the service/);
    assert.doesNotMatch(res.body, /secret database detail|at .*\.ts:\d+/);
    const api = await app.inject('/api/v1/la/933/scorecard');
    assert.equal(api.statusCode, 500);
    assert.doesNotMatch(api.body, /secret database detail|stack/);
    await app.close();
  });

  it('never sends a stack in the JSON API, not even in development', async () => {
    const app = await buildApp({
      db: failingDb,
      config: { ...config, sessionSecret: 's'.repeat(32) },
    });
    const api = await app.inject('/api/v1/la/933/scorecard');
    assert.equal(api.statusCode, 500);
    assert.doesNotMatch(api.body, /stack|at .*\.ts:\d+/);
    await app.close();
  });

  it('shows the error and stack in development', async () => {
    const app = await buildApp({
      db: failingDb,
      config: { ...config, sessionSecret: 's'.repeat(32) },
    });
    const res = await app.inject('/');
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /secret database detail/);
    assert.match(res.body, /class="lantern-stack"/);
    await app.close();
  });

  it('shows no demo banner when the store holds no demo data', async () => {
    const db = await freshPglite();
    const app = await buildApp({ db, config });
    const res = await app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes(banner));
    assert.match(res.body, /No data loaded yet/);
    await app.close();
    await db.close();
  });
});
