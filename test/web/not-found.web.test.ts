import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { useDemoApp } from '../support/web.js';

/** The "Did you mean" links of a not-found page: href and text. */
function suggested(body: string): string[] {
  const list = /Did you mean:<\/p>\s*<ul[^>]*>([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '';
  return [...list.matchAll(/<a class="govuk-link" href="([^"]+)">([^<]+)<\/a>/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
}

describe('"did you mean" on not-found pages and API errors', () => {
  let app: FastifyInstance;
  useDemoApp((t) => ({ app } = t));

  it('answers a mistyped measure on the LA-measure page with 404 and the nearest measures', async () => {
    const res = await app.inject('/la/933/measure/DEMO_KS2_RW');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Page not found/);
    assert.match(res.body, /No measure has the code &quot;DEMO_KS2_RW&quot;/);
    assert.equal(
      suggested(res.body)[0],
      '/la/933/measure/DEMO_KS2_RWM KS2 reading, writing and maths: expected standard (synthetic) (DEMO_KS2_RWM)',
    );
  });

  it('suggests the measure a mistyped letter away from the code', async () => {
    const res = await app.inject('/la/933/measure/DEMO_KS2_RWX');
    assert.equal(res.statusCode, 404);
    assert.match(suggested(res.body)[0]!, /^\/la\/933\/measure\/DEMO_KS2_RWM /);
  });

  it('answers an unknown LA on the all-LAs page with 404 and the nearest LAs', async () => {
    const res = await app.inject('/measure/DEMO_KS2_RWM?la=Somerst');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /No local authority matches &quot;Somerst&quot;/);
    assert.ok(suggested(res.body).includes('/measure/DEMO_KS2_RWM?la=933 Somerset (933)'));
  });

  it('suggests the measure whose code a mistyped address holds, such as a download ending', async () => {
    const res = await app.inject('/la/933/measure/DEMO_KS2_RWM.csv');
    assert.equal(res.statusCode, 404);
    assert.match(suggested(res.body)[0]!, /^\/la\/933\/measure\/DEMO_KS2_RWM /);
  });

  it('lists at most five suggestions', async () => {
    const res = await app.inject('/la/933/measure/DEMO_KS2_RW');
    assert.equal(suggested(res.body).length, 5);
  });

  it('links the all-LAs page of the nearest measure', async () => {
    const res = await app.inject('/measure/DEMO_KS2_RW');
    assert.equal(res.statusCode, 404);
    assert.match(suggested(res.body)[0]!, /^\/measure\/DEMO_KS2_RWM /);
  });

  it('links the statistical-neighbours page of the nearest measure', async () => {
    const res = await app.inject('/la/933/neighbours/DEMO_KS2_RW');
    assert.equal(res.statusCode, 404);
    assert.match(suggested(res.body)[0]!, /^\/la\/933\/neighbours\/DEMO_KS2_RWM /);
  });

  it('links the region page of the nearest measure', async () => {
    const res = await app.inject('/region/990/DEMO_KS2_RW');
    assert.equal(res.statusCode, 404);
    assert.match(suggested(res.body)[0]!, /^\/region\/990\/DEMO_KS2_RWM /);
  });

  it('answers a misspelt LA with the nearest LAs by name', async () => {
    const res = await app.inject('/la/Somerst');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /No local authority matches &quot;Somerst&quot;/);
    assert.equal(suggested(res.body)[0], '/la/933 Somerset (933)');
  });

  it('keeps the measure when it suggests an LA for the LA-measure page', async () => {
    const res = await app.inject('/la/Somerst/measure/DEMO_KS2_RWM');
    assert.equal(res.statusCode, 404);
    assert.equal(suggested(res.body)[0], '/la/933/measure/DEMO_KS2_RWM Somerset (933)');
  });

  it('answers a short LA code with the LAs whose codes begin with it', async () => {
    const res = await app.inject('/la/93');
    assert.equal(res.statusCode, 404);
    assert.deepEqual(suggested(res.body).slice(0, 2), [
      '/la/931 Oxfordshire (931)',
      '/la/933 Somerset (933)',
    ]);
  });

  it('includes suggestions with API links in the JSON 404 of a mistyped measure', async () => {
    const res = await app.inject('/api/v1/measures/DEMO_KS2_RW/benchmark');
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json().error.suggestions[0], {
      code: 'DEMO_KS2_RWM',
      name: 'KS2 reading, writing and maths: expected standard (synthetic)',
      href: '/api/v1/measures/DEMO_KS2_RWM/benchmark',
    });
  });

  it('includes no suggestions in the JSON 404 of a code nothing is near', async () => {
    const res = await app.inject('/api/v1/measures/NOPE/benchmark');
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json().error.suggestions, []);
  });

  it('includes the nearest LA codes in the JSON 404 of an unknown LA', async () => {
    const res = await app.inject('/api/v1/la/999/scorecard');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'LANTERN_AREA_NOT_FOUND');
    assert.deepEqual(res.json().error.suggestions[0], {
      code: '929',
      name: 'Northumberland',
      href: '/api/v1/la/929/scorecard',
    });
  });
});
