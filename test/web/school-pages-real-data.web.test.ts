import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import type { Database } from '../../src/core/db.js';
import { loadSchoolProfile, schoolJson } from '../../src/schools/school-profile.service.js';
import { importGias } from '../../src/sources/gias/gias.import.js';
import { importOfsted } from '../../src/sources/ofsted/ofsted.import.js';
import { importPerformanceTables } from '../../src/sources/performance-tables/performance-tables.import.js';
import { buildApp } from '../../src/web/app.js';
import { freshPglite } from '../support/db.js';
import { realData } from '../support/real-data.js';

const ks2 = realData('ks2_la_hampshire_surrey');
const gias = realData('gias_hampshire_surrey');
const links = realData('gias_links_2022');
const ofsted = realData('ofsted_inyear_2013_14');
const skip = ks2.skip || gias.skip || links.skip || ofsted.skip;

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function csvRows(body: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true }).data;
}

describe('school pages on the real Hampshire and Surrey files', { skip }, () => {
  let db: Database;
  let app: FastifyInstance;
  before(async () => {
    db = await freshPglite();
    await importPerformanceTables(db, ks2.path);
    await importGias(db, gias.path);
    await importGias(db, links.path);
    await importOfsted(db, ofsted.path);
    app = await buildApp({ db, config: { organisationName: 'Lantern', production: true } });
  });
  after(async () => {
    await app?.close();
    await db?.close();
  });

  // Each of the profile's tables (a section's and the gaps) shows a figure's name on its first
  // year and reads it out on the other two (2016/17 to 2018/19); every download row names it.
  for (const [table, label] of [
    ['ks2', 'Reading, writing and maths: expected standard'],
    ['gaps', 'KS2 reading, writing and maths: expected standard'],
  ] as const) {
    it(`shows a figure's name once for its years in the ${table} table, and in every download row`, async () => {
      const html = (await app.inject('/school/115851')).body;
      const shown = html.match(new RegExp(`<th[^>]*>${label}</th>`, 'g')) ?? [];
      const hidden =
        html.match(new RegExp(`<span class="govuk-visually-hidden">${label}</span>`, 'g')) ?? [];
      assert.equal(shown.length, 1, 'shown on its first year');
      assert.equal(hidden.length, 2, 'read out on its other two years');
      const download = csvRows(
        (await app.inject(`/school/115851?download=csv&table=${table}`)).body,
      );
      assert.equal(download.filter((r) => r.Figure === label).length, 3);
      assert.ok(
        download.every((r) => r.Figure),
        'no row without its figure',
      );
    });
  }

  it('names the school files it is made from in "About this data", not a bigger LA file', async () => {
    await db.query(
      `insert into release (source, description, file_name, checksum_sha256, row_count)
       values ('lait', 'LAIT benchmarking data', 'bds_long_0.parquet', 'x', 640900)`,
    );
    for (const path of ['/school/147701', '/school/147701/family', '/la/850/schools']) {
      const res = await app.inject(path);
      const about = text(res.body.slice(res.body.indexOf('data-source-heading')));
      assert.match(about, /850_ks2final\.csv/, path);
      assert.match(about, /Data release .*GIAS/, path);
      assert.doesNotMatch(about, /bds_long_0\.parquet/, path);
    }
  });

  it("shows a converted academy's results under its old URN, against Hampshire and England", async () => {
    const res = await app.inject('/school/147701');
    assert.equal(res.statusCode, 200);
    const page = text(res.body);
    assert.match(page, /St Columba CE Primary School/);
    assert.match(
      page,
      /St Columba Church of England Primary Academy \(URN 138509\) : Predecessor, 1 January 2020/,
    );
    assert.match(
      page,
      /Reading, writing and maths: expected standard 2018\/19 32% 68% 65% As URN 138509/,
    );
  });

  it('gives one figure the same everywhere: page, table download, LA list download and JSON', async () => {
    const page = text((await app.inject('/school/115851')).body);
    assert.match(page, /Reading, writing and maths: expected standard 2018\/19 63% 68% 65%/);
    const download = csvRows((await app.inject('/school/115851?download=csv&table=ks2')).body);
    const row = download.find(
      (r) => r.Figure === 'Reading, writing and maths: expected standard' && r.Year === '2018/19',
    );
    assert.equal(row?.School, '63');
    const list = csvRows((await app.inject('/la/850/schools?download=csv&table=schools')).body);
    const listed = list.find((r) => r.URN === '115851');
    assert.equal(listed?.['RWM expected %, 2018/19'], '63');
    const json = schoolJson((await loadSchoolProfile(db, 115851))!);
    const measure = json.measures.find((m) => m.code === 'PTRWM_EXP' && m.year === '2018/19');
    assert.deepEqual(measure && { value: measure.value, marker: measure.marker }, {
      value: 63,
      marker: null,
    });
  });

  it('shows a suppressed figure as suppressed, and its download carries the code', async () => {
    const page = text((await app.inject('/school/115851')).body);
    assert.match(page, /Disadvantaged pupils and the others/);
    const gaps = csvRows((await app.inject('/school/115851?download=csv&table=gaps')).body);
    const higher = gaps.find(
      (r) => r.Figure === 'KS2 reading, writing and maths: higher standard' && r.Year === '2018/19',
    );
    assert.ok(higher, 'the higher-standard gap row is there');
    const suppressed = gaps.filter((r) => r['Disadvantaged pupils'] === 'SUPP');
    for (const r of suppressed) assert.equal(r.Gap, '', 'no gap from a suppressed figure');
  });

  it('answers an unknown or malformed URN with 404', async () => {
    assert.equal((await app.inject('/school/999999')).statusCode, 404);
    assert.equal((await app.inject('/school/12ab')).statusCode, 404);
  });

  it('lists only the primaries below England on RWM expected when asked, in order', async () => {
    const url =
      '/la/850/schools?phase=Primary&below=ks2%3APTRWM_EXP&sort=ks2%3APTRWM_EXP&order=asc';
    const res = await app.inject(url);
    assert.equal(res.statusCode, 200);
    assert.match(text(res.body), /\d+ of \d+ open schools match/);
    const rows = csvRows((await app.inject(`${url}&download=csv&table=schools`)).body).filter(
      (r) => r.URN,
    );
    assert.ok(rows.length > 10);
    const values = rows
      .map((r) => r['RWM expected %, 2018/19'])
      .filter((v) => v !== '')
      .map(Number);
    assert.ok(
      values.every((v) => v < 65),
      'every school is below England (65%)',
    );
    assert.deepEqual(
      values,
      [...values].sort((a, b) => a - b),
    );
    assert.ok(rows.every((r) => r.Phase === 'Primary'));
  });

  it('refuses a filter the page does not offer, naming the choices', async () => {
    const res = await app.inject('/la/850/schools?ofsted=excellent');
    assert.equal(res.statusCode, 400);
    assert.match(text(res.body), /There is no Ofsted outcome .excellent. for this page/);
  });

  it('gives the list as XLSX, and the LA gaps against England', async () => {
    const xlsx = await app.inject('/la/936/schools?download=xlsx&table=schools');
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const gaps = csvRows((await app.inject('/la/936/schools?download=csv&table=gaps')).body);
    assert.ok(gaps.some((r) => r.Figure === 'KS2 reading, writing and maths: expected standard'));
  });
});
