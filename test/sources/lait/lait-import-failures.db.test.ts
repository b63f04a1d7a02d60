import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import type { Database } from '../../../src/core/db.js';
import { LanternError, formatError, type ErrorCode } from '../../../src/core/errors.js';
import { importLait } from '../../../src/sources/lait/lait.import.js';
import { describeEachDatabase } from '../../support/db.js';
import { storeFingerprint } from '../store-fingerprint.js';
import {
  defaultNeighbourRows,
  makeLaitFolder,
  validBdsRows,
  writeNeighbourWorkbook,
  type BdsRow,
} from './lait-fixture-folder.js';

/** Imports `folder`, expects `code`, and checks that the store holds exactly what it held; returns the error. */
async function rejectsWritingNothing(
  db: Database,
  folder: string,
  code: ErrorCode,
): Promise<LanternError> {
  const before = await storeFingerprint(db);
  const error = await importLait(db, folder).then(
    () => assert.fail('the import should have failed'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof LanternError, String(error));
  assert.equal(error.code, code, formatError(error));
  assert.deepEqual(await storeFingerprint(db), before);
  return error;
}

describeEachDatabase('LAIT import failures', (db) => {
  it('imports the small valid folder (the failures below start from it)', async () => {
    const summary = await importLait(db(), await makeLaitFolder());
    assert.equal(summary.measures, 3);
    assert.equal(summary.observations, validBdsRows.length);
  });

  it('rejects a dictionary without a Polarity column writing nothing', async () => {
    const error = await rejectsWritingNothing(
      db(),
      await makeLaitFolder({ dictionary: 'missing-polarity-column.csv' }),
      'LANTERN_IMPORT_MISSING_COLUMN',
    );
    assert.match(error.message, /lait_data_dictionary\.csv lacks the column "Polarity"/);
  });

  it('rejects a data file without a Values column writing nothing', async () => {
    const error = await rejectsWritingNothing(
      db(),
      await makeLaitFolder({ dropBdsColumn: 'Values' }),
      'LANTERN_IMPORT_MISSING_COLUMN',
    );
    assert.match(error.message, /bds_long_0\.parquet lacks the column "Values"/);
  });

  it('rejects a bad number writing nothing and names file, row, column and value', async () => {
    const folder = await makeLaitFolder({ bds: [...validBdsRows, ['GLD', '2023', '1,234', 933]] });
    const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_INVALID');
    assert.deepEqual(
      error.problems.map((p) => [p.file, p.row, p.column, p.value]),
      [['bds_long_0.parquet', 8, 'Values', '1,234']],
    );
    assert.match(
      formatError(error),
      /bds_long_0\.parquet, row 8, column "Values": got "1,234"; expected a number/,
    );
  });

  it('rejects an unknown LA number writing nothing', async () => {
    const folder = await makeLaitFolder({ bds: [...validBdsRows, ['GLD', '2023', '50', 999]] });
    const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_INVALID');
    assert.deepEqual(
      error.problems.map((p) => [p.column, p.value]),
      [['LA Number', '999']],
    );
  });

  it('rejects a duplicate (measure, LA, year) row writing nothing', async () => {
    const folder = await makeLaitFolder({ bds: [...validBdsRows, ['GLD', '2024', '70', 933]] });
    const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_INVALID');
    assert.deepEqual(
      error.problems.map((p) => [p.row, p.column, p.value]),
      [[8, 'Years', '2024']],
    );
  });

  it('rejects a row whose Years is not a year label though it has a value (a marker), even with --replace', async () => {
    // The store holds Somerset's GLD 2024 marker "c"; a row with label "<script>" must not drop it quietly.
    const withMarker = validBdsRows.map(
      ([m, y, v, la]) => (m === 'GLD' && la === 933 ? [m, y, 'c', la] : [m, y, v, la]) as BdsRow,
    );
    await importLait(db(), await makeLaitFolder({ bds: withMarker }));
    const relabelled = withMarker.map(
      ([m, y, v, la]) =>
        (m === 'GLD' && la === 933 ? [m, '<script>', v, la] : [m, y, v, la]) as BdsRow,
    );
    for (const replace of [false, true]) {
      const before = await storeFingerprint(db());
      const error = await importLait(db(), await makeLaitFolder({ bds: relabelled }), {
        replace,
      }).then(
        () => assert.fail('the import should have failed'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof LanternError, String(error));
      assert.equal(error.code, 'LANTERN_IMPORT_INVALID', formatError(error));
      assert.deepEqual(
        error.problems.map((p) => [p.file, p.row, p.column, p.value]),
        [['bds_long_0.parquet', 2, 'Years', '<script>']],
      );
      assert.deepEqual(await storeFingerprint(db()), before);
    }
  });

  it('rejects a row with no year label and a blank value unless its label is "0"', async () => {
    const folder = await makeLaitFolder({
      bds: [...validBdsRows, ['GLD', '0', '-', 933], ['GLD', 'n/a', '', 935]],
    });
    const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_INVALID');
    assert.deepEqual(
      error.problems.map((p) => [p.row, p.column, p.value]),
      [[9, 'Years', 'n/a']],
    );
  });

  it('skips a row labelled "0" (LAIT\'s label for no year) with no value, counting it', async () => {
    const summary = await importLait(
      db(),
      await makeLaitFolder({
        bds: [...validBdsRows, ['GLD', '0', '-', 933], ['GLD', '0', '', 935]],
      }),
    );
    assert.equal(summary.rowsWithoutYear, 2);
    assert.equal(summary.observations, validBdsRows.length);
  });

  it('rejects a NUL in a dictionary description past its first 4 KB, naming row, column and value', async () => {
    const folder = await makeLaitFolder();
    const file = path.join(folder, 'lait_data_dictionary.csv');
    const text = fs
      .readFileSync(file, 'utf8')
      .replace('"Method"', `"${'Method. '.repeat(700)}"`)
      .replace('"Persistent absentees"', '"Persistent\u0000 absentees"');
    assert.ok(
      text.indexOf('\u0000') > 4096,
      'the NUL must be past the 4 KB the encoding check reads',
    );
    fs.writeFileSync(file, text);
    const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_INVALID');
    assert.deepEqual(
      error.problems.map((p) => [p.file, p.row, p.column, p.value]),
      [['lait_data_dictionary.csv', 3, 'Description', 'Persistent<U+0000> absentees']],
    );
    assert.match(
      formatError(error),
      /lait_data_dictionary\.csv, row 3, column "Description": got "Persistent<U\+0000> absentees"; expected .*control character.*U\+0000/,
    );
  });

  it('rejects a NUL in a measure code of the data file, even with --replace', async () => {
    await importLait(db(), await makeLaitFolder());
    const bds = validBdsRows.map(
      ([m, y, v, la]) => (m === 'PerAbs' ? [`${m}\u0000`, y, v, la] : [m, y, v, la]) as BdsRow,
    );
    for (const replace of [false, true]) {
      const before = await storeFingerprint(db());
      const error = await importLait(db(), await makeLaitFolder({ bds }), { replace }).then(
        () => assert.fail('the import should have failed'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof LanternError, String(error));
      assert.equal(error.code, 'LANTERN_IMPORT_INVALID', formatError(error));
      assert.deepEqual(
        error.problems.map((p) => [p.file, p.row, p.column, p.value]),
        [
          ['bds_long_0.parquet', 5, 'Short Desc', 'PerAbs<U+0000>'],
          ['bds_long_0.parquet', 6, 'Short Desc', 'PerAbs<U+0000>'],
        ],
      );
      assert.deepEqual(await storeFingerprint(db()), before);
    }
  });

  it('rejects a NUL in a neighbour closeness, naming row, column and value', async () => {
    const folder = await makeLaitFolder();
    const rows = defaultNeighbourRows.map((r) => [...r]);
    rows[1]![6] = 'Very_x0000_Close'; // as Excel saves a NUL: ExcelJS reads it back as U+0000
    await writeNeighbourWorkbook(path.join(folder, 'sn_may_2025.xlsx'), rows);
    const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_INVALID');
    assert.deepEqual(
      error.problems.map((p) => [p.file, p.row, p.column, p.value]),
      [['sn_may_2025.xlsx', 5, 'SNP', 'Very<U+0000>Close']],
    );
  });

  it('rejects a truncated parquet file writing nothing', async () => {
    const folder = await makeLaitFolder();
    const file = path.join(folder, 'bds_long_0.parquet');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_TRUNCATED');
    assert.match(error.message, /^bds_long_0\.parquet could not be read as a parquet file: it /);
    assert.doesNotMatch(formatError(error), /thrift|buffer|footer|typed array|undefined/i);
  });

  // The readers' own words (jszip's "see https://stuk.github.io...", hyparquet's "footer != PAR1")
  // are replaced by what they mean; each damage is one a copy or download really produces.
  for (const [name, damage, said] of [
    [
      'bds_long_0.parquet',
      (b: Buffer) => b.subarray(0, 8),
      /does not end with the parquet end marker/,
    ],
    [
      'bds_long_0.parquet',
      (b: Buffer) => Buffer.concat([b.subarray(0, 100), b.subarray(-8)]),
      /index points past the bytes/,
    ],
    [
      'sn_may_2025.xlsx',
      (b: Buffer) => b.subarray(0, Math.floor(b.length / 2)),
      /does not end with a zip index/,
    ],
    ['sn_may_2025.xlsx', () => Buffer.from('LA number,LA name\n'), /not an \.xlsx workbook/],
  ] as const) {
    it(`says what is wrong with a damaged ${name} in its own words (${said.source})`, async () => {
      const folder = await makeLaitFolder();
      const file = path.join(folder, name);
      fs.writeFileSync(file, damage(fs.readFileSync(file)));
      const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_TRUNCATED');
      assert.match(error.message, said);
      assert.match(error.message, new RegExp(`^${name.replace('.', '\\.')} could not be read as`));
      assert.doesNotMatch(
        formatError(error),
        /https?:|jszip|Corrupted zip|footer|metadata length/i,
      );
      assert.ok(error.cause instanceof Error, "the reader's error is kept as the cause");
    });
  }

  it('rejects a dictionary saved as Windows-1252 writing nothing', async () => {
    const error = await rejectsWritingNothing(
      db(),
      await makeLaitFolder({ dictionary: 'windows-1252-dictionary.csv' }),
      'LANTERN_IMPORT_ENCODING',
    );
    assert.match(error.hint ?? '', /CSV UTF-8/);
  });

  it('rejects a statistical neighbour code that is not an LA writing nothing', async () => {
    const folder = await makeLaitFolder();
    const rows = defaultNeighbourRows.map((r) => [...r]);
    rows[0]![5] = 123;
    await writeNeighbourWorkbook(path.join(folder, 'sn_may_2025.xlsx'), rows);
    const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_INVALID');
    assert.deepEqual(
      error.problems.map((p) => [p.file, p.row, p.column, p.value]),
      [['sn_may_2025.xlsx', 4, 'SN1', '123']],
    );
  });

  it('rejects a value too large to store (1e400) naming file, row, column and value', async () => {
    const folder = await makeLaitFolder({ bds: [...validBdsRows, ['GLD', '2023', '1e400', 933]] });
    const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_INVALID');
    assert.deepEqual(
      error.problems.map((p) => [p.file, p.row, p.column, p.value]),
      [['bds_long_0.parquet', 8, 'Values', '1e400']],
    );
    assert.match(
      formatError(error),
      /row 8, column "Values": got "1e400"; expected a number a database can hold/,
    );
  });

  it('rejects a dictionary with a header and no rows as empty, recording no release', async () => {
    const error = await rejectsWritingNothing(
      db(),
      await makeLaitFolder({ dictionary: 'header-only-dictionary.csv' }),
      'LANTERN_IMPORT_EMPTY',
    );
    assert.equal(
      error.message,
      'lait_data_dictionary.csv has a header but no measure rows. Nothing was imported.',
    );
  });

  it('rejects a 0-byte dictionary as empty', async () => {
    const folder = await makeLaitFolder();
    fs.writeFileSync(path.join(folder, 'lait_data_dictionary.csv'), '');
    const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_EMPTY');
    assert.equal(
      error.message,
      'lait_data_dictionary.csv is empty (0 bytes). Nothing was imported.',
    );
  });

  it('rejects a data file with no rows as empty', async () => {
    const error = await rejectsWritingNothing(
      db(),
      await makeLaitFolder({ bds: [] }),
      'LANTERN_IMPORT_EMPTY',
    );
    assert.equal(error.message, 'bds_long_0.parquet has no data rows. Nothing was imported.');
  });

  it('rejects a 0-byte data file as empty rather than damaged', async () => {
    const folder = await makeLaitFolder();
    fs.writeFileSync(path.join(folder, 'bds_long_0.parquet'), '');
    const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_EMPTY');
    assert.equal(error.message, 'bds_long_0.parquet is empty (0 bytes). Nothing was imported.');
  });

  it('rejects a data file none of whose rows has a dictionary row as giving nothing', async () => {
    const error = await rejectsWritingNothing(
      db(),
      await makeLaitFolder({ bds: [['NotInDictionary', '2024', '5', 933]] }),
      'LANTERN_IMPORT_EMPTY',
    );
    assert.match(error.message, /^bds_long_0\.parquet gives no observations: none of its 1 rows/);
  });

  it('rejects a neighbour workbook with a header and no LAs as empty', async () => {
    const folder = await makeLaitFolder();
    await writeNeighbourWorkbook(path.join(folder, 'sn_may_2025.xlsx'), []);
    const error = await rejectsWritingNothing(db(), folder, 'LANTERN_IMPORT_EMPTY');
    assert.equal(
      error.message,
      'sn_may_2025.xlsx lists no LA with neighbours under its header row. Nothing was imported.',
    );
  });
});
