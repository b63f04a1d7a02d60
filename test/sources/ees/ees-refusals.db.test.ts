import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, it } from 'node:test';
import type { Database } from '../../../src/core/db.js';
import { LanternError, formatError, type ErrorCode } from '../../../src/core/errors.js';
import { importEes } from '../../../src/sources/ees/ees.import.js';
import { describeEachDatabase } from '../../support/db.js';
import { storeFingerprint } from '../store-fingerprint.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/ees');
const fixture = (name: string) => path.join(fixtures, name);
const mapping = fixture('mapping.yaml');

/**
 * Imports `file` with `mappingFile`, expects `code`, and checks that the store holds exactly what it
 * held before (every table's rows, by checksum). Returns the error.
 */
async function refusedChangingNothing(
  db: Database,
  file: string,
  code: ErrorCode,
  mappingFile = mapping,
): Promise<LanternError> {
  const before = await storeFingerprint(db);
  const error = await importEes(db, file, mappingFile).then(
    () => assert.fail(`importing ${path.basename(file)} should have been refused`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof LanternError, String(error));
  assert.equal(error.code, code, formatError(error));
  assert.deepEqual(await storeFingerprint(db), before);
  return error;
}

describeEachDatabase('EES imports that are refused', (db) => {
  before(async () => {
    await importEes(db(), fixture('valid.csv'), mapping);
  });

  it('refuses a new measure whose code the LAIT data defines, and changes nothing', async () => {
    // A LAIT measure of the mapping's new code, as if LAIT's dictionary had defined test_neet.
    const [release] = await db().query<{ id: number }>(
      `insert into release (source, description, file_name, checksum_sha256, row_count)
       values ('lait', 'LAIT', 'lait_data_dictionary.csv', 'none', 1) returning id`,
    );
    await db().query(`update measure set release_id = $1 where code = 'test_neet'`, [release!.id]);
    try {
      const error = await refusedChangingNothing(
        db(),
        fixture('valid.csv'),
        'LANTERN_MAPPING_INVALID',
      );
      assert.match(
        error.message,
        /a new measure has the code "test_neet", which the LAIT data already defines/,
      );
      assert.match(error.hint ?? '', /measure: 'test_neet'/);
    } finally {
      await db().query(
        `update measure set release_id = (select max(id) from release where source = 'ees') where code = 'test_neet'`,
      );
      await db().query(`delete from release where id = $1`, [release!.id]);
    }
  });

  it('refuses a file with fewer areas than the store holds for a measure and year', async () => {
    const error = await refusedChangingNothing(
      db(),
      fixture('fewer-areas.csv'),
      'LANTERN_IMPORT_WOULD_REMOVE',
    );
    assert.equal(
      error.message,
      [
        'fewer-areas.csv would remove 2 values the store holds, so nothing was imported:',
        '  - test_neet 2023: 2 areas in the file, 4 in the store; 2 would be removed (1 region and 1 LA, e.g. 933 Somerset)',
      ].join('\n'),
    );
    assert.match(error.hint ?? '', /fewer-areas\.csv --mapping .*mapping\.yaml --replace`/);
  });

  it('refuses a file whose values were emptied, as a removal (the areas are there, their figures not)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-ees-emptied-'));
    const emptied = path.join(dir, 'emptied.csv');
    const [header, ...rows] = fs.readFileSync(fixture('valid.csv'), 'utf8').trimEnd().split('\n');
    // The last column (NEET_percent) cleared, as "clear contents" on a spreadsheet column does.
    const cleared = rows.map((r) => r.replace(/,[^,]*$/, ','));
    fs.writeFileSync(emptied, [header, ...cleared, ''].join('\n'));
    try {
      const error = await refusedChangingNothing(db(), emptied, 'LANTERN_IMPORT_WOULD_REMOVE');
      assert.match(
        error.message,
        /test_neet 2023: 0 areas in the file, 4 in the store; 4 would be removed/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses rows at geographic level "LA", naming the rows, and changes nothing', async () => {
    const error = await refusedChangingNothing(
      db(),
      fixture('geographic-level-abbreviated.csv'),
      'LANTERN_IMPORT_INVALID',
    );
    assert.deepEqual(
      error.problems.map(({ expected: _e, ...p }) => p),
      [
        {
          file: 'geographic-level-abbreviated.csv',
          row: 3,
          column: 'geographic_level',
          value: 'LA',
        },
      ],
    );
    assert.match(error.problems[0]!.expected, /^"Local authority", exactly as EES writes it/);
    assert.match(error.problems[0]!.expected, /2 rows hold this value \(rows 3, 4\)$/);
  });

  it('refuses rows at geographic level "local authority" and changes nothing', async () => {
    const error = await refusedChangingNothing(
      db(),
      fixture('geographic-level-lower-case.csv'),
      'LANTERN_IMPORT_INVALID',
    );
    assert.equal(error.problems[0]?.value, 'local authority');
  });

  it('refuses a row with a blank geographic level and changes nothing', async () => {
    const error = await refusedChangingNothing(
      db(),
      fixture('geographic-level-blank.csv'),
      'LANTERN_IMPORT_INVALID',
    );
    assert.match(
      formatError(error),
      /geographic-level-blank\.csv, row 3, column "geographic_level": got a blank cell; expected a geographic_level \(National/,
    );
  });

  it('refuses a filter value written with an en dash ("16–17" for "16-17")', async () => {
    const error = await refusedChangingNothing(
      db(),
      fixture('en-dash-filter.csv'),
      'LANTERN_IMPORT_INVALID',
      fixture('age-filter-mapping.yaml'),
    );
    assert.deepEqual(
      error.problems.map(({ expected: _e, ...p }) => p),
      [{ file: 'en-dash-filter.csv', row: 3, column: 'Age', value: '16–17' }],
    );
    assert.match(error.problems[0]!.expected, /^"16-17", exactly as entry 1 \(NEET_percent\)/);
  });

  it('refuses a 0-byte file as empty and changes nothing', async () => {
    const error = await refusedChangingNothing(db(), fixture('empty.csv'), 'LANTERN_IMPORT_EMPTY');
    assert.equal(error.message, 'empty.csv is empty (0 bytes). Nothing was imported.');
  });

  it('refuses a file with a header and no data rows as empty', async () => {
    const error = await refusedChangingNothing(
      db(),
      fixture('header-only.csv'),
      'LANTERN_IMPORT_EMPTY',
    );
    assert.equal(
      error.message,
      'header-only.csv has a header but no data rows. Nothing was imported.',
    );
  });

  it('refuses a file of blank lines as empty', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-ees-')), 'blank.csv');
    fs.writeFileSync(file, '\n\n  \n');
    const error = await refusedChangingNothing(db(), file, 'LANTERN_IMPORT_EMPTY');
    assert.equal(
      error.message,
      'blank.csv holds only blank lines or spaces. Nothing was imported.',
    );
  });

  it('refuses a YAML alias bomb as a mapping problem and changes nothing', async () => {
    const error = await refusedChangingNothing(
      db(),
      fixture('valid.csv'),
      'LANTERN_MAPPING_INVALID',
      fixture('alias-bomb-mapping.yaml'),
    );
    assert.match(error.message, /alias-bomb-mapping\.yaml: uses YAML aliases \(\*name\) too often/);
  });

  it('imports a file with fewer areas when asked to replace, and says what it removed', async () => {
    const summary = await importEes(db(), fixture('fewer-areas.csv'), mapping, { replace: true });
    assert.deepEqual(
      summary.measures.map((m) => [m.code, m.observations, m.replaced, m.removed]),
      [['test_neet', 2, 4, 2]],
    );
    assert.deepEqual(summary.removalLines, [
      'test_neet 2023: 2 areas in the file, 4 in the store; 2 removed (1 region and 1 LA, e.g. 933 Somerset)',
    ]);
    const rows = await db().query<{ area_code: number }>(
      `select area_code from observation where measure_code = 'test_neet' order by area_code`,
    );
    assert.deepEqual(
      rows.map((r) => r.area_code),
      [330, 970],
    );
  });

  it('imports a new year with fewer areas than other years without asking', async () => {
    const summary = await importEes(db(), fixture('new-year-fewer-areas.csv'), mapping);
    assert.deepEqual(summary.measures[0]?.yearLabels, ['2024']);
    assert.deepEqual(summary.removals, []);
  });
});
