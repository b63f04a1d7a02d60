import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { methodsAnchors } from '../../src/web/layouts/page-frame.js';
import { loadMethodsDoc, methodsDocPath } from '../../src/web/pages/methods/methods.view.js';
import { useDemoApp } from '../support/web.js';

/** Every `/methods#anchor` written in src/ (templates, views, component examples). */
function linkedAnchors(dir = path.resolve('src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return linkedAnchors(p);
    if (!/\.(ts|njk|yaml)$/.test(e.name)) return [];
    return [...fs.readFileSync(p, 'utf8').matchAll(/\/methods#([\w-]+)/g)].map((m) => m[1]!);
  });
}

describe('the methods page, rendered from docs/methods.md', () => {
  let app: FastifyInstance;
  useDemoApp((t) => ({ app } = t));

  it('has a target for every anchor pages link to', async () => {
    const body = (await app.inject('/methods')).body;
    const anchors = new Set([...methodsAnchors, ...linkedAnchors()]);
    const missing = [...anchors].filter((id) => !body.includes(` id="${id}"`));
    assert.deepEqual(missing, []);
  });

  it('shows the title, breadcrumbs and a contents list of the sections', async () => {
    const res = await app.inject('/methods');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<title>How Lantern compares local authorities – Lantern<\/title>/);
    assert.match(res.body, /<h1 class="govuk-heading-l">How Lantern compares local authorities</);
    assert.match(res.body, /class="govuk-breadcrumbs[^"]*"/);
    assert.match(res.body, /<a class="govuk-link" href="#bands">4. Quartile bands<\/a>/);
    assert.match(res.body, /<a class="govuk-link" href="#departures">Where Lantern departs/);
  });

  it('shows the text of docs/methods.md with GOV.UK classes', async () => {
    const body = (await app.inject('/methods')).body;
    assert.match(body, /<h2 id="bands" class="govuk-heading-m">4. Quartile bands<\/h2>/);
    assert.match(body, /<p class="govuk-body">Rank 1 is the best LA/);
    assert.match(body, /<table class="govuk-table">/);
    assert.match(body, /Line charts start their value axis near the data/);
  });
});

it('reads and renders docs/methods.md once per process', () => {
  assert.equal(loadMethodsDoc(), loadMethodsDoc(methodsDocPath));
});

it('says which file is missing when docs/methods.md cannot be found', () => {
  assert.throws(
    () => loadMethodsDoc('/nowhere/docs/methods.md'),
    /rendered from docs\/methods.md, which is missing: looked for \/nowhere\/docs\/methods.md/,
  );
});
