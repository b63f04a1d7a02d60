import assert from 'node:assert/strict';
import { it } from 'node:test';
import { importLait } from '../../../src/sources/lait/lait.import.js';
import { describeEachDatabase } from '../../support/db.js';
import { realData } from '../../support/real-data.js';

const lait = realData('lait');

async function counts(db: { query<T>(sql: string): Promise<T[]> }) {
  const [row] = await db.query<Record<string, number>>(
    `select (select count(*) from measure)::int as measures,
            (select count(*) from observation)::int as observations,
            (select count(*) from observation where value is not null)::int as with_value,
            (select count(*) from statistical_neighbour_set)::int as sets,
            (select count(*) from statistical_neighbour)::int as neighbours,
            (select count(*) from la_region_assignment)::int as regions`,
  );
  return row;
}

describeEachDatabase('LAIT import of the real files', (db) => {
  it(
    'imports 434 measures and 640,900 observations',
    { skip: lait.skip, timeout: 300_000 },
    async () => {
      const summary = await importLait(db(), lait.path);
      process.stderr.write(
        `[lait import ${db().engine}] ${JSON.stringify(summary.timings)} total ${summary.durationMs} ms\n`,
      );
      assert.equal(summary.measures, 434);
      assert.equal(summary.observations, 640_900);
      assert.equal(summary.rowsWithoutYear, 170);
      assert.deepEqual(summary.undocumentedMeasures, []);
      assert.deepEqual(await counts(db()), {
        measures: 434,
        observations: 640_900,
        with_value: 547_187,
        sets: 2,
        neighbours: 3_140,
        regions: 314,
      });
    },
  );

  it('imports 158 LAs with neighbours in the 2025 set', { skip: lait.skip }, async () => {
    const [row] = await db().query<{ n: number }>(
      `select count(distinct la_code)::int as n from statistical_neighbour where set_version = '2025'`,
    );
    assert.equal(row?.n, 158);
  });

  it("imports Somerset's 2025 neighbours SN1..SN10 in order", { skip: lait.skip }, async () => {
    const rows = await db().query<{ neighbour_code: number }>(
      `select neighbour_code from statistical_neighbour where set_version = '2025' and la_code = 933 order by position`,
    );
    assert.deepEqual(
      rows.map((r) => r.neighbour_code),
      [935, 830, 838, 893, 885, 891, 878, 860, 855, 881],
    );
  });

  it(
    'imports the "-" marker as a null value with the marker kept',
    { skip: lait.skip },
    async () => {
      const [row] = await db().query<{ n: number }>(
        `select count(*)::int as n from observation where suppression = '-' and value is null`,
      );
      assert.equal(row?.n, 93_713);
    },
  );

  it(
    're-imports the same files giving identical counts',
    { skip: lait.skip, timeout: 300_000 },
    async () => {
      const before = await counts(db());
      await importLait(db(), lait.path);
      assert.deepEqual(await counts(db()), before);
    },
  );
});
