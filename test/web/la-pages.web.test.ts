import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/core/db.js';
import { loadDemo } from '../../src/demo/demo.service.js';
import { buildApp } from '../../src/web/app.js';
import { freshPglite } from '../support/db.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const measureUrl = '/la/933/measure/DEMO_KS2_RWM';

describe('scorecard, LA-measure and methods pages with the demo data', () => {
  let db: Database;
  let app: FastifyInstance;
  before(async () => {
    db = await freshPglite();
    await loadDemo(db);
    app = await buildApp({
      db,
      config: { organisationName: 'Somerset Council', production: false },
    });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('renders the scorecard with a topic filter form, measure links, sparklines and downloads', async () => {
    const res = await app.inject('/la/933');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<form method="get" action="\/la\/933"/);
    assert.match(res.body, /<select class="govuk-select" id="topic" name="topic">/);
    assert.match(res.body, /href="\/la\/933\/measure\/DEMO_KS2_RWM"/);
    assert.match(res.body, /data-lantern-sparklines-src="\/la\/933\/sparklines.json"/);
    const { paths } = (await app.inject('/la/933/sparklines.json')).json() as {
      paths: Record<string, string>;
    };
    assert.match(paths['/la/933/measure/DEMO_KS2_RWM']!, /^(M\d+ \d+( \d+ \d+)*)+$/);
    assert.match(res.body, /Download &#39;Key stage 2&#39; as CSV|Download 'Key stage 2' as CSV/);
    assert.match(res.body, /href="\/la\/933\?download=xlsx&amp;table=topic-key-stage-2"/);
    assert.match(res.body, /About this data/);
    assert.match(res.body, /href="\/methods#bands"/);
  });

  it('filters the scorecard to one topic', async () => {
    const res = await app.inject('/la/933?topic=Key%20stage%202');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /govuk-table__caption--m">Key stage 2</);
    assert.doesNotMatch(res.body, /govuk-table__caption--m">Attendance</);
    assert.match(res.body, /<option value="Key stage 2" selected>/);
  });

  it('answers an unknown topic with 400 and an error message', async () => {
    const res = await app.inject('/la/933?topic=Nope');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /There is no topic called/);
  });

  it('downloads exactly the filtered topic table as CSV and XLSX', async () => {
    const csv = await app.inject(
      '/la/933?topic=Key%20stage%202&download=csv&table=topic-key-stage-2',
    );
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    assert.match(lines[0]!, /Measure,Year,Value,Change from previous year,Rank/);
    const page = await app.inject('/la/933?topic=Key%20stage%202');
    const rows = page.body.match(/<tr><th scope="row">/g)!.length;
    assert.equal(lines.filter((l) => /^"?KS2|^"?Key|^[A-Z]/.test(l)).length >= rows, true);
    const xlsx = await app.inject(
      '/la/933?topic=Key%20stage%202&download=xlsx&table=topic-key-stage-2',
    );
    assert.equal(xlsx.headers['content-type'], xlsxType);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  });

  it('sends an LA named by its name to its code: the scorecard, its CSV and its sparklines', async () => {
    for (const [from, to] of [
      ['/la/Somerset', '/la/933'],
      ['/la/Somerset.csv', '/la/933.csv'],
      ['/la/Somerset/sparklines.json', '/la/933/sparklines.json'],
    ]) {
      const res = await app.inject(from!);
      assert.equal(res.statusCode, 301, from);
      assert.equal(res.headers.location, to, from);
    }
  });

  it('answers a download of an unknown table with 404', async () => {
    assert.equal((await app.inject('/la/933?download=csv&table=nope')).statusCode, 404);
  });

  it('renders the LA-measure page with the time series, chart, rank, band and metadata', async () => {
    const res = await app.inject(measureUrl);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<svg[^>]*role="img"/);
    assert.match(res.body, /id="time-series"/);
    assert.match(res.body, /\d+ of \d+/);
    assert.match(res.body, /About this measure/);
    assert.match(res.body, /href="\/la\/933\/neighbours\/DEMO_KS2_RWM"/);
    assert.match(res.body, /href="\/measure\/DEMO_KS2_RWM\?la=933"/);
    assert.match(res.body, /href="\/region\/\d+\/DEMO_KS2_RWM"/);
  });

  it('shows a chosen year and answers an unknown year with 400 listing the years', async () => {
    assert.equal((await app.inject(`${measureUrl}?year=2019`)).statusCode, 200);
    const bad = await app.inject(`${measureUrl}?year=1999`);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="\/la\/933\/measure\/DEMO_KS2_RWM\?year=2025"/);
  });

  it('answers an unknown LA or measure with 404', async () => {
    assert.equal((await app.inject('/la/999/measure/DEMO_KS2_RWM')).statusCode, 404);
    assert.equal((await app.inject('/la/933/measure/NOPE')).statusCode, 404);
    assert.equal((await app.inject('/api/v1/la/933/measure/NOPE')).statusCode, 404);
  });

  it('downloads the LA-measure time series as CSV with unrounded numbers', async () => {
    const res = await app.inject(`${measureUrl}?download=csv&table=time-series`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(res.body, /Year,Somerset,/);
  });

  it('returns the LA-measure time series as JSON', async () => {
    const res = await app.inject('/api/v1/la/933/measure/DEMO_KS2_RWM');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.la.code, 933);
    assert.equal(body.measure.code, 'DEMO_KS2_RWM');
    assert.ok(body.years.length > 3);
    assert.ok('statisticalNeighboursAverage' in body.years[0].benchmark);
  });

  it('renders the methods page with every anchor pages link to', async () => {
    const res = await app.inject('/methods');
    assert.equal(res.statusCode, 200);
    for (const id of [
      'comparison-set',
      'latest-year',
      'cut-points',
      'bands',
      'rank',
      'neighbours',
      'region-england',
      'change',
      'rounding',
    ])
      assert.match(res.body, new RegExp(`id="${id}"`));
  });
});
