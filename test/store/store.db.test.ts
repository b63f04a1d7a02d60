import assert from 'node:assert/strict';
import { it } from 'node:test';
import { applyMigrations } from '../../src/store/migrate.js';
import { listAreas } from '../../src/measures/areas.repository.js';
import { describeEachDatabase } from '../support/db.js';

describeEachDatabase('store', (db) => {
  it('applies every migration once and records it', async () => {
    const again = await applyMigrations(db());
    assert.deepEqual(again, []);
    const rows = await db().query<{ version: string }>(
      'select version from schema_migration order by version',
    );
    assert.equal(rows[0]?.version, '0001');
  });

  it('holds England, 11 regions and 158 LAs including the former councils', async () => {
    const areas = await listAreas(db());
    assert.equal(areas.filter((a) => a.kind === 'england').length, 1);
    assert.equal(areas.filter((a) => a.kind === 'region').length, 11);
    assert.equal(areas.filter((a) => a.kind === 'la').length, 158);
    const cumbria = areas.find((a) => a.code === 909);
    assert.equal(cumbria?.status, 'former');
    assert.deepEqual(cumbria?.successorCodes, [942, 943]);
    assert.equal(cumbria?.endedOn, '2023-04-01');
    const somerset = areas.find((a) => a.code === 933);
    assert.equal(somerset?.gssCode, 'E06000066');
    assert.deepEqual(somerset?.formerGssCodes, ['E10000027']);
  });

  it('rolls back everything a failed transaction wrote', async () => {
    await assert.rejects(
      db().transaction(async (tx) => {
        await tx.query(
          `insert into release (source, description, file_name, checksum_sha256, row_count) values ('lait', 't', 'f', 'x', 1)`,
        );
        await tx.query('select 1/0');
      }),
    );
    const [row] = await db().query<{ n: number }>('select count(*) as n from release');
    assert.equal(row?.n, 0);
  });
});
