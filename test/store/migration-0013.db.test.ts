import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createPglite, openDatabase, type Database } from '../../src/core/db.js';
import { applyMigrations, migrationsDir } from '../../src/store/migrate.js';
import { createPostgresDatabase, enginesUnderTest, type Engine } from '../support/db.js';

/** A database with no migrations applied, dropped again by `close()` on a server. */
async function emptyDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') return openDatabase({ pglite: await createPglite() });
  const created = await createPostgresDatabase(process.env.LANTERN_TEST_POSTGRES_URL!);
  const db = await openDatabase({ databaseUrl: created.url });
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await close();
      await created.drop();
    },
  });
}

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-migration-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

/** The migrations up to and including `version`, in a folder of their own. */
function migrationsUpTo(version: string): string {
  const dir = path.join(temp, `to-${version}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(migrationsDir))
    if (f.endsWith('.sql') && f.slice(0, 4) <= version)
      fs.copyFileSync(path.join(migrationsDir, f), path.join(dir, f));
  return dir;
}

for (const engine of enginesUnderTest()) {
  describe(`migration 0013: school figures keyed by measure id [${engine}]`, () => {
    let db: Database;
    before(async () => {
      db = await emptyDatabase(engine);
      await applyMigrations(db, migrationsUpTo('0012'));
      const [release] = await db.query<{ id: number }>(
        `insert into release (source, description, file_name, checksum_sha256, row_count)
         values ('performance-tables', 'KS2 2018/19', '850_ks2final.csv', 'x', 3) returning id`,
      );
      await db.query(
        `insert into school_measure (publication, code, label, kind, release_id) values
           ('ks2', 'PTRWM_EXP', 'Reading, writing and maths: expected standard', 'number', $1),
           ('ks2', 'NFTYPE', 'School type', 'text', $1)`,
        [release!.id],
      );
      // The last two rows' columns have no school_measure row: the migration must keep them.
      await db.query(
        `insert into school_observation
           (urn, publication, code, year_label, year_number, value, marker, text_value, release_id)
         values (115851, 'ks2', 'PTRWM_EXP', '2018/19', 2018, 63, null, null, $1),
                (115851, 'ks2', 'PTRWM_EXP', '2017/18', 2017, null, 'SUPP', null, $1),
                (115851, 'ks2', 'NFTYPE', '2018/19', 2018, null, null, 'AC', $1),
                (116000, 'census', 'NOR', '2018/19', 2018, 412, null, null, null),
                (116000, 'census', 'NOTE', '2018/19', 2018, null, null, 'x', null)`,
        [release!.id],
      );
      assert.deepEqual(await applyMigrations(db), ['0013_school_observation_by_measure']);
    });
    after(() => db.close());

    it('keeps every figure, with its marker, text and release', async () => {
      const rows = await db.query(
        `select o.urn, m.publication, m.code, o.year_number as year, o.value, o.marker,
                o.text_value as text, o.release_id is not null as "hasRelease"
           from school_observation o join school_measure m on m.id = o.measure_id
          order by o.urn, m.code, o.year_number`,
      );
      assert.deepEqual(rows, [
        {
          urn: 115851,
          publication: 'ks2',
          code: 'NFTYPE',
          year: 2018,
          value: null,
          marker: null,
          text: 'AC',
          hasRelease: true,
        },
        {
          urn: 115851,
          publication: 'ks2',
          code: 'PTRWM_EXP',
          year: 2017,
          value: null,
          marker: 'SUPP',
          text: null,
          hasRelease: true,
        },
        {
          urn: 115851,
          publication: 'ks2',
          code: 'PTRWM_EXP',
          year: 2018,
          value: 63,
          marker: null,
          text: null,
          hasRelease: true,
        },
        {
          urn: 116000,
          publication: 'census',
          code: 'NOR',
          year: 2018,
          value: 412,
          marker: null,
          text: null,
          hasRelease: false,
        },
        {
          urn: 116000,
          publication: 'census',
          code: 'NOTE',
          year: 2018,
          value: null,
          marker: null,
          text: 'x',
          hasRelease: false,
        },
      ]);
    });

    it('names a column that had no measure row by its code, with the kind of its cells', async () => {
      const rows = await db.query(
        `select code, label, kind from school_measure where publication = 'census' order by code`,
      );
      assert.deepEqual(rows, [
        { code: 'NOR', label: 'NOR', kind: 'number' },
        { code: 'NOTE', label: 'NOTE', kind: 'text' },
      ]);
    });

    it('refuses a figure of a measure that does not exist', async () => {
      await assert.rejects(
        db.query(
          `insert into school_observation (urn, measure_id, year_number, value) values (1, 9999, 2018, 1)`,
        ),
        /foreign key/,
      );
    });
  });
}
