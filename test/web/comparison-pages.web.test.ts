import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'content-disposition';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/core/db.js';
import { loadDemo } from '../../src/demo/demo.service.js';
import { loadNeighbourSet, replaceNeighbourSet } from '../../src/measures/neighbours.repository.js';
import { buildApp } from '../../src/web/app.js';
import { freshPglite } from '../support/db.js';

const config = { organisationName: 'Somerset Council', production: false };
const measure = 'DEMO_KS2_RWM';

/** Rows of the table with this id as text, tags stripped. */
function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  const body = /<tbody[\s\S]*<\/tbody>/.exec(table)?.[0] ?? '';
  return [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      c[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

/** The first field of a CSV line (quoted or not). */
function firstField(line: string): string {
  const quoted = /^"((?:[^"]|"")*)"/.exec(line);
  return quoted ? quoted[1]!.replace(/""/g, '"') : line.split(',')[0]!;
}

function csvLines(body: string): string[] {
  return body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
}

describe('statistical neighbours, region and all-LAs pages (demo data)', () => {
  let db: Database;
  let app: FastifyInstance;
  before(async () => {
    db = await freshPglite();
    await loadDemo(db);
    // A second set with other neighbours for Somerset, and none for Cumberland (942).
    const demo = (await loadNeighbourSet(db, 'demo'))!;
    const others = [...demo.neighbours.keys()].filter((c) => c !== 933).slice(0, 10);
    const neighbours = new Map(demo.neighbours);
    neighbours.set(
      933,
      others.map((code) => ({ code, closeness: 'Close' })),
    );
    neighbours.delete(942);
    await replaceNeighbourSet(
      db,
      { version: '2021', description: 'Test set (2021)', neighbours, regions: demo.regions },
      null,
    );
    app = await buildApp({ db, config });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  describe('neighbours page', () => {
    it('lists the LA and its neighbours SN1 to SN10 with closeness, the SN average, region and England', async () => {
      const res = await app.inject(`/la/933/neighbours/${measure}?set=demo`);
      assert.equal(res.statusCode, 200);
      const rows = tableRows(res.body, 'neighbours');
      assert.equal(rows[0]![0], 'Selected LA');
      assert.equal(rows[0]![1], 'Somerset');
      assert.deepEqual(
        rows.slice(1, 11).map((r) => r[0]),
        Array.from({ length: 10 }, (_, i) => `SN${i + 1}`),
      );
      assert.match(
        rows[11]![1]!,
        /Statistical neighbours' average \(synthetic demo set, 10 of 10 with a value\)/,
      );
      assert.equal(rows[12]![0], 'Region');
      assert.equal(rows[13]![1], 'England');
      assert.match(rows[1]![4]!, /^\d+ of \d+$/);
      assert.match(res.body, /<svg[^>]*role="img"/);
      assert.match(res.body, /href="\/methods#neighbours"/);
    });

    it('recomputes the SN average with the set chosen', async () => {
      const demoRes = await app.inject(`/api/v1/la/933/neighbours/${measure}?set=demo`);
      const testRes = await app.inject(`/api/v1/la/933/neighbours/${measure}?set=2021`);
      const a = demoRes.json();
      const b = testRes.json();
      assert.equal(b.neighbourSet.version, '2021');
      const mean = (list: { benchmark: { value: number | null } }[]) => {
        const v = list.map((n) => n.benchmark.value).filter((x): x is number => x !== null);
        return v.reduce((s, x) => s + x, 0) / v.length;
      };
      assert.ok(Math.abs(a.la.statisticalNeighboursAverage - mean(a.neighbours)) < 1e-9);
      assert.ok(Math.abs(b.la.statisticalNeighboursAverage - mean(b.neighbours)) < 1e-9);
      assert.notEqual(a.la.statisticalNeighboursAverage, b.la.statisticalNeighboursAverage);
      const page = await app.inject(`/la/933/neighbours/${measure}?set=2021`);
      assert.match(page.body, /value="2021" checked/);
    });

    it('says clearly when an LA has no neighbours in the set chosen', async () => {
      const res = await app.inject(`/la/942/neighbours/${measure}?set=2021`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Cumberland has no statistical neighbours in the 2021 set/);
      assert.doesNotMatch(res.body, /Statistical neighbours' average \(/);
    });

    it('answers an unknown set or year with a 400 page listing the valid ones', async () => {
      const set = await app.inject(`/la/933/neighbours/${measure}?set=1999`);
      assert.equal(set.statusCode, 400);
      assert.match(set.body, /href="\/la\/933\/neighbours\/DEMO_KS2_RWM\?set=demo"/);
      const year = await app.inject(`/la/933/neighbours/${measure}?year=1999`);
      assert.equal(year.statusCode, 400);
      assert.match(year.body, /href="\/la\/933\/neighbours\/DEMO_KS2_RWM\?year=2024"/);
      const api = await app.inject(`/api/v1/la/933/neighbours/${measure}?year=1999`);
      assert.equal(api.statusCode, 400);
      assert.ok(api.json().error.valid.includes('2024'));
    });

    it('answers an unknown LA or measure with 404', async () => {
      assert.equal((await app.inject(`/la/999/neighbours/${measure}`)).statusCode, 404);
      assert.equal((await app.inject('/la/933/neighbours/NOPE')).statusCode, 404);
      assert.equal((await app.inject(`/la/abc/neighbours/${measure}`)).statusCode, 404);
    });

    it('downloads the table shown as CSV and XLSX with the same rows', async () => {
      const page = await app.inject(`/la/933/neighbours/${measure}?year=2024&set=demo`);
      const rows = tableRows(page.body, 'neighbours');
      const csv = await app.inject(
        `/la/933/neighbours/${measure}?year=2024&set=demo&download=csv&table=neighbours`,
      );
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.equal(
        parse(String(csv.headers['content-disposition'])).parameters.filename,
        'lantern-neighbours-933-DEMO_KS2_RWM-2024-demo.csv',
      );
      const lines = csvLines(csv.body);
      assert.match(
        lines[0]!,
        /^Group,Local authority or area,Closeness,Value,Rank of \d+ \(1 = best\)/,
      );
      assert.deepEqual(
        lines.slice(1, rows.length + 1).map(firstField),
        rows.map((r) => r[0]),
      );
      const xlsx = await app.inject(
        `/la/933/neighbours/${measure}?year=2024&set=demo&download=xlsx&table=neighbours`,
      );
      assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      assert.equal(sheet.getRow(2).getCell(2).value, 'Somerset');
      assert.equal(sheet.getRow(rows.length + 1).getCell(2).value, 'England');
    });
  });

  describe('region page', () => {
    it('lists every London LA (Inner and Outer) best first, with London and England', async () => {
      const res = await app.inject(`/region/986/${measure}?year=2024`);
      assert.equal(res.statusCode, 200);
      const rows = tableRows(res.body, 'region-las');
      assert.equal(rows.length, 33);
      const ranks = rows.map((r) => Number(r[2]!.split(' ')[0]));
      assert.deepEqual(
        ranks,
        [...ranks].sort((x, y) => x - y),
      );
      assert.match(res.body, /href="\/la\/202">Camden<\/a>/);
      const regions = tableRows(res.body, 'regions');
      assert.equal(regions[regions.length - 1]![0], 'England');
      assert.match(res.body, /Regions are not ranked or banded/);
    });

    it('lists only Inner London LAs for 987', async () => {
      const body = (await app.inject(`/api/v1/region/987/${measure}`)).json();
      assert.equal(body.region.name, 'London (Inner)');
      assert.ok(body.las.some((r: { laCode: number }) => r.laCode === 202));
      assert.ok(!body.las.some((r: { laCode: number }) => r.laCode === 301));
      assert.ok(body.regions.length >= 10);
    });

    it('answers an unknown region with 404 and an unknown year with 400', async () => {
      assert.equal((await app.inject(`/region/999/${measure}`)).statusCode, 404);
      assert.equal((await app.inject(`/region/933/${measure}`)).statusCode, 404);
      assert.equal((await app.inject(`/region/986/${measure}?year=x`)).statusCode, 400);
    });

    it('downloads the regions table by its id', async () => {
      const csv = await app.inject(`/region/986/${measure}?year=2024&download=csv&table=regions`);
      assert.equal(csv.statusCode, 200);
      const lines = csvLines(csv.body);
      assert.equal(lines[0], 'Region,Value');
      assert.ok(lines.some((l) => l.startsWith('England,')));
      assert.equal(
        (await app.inject(`/region/986/${measure}?download=csv&table=nope`)).statusCode,
        404,
      );
    });
  });

  describe('all-LAs page', () => {
    it('lists every LA alphabetically by default with rank of N, band and SN average', async () => {
      const res = await app.inject(`/measure/${measure}`);
      assert.equal(res.statusCode, 200);
      const rows = tableRows(res.body, 'all-las');
      assert.ok(rows.length >= 150);
      const names = rows.map((r) => r[0]!);
      assert.deepEqual(
        names,
        [...names].sort((a, b) => a.localeCompare(b, 'en-GB')),
      );
      assert.match(
        res.body,
        /aria-sort="ascending"[^>]*>\s*<a[^>]*href="\/measure\/DEMO_KS2_RWM\?year=2025&amp;sort=name&amp;order=desc"/,
      );
      assert.match(res.body, /<table[^>]*id="bands"/);
      assert.match(res.body, /<table[^>]*id="cut-points"/);
    });

    it('sorts by rank with links that keep the rest of the URL', async () => {
      const res = await app.inject(`/measure/${measure}?year=2024&la=933&sort=rank&order=asc`);
      const rows = tableRows(res.body, 'all-las');
      const ranks = rows.map((r) => Number(r[2]!.split(' ')[0])).filter((n) => !Number.isNaN(n));
      assert.deepEqual(
        ranks,
        [...ranks].sort((x, y) => x - y),
      );
      assert.match(res.body, /aria-sort="ascending"[^>]*>\s*<a[^>]*sort=rank&amp;order=desc/);
      assert.match(
        res.body,
        /href="\/measure\/DEMO_KS2_RWM\?year=2024&amp;la=933&amp;sort=value&amp;order=desc"/,
      );
      assert.match(
        res.body,
        /Somerset <strong class="lantern-chosen-tag">chosen<\/strong>|Somerset<\/a> <strong class="lantern-chosen-tag">chosen/,
      );
      const desc = tableRows(
        (await app.inject(`/measure/${measure}?year=2024&sort=value&order=desc`)).body,
        'all-las',
      );
      const values = desc.map((r) => Number(r[1])).filter((n) => !Number.isNaN(n));
      assert.deepEqual(
        values,
        [...values].sort((x, y) => y - x),
      );
    });

    it('answers a bad sort, year or LA', async () => {
      assert.equal((await app.inject(`/measure/${measure}?sort=colour`)).statusCode, 400);
      assert.equal((await app.inject(`/measure/${measure}?year=1066`)).statusCode, 400);
      assert.equal((await app.inject(`/measure/${measure}?la=999`)).statusCode, 404);
      assert.equal((await app.inject('/measure/NOPE')).statusCode, 404);
    });

    it('downloads the LA table in the order shown, and the bands table', async () => {
      const url = `/measure/${measure}?year=2024&sort=value&order=desc`;
      const rows = tableRows((await app.inject(url)).body, 'all-las');
      const csv = await app.inject(`${url}&download=csv&table=all-las`);
      assert.equal(
        parse(String(csv.headers['content-disposition'])).parameters.filename,
        'lantern-all-las-DEMO_KS2_RWM-2024.csv',
      );
      const lines = csvLines(csv.body);
      assert.deepEqual(
        lines.slice(1, 6).map(firstField),
        rows.slice(0, 5).map((r) => r[0]!.replace(/ chosen$/, '')),
      );
      const bands = csvLines((await app.inject(`${url}&download=csv&table=bands`)).body);
      assert.equal(bands[0], 'Band,From,To,Local authorities');
      assert.deepEqual(
        bands.slice(1, 5).map((l) => l[0]),
        ['A', 'B', 'C', 'D'],
      );
    });
  });
});
