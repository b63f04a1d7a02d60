import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/core/db.js';
import Papa from 'papaparse';
import { listMeasures } from '../../src/measures/measures.repository.js';
import { importLait } from '../../src/sources/lait/lait.import.js';
import { buildApp } from '../../src/web/app.js';
import { freshPglite } from '../support/db.js';
import { realData } from '../support/real-data.js';

const lait = realData('lait');
const measure = 'KS2RWM_Expected_STD';

function tableText(html: string, id: string): string {
  const table = new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  return table
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('comparison pages on the real LAIT data', { skip: lait.skip }, () => {
  let db: Database;
  let app: FastifyInstance;
  before(async () => {
    db = await freshPglite();
    await importLait(db, lait.path);
    app = await buildApp({ db, config: { organisationName: 'Lantern', production: true } });
  });
  after(async () => {
    await app?.close();
    await db?.close();
  });

  it('shows Somerset KS2 2025 with the 2025 neighbours: average 60.1 from 10', async () => {
    const res = await app.inject(`/la/933/neighbours/${measure}?year=2025&set=2025`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /60\.1 from 10 of 10 neighbours \(2025 set\)/);
    assert.match(
      tableText(res.body, 'neighbours'),
      /Statistical neighbours' average \(2025 set, 10 of 10 with a value\) 60\.1/,
    );
    const body = (await app.inject(`/api/v1/la/933/neighbours/${measure}?year=2025`)).json();
    assert.equal(body.neighbourSet.version, '2025');
    assert.ok(Math.abs(body.la.statisticalNeighboursAverage - 60.1) < 1e-9);
    assert.deepEqual(
      body.neighbours.slice(0, 3).map((n: { benchmark: { laName: string } }) => n.benchmark.laName),
      ['Suffolk', 'Derbyshire', 'Dorset'],
    );
  });

  it('recomputes the average with the 2021 neighbours (checked against the 2021 list and the values)', async () => {
    // Independently: the 2021 list as imported, and each neighbour's 2025 value.
    const rows = await db.query<{ value: number | null }>(
      `select o.value from statistical_neighbour n
         left join observation o on o.area_code = n.neighbour_code
          and o.measure_code = $1 and o.year_label = '2025'
        where n.set_version = '2021' and n.la_code = 933 order by n.position`,
      [measure],
    );
    assert.equal(rows.length, 10);
    const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
    const expected = values.reduce((s, v) => s + v, 0) / values.length;
    assert.notEqual(Number(expected.toFixed(1)), 60.1);

    const body = (
      await app.inject(`/api/v1/la/933/neighbours/${measure}?year=2025&set=2021`)
    ).json();
    assert.equal(body.neighbourSet.version, '2021');
    assert.ok(Math.abs(body.la.statisticalNeighboursAverage - expected) < 1e-9);
    assert.equal(body.la.statisticalNeighboursWithValue, values.length);
    const page = await app.inject(`/la/933/neighbours/${measure}?year=2025&set=2021`);
    assert.ok(
      page.body.includes(
        `${expected.toFixed(1)} from ${values.length} of 10 neighbours (2021 set)`,
      ),
    );
  });

  it('tells Cumberland it had no neighbours in 2021', async () => {
    const res = await app.inject(`/la/942/neighbours/${measure}?set=2021`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Cumberland has no statistical neighbours in the 2021 set/);
  });

  it('ranks 151 LAs on the all-LAs page with cut points 60, 63 and 66', async () => {
    const res = await app.inject(`/measure/${measure}?year=2025&la=933`);
    assert.equal(res.statusCode, 200);
    const ranked = tableText(res.body, 'all-las').match(/\b\d+ of 151\b/g) ?? [];
    assert.equal(ranked.length, 151);
    const cuts = tableText(res.body, 'cut-points');
    assert.match(cuts, /25% 60\.0/);
    assert.match(cuts, /50% \(median\) 63\.0/);
    assert.match(cuts, /75% 66\.0/);
    assert.match(tableText(res.body, 'bands'), /C \(third 25%\) 63\.0 60\.1 38/);
    assert.match(res.body, /Somerset: <strong>57\.0, rank 136 of 151, band D<\/strong>/);
  });

  it('lists the South West LAs with the region and England values', async () => {
    const res = await app.inject(`/region/990/${measure}?year=2025`);
    assert.equal(res.statusCode, 200);
    assert.match(tableText(res.body, 'region-las'), /Somerset 57\.0 136 of 151/);
    assert.match(tableText(res.body, 'regions'), /South West \(this region\) 60\.0/);
    assert.match(tableText(res.body, 'regions'), /England 63\.0/);
  });

  it('labels every row of a topic-filtered whole-scorecard download with its own topic and code', async () => {
    const catalogue = new Map((await listMeasures(db)).map((m) => [m.code, m]));
    const topic = catalogue.get(measure)!.topic;
    const res = await app.inject(
      `/la/933?topic=${encodeURIComponent(topic)}&download=csv&table=all`,
    );
    assert.equal(res.statusCode, 200);
    const { data } = Papa.parse<string[]>(res.body.replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    });
    const [header, ...rest] = data;
    assert.deepEqual(header!.slice(0, 3), ['Topic', 'Measure code', 'Measure']);
    const rows = rest.filter((r) => r.length === header!.length);
    assert.ok(rows.length > 10, `${rows.length} rows`);
    for (const [rowTopic, code, name] of rows) {
      const m = catalogue.get(code!);
      assert.ok(m, `${code} is a measure`);
      assert.equal(rowTopic, topic, `${code}'s topic`);
      assert.equal(rowTopic, m.topic, `${code}'s topic in the catalogue`);
      assert.equal(name, m.name, `${code}'s name`);
    }
    // Numbers as published: no binary noise such as 0.6999999999999993.
    for (const cell of rows.flat()) assert.doesNotMatch(cell, /\.\d*(0{8,}|9{8,})\d$/);
  });
});
