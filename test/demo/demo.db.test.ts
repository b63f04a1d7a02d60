import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hasDemoData, loadDemo, removeDemoData } from '../../src/demo/demo.service.js';
import {
  latestNeighbourSetVersion,
  replaceNeighbourSet,
} from '../../src/measures/neighbours.repository.js';
import { describeEachDatabase } from '../support/db.js';

const count = async (db: { query: <T>(s: string) => Promise<T[]> }, sql: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from ${sql}`))[0]?.n ?? -1;

describeEachDatabase('demo data', (db) => {
  it('loads the demo data set with its release, neighbours and observations', async () => {
    const summary = await loadDemo(db());
    assert.ok(summary.measures >= 30);
    // Besides the demo's own measures, the LA Ofsted measures its schools make (SCH_...).
    assert.equal(
      await count(db(), `observation where measure_code like 'DEMO%'`),
      summary.observations,
    );
    assert.ok((await count(db(), `observation where measure_code like 'SCH%'`)) > 150);
    assert.equal(await count(db(), `release where source = 'demo'`), 1);
    assert.equal(
      await count(db(), `statistical_neighbour where set_version = 'demo'`),
      summary.localAuthorities * 10,
    );
    assert.equal(await hasDemoData(db()), true);
  });

  it('stores COVID years as null values with a marker', async () => {
    const [row] = await db().query<{ n: number; zeros: number }>(
      `select count(*)::int as n, count(*) filter (where value = 0)::int as zeros from observation
        where measure_code = 'DEMO_KS2_RWM' and year_label = '2020' and value is null and suppression = 'NP'`,
    );
    assert.ok((row?.n ?? 0) > 150);
    assert.equal(row?.zeros, 0);
  });

  it('reloads the demo data set without duplicating anything', async () => {
    const before = await count(db(), 'observation');
    await loadDemo(db());
    assert.equal(await count(db(), 'observation'), before);
    assert.equal(await count(db(), `release where source = 'demo'`), 1);
  });

  it('prefers a real neighbour set to the demo set as the latest', async () => {
    await replaceNeighbourSet(
      db(),
      {
        version: '2025',
        description: 'test',
        neighbours: new Map([[933, [{ code: 800, closeness: null }]]]),
        regions: new Map([[933, 990]]),
      },
      null,
    );
    assert.equal(await latestNeighbourSetVersion(db()), '2025');
    await db().query(`delete from statistical_neighbour_set where version = '2025'`);
    assert.equal(await latestNeighbourSetVersion(db()), 'demo');
  });

  it('removes every demo row with removeDemoData', async () => {
    await db().transaction((tx) => removeDemoData(tx));
    assert.equal(await hasDemoData(db()), false);
    assert.equal(await count(db(), 'observation'), 0);
    assert.equal(await count(db(), 'measure'), 0);
    assert.equal(await count(db(), 'statistical_neighbour_set'), 0);
    assert.equal(await count(db(), `release where source = 'demo'`), 0);
  });
});
