import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { runCli } from '../../../src/cli/main.js';
import type { Database } from '../../../src/core/db.js';
import { LanternError, formatError } from '../../../src/core/errors.js';
import { upsertMeasures } from '../../../src/measures/measures.repository.js';
import { recordRelease } from '../../../src/measures/releases.repository.js';
import { importLait } from '../../../src/sources/lait/lait.import.js';
import { testCliContext } from '../../support/cli.js';
import { describeEachDatabase } from '../../support/db.js';
import { storeFingerprint } from '../store-fingerprint.js';
import {
  defaultNeighbourRows,
  makeLaitFolder,
  validBdsRows,
  writeNeighbourWorkbook,
} from './lait-fixture-folder.js';

/** Imports `folder` expecting LANTERN_IMPORT_WOULD_REMOVE and an unchanged store; returns the message. */
async function refusedAsRemoving(db: Database, folder: string): Promise<string> {
  const before = await storeFingerprint(db);
  const error = await importLait(db, folder).then(
    () => assert.fail('the import should have been refused'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof LanternError, String(error));
  assert.equal(error.code, 'LANTERN_IMPORT_WOULD_REMOVE', formatError(error));
  assert.deepEqual(await storeFingerprint(db), before);
  return error.message;
}

/** The small valid folder with PerAbs renamed in its dictionary: the data file's PerAbs rows have no dictionary row. */
async function folderWithPerAbsRenamed(bds = validBdsRows): Promise<string> {
  const folder = await makeLaitFolder({ bds });
  const file = path.join(folder, 'lait_data_dictionary.csv');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"PerAbs"', '"PerAbsNew"'));
  return folder;
}

async function countRows(db: Database, sql: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql);
  return row!.n;
}

/** The valid rows without Suffolk's (935) GLD 2024 row. */
const withoutSuffolkGld = validBdsRows.filter(([m, , , la]) => !(m === 'GLD' && la === 935));

describeEachDatabase('LAIT imports that would remove data', (db) => {
  it('imports the small valid folder twice without removing anything', async () => {
    await importLait(db(), await makeLaitFolder());
    const again = await importLait(db(), await makeLaitFolder());
    assert.deepEqual(again.removals, []);
  });

  it('refuses a data file with fewer areas for a measure and year, naming the numbers', async () => {
    const message = await refusedAsRemoving(db(), await makeLaitFolder({ bds: withoutSuffolkGld }));
    assert.match(message, /^The LAIT files in .* would remove 1 value the store holds/);
    assert.match(
      message,
      /\n {2}- GLD 2024: 2 areas in the file, 3 in the store; 1 would be removed \(1 LA, e\.g\. 935 Suffolk\)$/,
    );
  });

  it('refuses a data file whose value for an area was emptied (the row is there, its figure not)', async () => {
    const emptied = validBdsRows.map(
      ([m, y, v, la]) =>
        [m, y, m === 'GLD' && la === 933 ? '' : v, la] as (typeof validBdsRows)[number],
    );
    const message = await refusedAsRemoving(db(), await makeLaitFolder({ bds: emptied }));
    assert.match(
      message,
      /GLD 2024: 2 areas in the file, 3 in the store; 1 would be removed \(1 LA, e\.g\. 933 Somerset\)/,
    );
  });

  it('refuses a year whose label changed, which would remove the old label', async () => {
    const relabelled = validBdsRows.map(
      ([m, y, v, la]) =>
        [m, m === 'PerAbs' ? '2023/24 (rev)' : y, v, la] as (typeof validBdsRows)[number],
    );
    const message = await refusedAsRemoving(db(), await makeLaitFolder({ bds: relabelled }));
    assert.match(
      message,
      /PerAbs 2023\/24: 0 areas in the file, 2 in the store; 2 would be removed/,
    );
  });

  it('refuses a dictionary that no longer has a measure the store holds, rather than keep its old figures', async () => {
    await importLait(db(), await makeLaitFolder());
    const message = await refusedAsRemoving(db(), await folderWithPerAbsRenamed());
    assert.match(message, /^The LAIT files in .* would remove 2 values the store holds/);
    assert.match(
      message,
      /\n {2}- PerAbs: every year \(2023\/24\), 2 values from an earlier LAIT release, would be removed: lait_data_dictionary\.csv has no row with Measure_short "PerAbs" \(bds_long_0\.parquet has 2 rows for it, which are not imported without one\)/,
    );
  });

  it('lists the other removals beside a measure gone from the dictionary, in one refusal', async () => {
    await importLait(db(), await makeLaitFolder());
    const message = await refusedAsRemoving(db(), await folderWithPerAbsRenamed(withoutSuffolkGld));
    assert.match(message, /would remove 3 values the store holds/);
    assert.match(message, /\n {2}- PerAbs: every year/);
    assert.match(
      message,
      /\n {2}- GLD 2024: 2 areas in the file, 3 in the store; 1 would be removed/,
    );
  });

  it('with --replace removes the figures of a measure gone from the dictionary, and lists them', async () => {
    await importLait(db(), await makeLaitFolder());
    const { ctx, out } = testCliContext(db());
    const code = await runCli(
      ['import', 'lait', await folderWithPerAbsRenamed(), '--replace'],
      ctx,
    );
    assert.equal(code, 0);
    assert.match(
      out(),
      /\n {2}Removed \(--replace\):\n {4}- PerAbs: every year \(2023\/24\), 2 values from an earlier LAIT release, removed: lait_data_dictionary\.csv has no row/,
    );
    const n = (sql: string) => countRows(db(), sql);
    assert.equal(
      await n(`select count(*)::int as n from observation where measure_code = 'PerAbs'`),
      0,
    );
    assert.equal(await n(`select count(*)::int as n from measure where code = 'PerAbs'`), 0);
    assert.equal(
      await n(`select count(*)::int as n from benchmark where measure_code = 'PerAbs'`),
      0,
    );
    assert.equal(await n(`select count(*)::int as n from measure where code = 'PerAbsNew'`), 1);
    // Imported again as before, PerAbs is back, and nothing is left to remove.
    const again = await importLait(db(), await makeLaitFolder());
    assert.deepEqual(again.removals, []);
    assert.equal(
      await n(`select count(*)::int as n from observation where measure_code = 'PerAbs'`),
      2,
    );
  });

  it("leaves alone a measure another source's import holds (its figures are not LAIT's)", async () => {
    await importLait(db(), await makeLaitFolder());
    await db().transaction(async (tx) => {
      const id = await recordRelease(tx, {
        source: 'ees',
        description: 'an EES file',
        fileName: 'ees.csv',
        checksumSha256: '0'.repeat(64),
        rowCount: 1,
      });
      await upsertMeasures(
        tx,
        [
          {
            code: 'ees_only',
            name: 'An EES measure',
            topic: 'EES',
            polarity: null,
            decimalPlaces: 1,
            decimalPlacesPublished: true,
            yearType: null,
            unitLabel: null,
            chartTitle: null,
            description: null,
            methodology: null,
            source: null,
            sourceLinks: null,
            lastUpdate: null,
            nextUpdate: null,
            noQuartile: false,
          },
        ],
        id,
      );
      await tx.query(
        `insert into observation (measure_code, area_code, year_label, year_number, value, release_id)
         values ('ees_only', 933, '2024', 2024, 5, $1)`,
        [id],
      );
    });
    const summary = await importLait(db(), await makeLaitFolder());
    assert.deepEqual(summary.removals, []);
    assert.equal(
      await countRows(
        db(),
        `select count(*)::int as n from observation where measure_code = 'ees_only'`,
      ),
      1,
    );
  });

  it('refuses a neighbour set with fewer LAs than the store holds', async () => {
    const folder = await makeLaitFolder();
    await writeNeighbourWorkbook(path.join(folder, 'sn_may_2025.xlsx'), [defaultNeighbourRows[0]!]);
    const message = await refusedAsRemoving(db(), folder);
    assert.match(
      message,
      /statistical neighbours 2025: 1 LAs in the file, 2 in the store; 1 would be removed \(1 LA, e\.g\. 878 Devon\)/,
    );
  });

  it('imports with `lantern import lait --replace` and lists what was removed', async () => {
    const folder = await makeLaitFolder({ bds: withoutSuffolkGld });
    const { ctx, out } = testCliContext(db());
    const code = await runCli(['import', 'lait', folder, '--replace'], ctx);
    assert.equal(code, 0);
    assert.match(
      out(),
      /\n {2}Removed \(--replace\):\n {4}- GLD 2024: 2 areas in the file, 3 in the store; 1 removed \(1 LA, e\.g\. 935 Suffolk\)\n$/,
    );
    const [row] = await db().query<{ n: number }>(
      `select count(*)::int as n from observation where measure_code = 'GLD' and area_code = 935`,
    );
    assert.equal(row?.n, 0);
  });

  it('refuses it through `lantern import lait` without --replace, with exit code 1', async () => {
    await importLait(db(), await makeLaitFolder()); // Suffolk's GLD 2024 is back in the store
    const { ctx, err } = testCliContext(db());
    const code = await runCli(
      ['import', 'lait', await makeLaitFolder({ bds: withoutSuffolkGld })],
      ctx,
    );
    assert.equal(code, 1);
    assert.match(err(), /\[LANTERN_IMPORT_WOULD_REMOVE\]\n.*`lantern import lait \S+ --replace`/s);
  });
});
