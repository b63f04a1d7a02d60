import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { useDemoApp } from '../support/web.js';

const config = { organisationName: 'Lantern', production: false };
const view =
  '/compare?la=933&la=343&measure=DEMO_KS2_RWM&measure=DEMO_ABS_PERSISTENT&year=2023&year=2024&england=1';

describe('build your own comparison', () => {
  let app: FastifyInstance;
  useDemoApp((t) => ({ app } = t), config);

  it('shows one table per measure with the chosen LAs, England and years', async () => {
    const res = await app.inject(view);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /2 local authorities on 2 measures, 2023, 2024\./);
    assert.equal((res.body.match(/<table /g) ?? []).length, 2);
    assert.match(res.body, />Somerset<\/th>/);
    assert.match(res.body, />Sefton<\/th>/);
    assert.match(res.body, />England<\/th>/);
    assert.match(res.body, /<svg[^>]*role="img"/);
  });

  it('reproduces the same tables from the same URL', async () => {
    const tables = (body: string) => body.match(/<table[\s\S]*?<\/table>/g);
    assert.deepEqual(tables((await app.inject(view)).body), tables((await app.inject(view)).body));
  });

  it("expands a region and an LA's statistical neighbours into their LAs", async () => {
    const res = await app.inject(
      '/api/v1/compare?group=sn:933&group=region:980&measure=DEMO_KS2_RWM&year=latest',
    );
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.las[0].code, 933);
    assert.ok(body.las.length >= 11 + 12, `${body.las.length} LAs`);
    assert.deepEqual(body.regions, [{ code: 980, name: 'North East' }]);
    assert.equal(body.measures[0].yearLabels.length, 1);
    assert.ok(body.measures[0].rows.some((r: { kind: string }) => r.kind === 'region'));
  });

  it('names a saved set and keeps it in the URL', async () => {
    const res = await app.inject(
      '/compare?setname=Our%20family&setlas=933,%20343&measure=DEMO_KS2_RWM',
    );
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /“Our family”/);
    assert.match(res.body, /value="933, 343"/);
  });

  it('downloads exactly the table shown as CSV', async () => {
    const res = await app.inject(`${view}&download=csv&table=compare-1`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(lines[0], 'Area,Code,2023,2024');
    assert.match(lines[1]!, /^Somerset,933,/);
    assert.match(lines[3]!, /^England,970,/);
  });

  it('downloads the second table as XLSX with the same rows', async () => {
    const res = await app.inject(`${view}&download=xlsx&table=compare-2`);
    assert.equal(res.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1, 3), ['Area', 'Code']);
    assert.match(String(sheet.getRow(1).getCell(3).value), /^2023/);
    assert.equal(sheet.getRow(2).getCell(1).value, 'Somerset');
    assert.equal(typeof sheet.getRow(2).getCell(3).value, 'number');
  });

  it('answers an unknown table id with 404', async () => {
    assert.equal((await app.inject(`${view}&download=csv&table=nope`)).statusCode, 404);
  });

  it('names an unknown LA code and an unknown measure', async () => {
    const res = await app.inject('/compare?la=999&measure=NOPE');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /There is a problem/);
    assert.match(res.body, /No local authority has the code &quot;999&quot;/);
    assert.match(res.body, /No measure has the code &quot;NOPE&quot;/);
    assert.match(res.body, /<title>Error: /);
  });

  it('refuses more than 10 measures with a clear message', async () => {
    const measures = Array.from({ length: 11 }, (_, i) => `measure=M${i}`).join('&');
    const res = await app.inject(`/api/v1/compare?la=933&${measures}`);
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /at most 10 measures: 11 are chosen/);
  });

  it('refuses more than 35 LAs with a clear message', async () => {
    const res = await app.inject(
      '/api/v1/compare?group=region:986&group=region:990&measure=DEMO_KS2_RWM',
    );
    assert.equal(res.statusCode, 400);
    assert.match(
      res.json().error.message,
      /at most 35 local authorities: these choices add up to \d+/,
    );
  });

  it('names a malformed group and year', async () => {
    const res = await app.inject(
      '/api/v1/compare?group=county:1&la=933&measure=DEMO_KS2_RWM&year=20x4',
    );
    assert.equal(res.statusCode, 400);
    const messages = res.json().error.problems.map((p: { message: string }) => p.message);
    assert.ok(messages.some((m: string) => /"county:1" is not a group/.test(m)));
    assert.ok(messages.some((m: string) => /"20x4" is not a year/.test(m)));
  });

  it('shows the form without errors when nothing is chosen yet', async () => {
    const res = await app.inject('/compare');
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /There is a problem/);
    assert.match(res.body, /Choose what to compare/);
  });

  it('lists measures matching the picker words without showing errors', async () => {
    const res = await app.inject('/compare?la=933&mq=persistant%20absense&find=1');
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /There is a problem/);
    assert.match(res.body, /value="DEMO_ABS_PERSISTENT"/);
    assert.match(res.body, /id="la-990-\d*"[^>]*value="933"[^>]*checked|value="933" checked/);
  });
});
