import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, it } from 'node:test';
import type { Database } from '../../../src/core/db.js';
import { LanternError, formatError, type ErrorCode } from '../../../src/core/errors.js';
import { importEes } from '../../../src/sources/ees/ees.import.js';
import { describeEachDatabase } from '../../support/db.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/ees');
const fixture = (name: string) => path.join(fixtures, name);
const mapping = fixture('mapping.yaml');

async function counts(db: Database) {
  const [row] = await db.query<{ releases: number; measures: number; observations: number }>(
    `select (select count(*) from release) as releases, (select count(*) from measure) as measures,
            (select count(*) from observation) as observations`,
  );
  return row!;
}

/** Runs the import, expects it to fail with `code`, and returns the error. */
async function failingImport(db: Database, file: string, code: ErrorCode): Promise<LanternError> {
  try {
    await importEes(db, fixture(file), mapping);
  } catch (error) {
    assert.ok(error instanceof LanternError, `expected a LanternError, got ${String(error)}`);
    assert.equal(error.code, code, formatError(error));
    return error;
  }
  throw new Error(`importing ${file} should have failed`);
}

describeEachDatabase('EES import failures', (db) => {
  let before_: Awaited<ReturnType<typeof counts>>;

  before(async () => {
    await importEes(db(), fixture('valid.csv'), mapping);
    before_ = await counts(db());
  });

  it('imports the valid fixture: England, a region and two LAs', async () => {
    assert.deepEqual(before_, { releases: 1, measures: 1, observations: 4 });
  });

  it('rejects a file without time_period naming the file and column and listing the columns found', async () => {
    const error = await failingImport(
      db(),
      'missing-time-period-column.csv',
      'LANTERN_IMPORT_MISSING_COLUMN',
    );
    assert.match(error.message, /missing-time-period-column\.csv has no column "time_period"/);
    assert.match(error.message, /Columns found: time_identifier, geographic_level/);
    assert.deepEqual(await counts(db()), before_);
  });

  it('rejects a bad number naming file, row, column and value and writes nothing', async () => {
    const error = await failingImport(db(), 'bad-number.csv', 'LANTERN_IMPORT_INVALID');
    assert.deepEqual(
      error.problems.map(({ expected: _e, ...p }) => p),
      [{ file: 'bad-number.csv', row: 3, column: 'NEET_percent', value: '3.2%' }],
    );
    assert.match(
      formatError(error),
      /bad-number\.csv, row 3, column "NEET_percent": got "3\.2%"; expected a number/,
    );
    assert.deepEqual(await counts(db()), before_);
  });

  it('rejects an unknown LA naming file, row, column and codes and writes nothing', async () => {
    const error = await failingImport(db(), 'unknown-la.csv', 'LANTERN_IMPORT_INVALID');
    assert.equal(error.problems.length, 1);
    assert.deepEqual(
      { ...error.problems[0], expected: undefined },
      {
        file: 'unknown-la.csv',
        row: 4,
        column: 'old_la_code',
        value: '999',
        expected: undefined,
      },
    );
    assert.match(
      formatError(error),
      /unknown-la\.csv, row 4, column "old_la_code": got "999"; expected a 3-digit LA code .*; new_la_code holds "E99999999", la_name "Atlantis"/,
    );
    assert.deepEqual(await counts(db()), before_);
  });

  it('rejects a file cut off mid-row as truncated naming the row and writes nothing', async () => {
    const error = await failingImport(db(), 'truncated.csv', 'LANTERN_IMPORT_TRUNCATED');
    assert.match(error.message, /^truncated\.csv ends part-way through a row/);
    assert.equal(error.problems[0]?.row, 3);
    assert.match(error.problems[0]!.expected, /9 fields as in the header/);
    assert.deepEqual(await counts(db()), before_);
  });

  it('rejects a Windows-1252 file naming the line of the first bad byte and writes nothing', async () => {
    const error = await failingImport(db(), 'windows-1252.csv', 'LANTERN_IMPORT_ENCODING');
    assert.match(error.message, /windows-1252\.csv is not UTF-8 text \(first bad byte on line 3\)/);
    assert.deepEqual(await counts(db()), before_);
  });

  it('rejects two rows for the same measure, area and year naming both rows and the column that differs', async () => {
    const error = await failingImport(db(), 'duplicate-rows.csv', 'LANTERN_IMPORT_INVALID');
    assert.equal(error.problems.length, 1);
    assert.equal(error.problems[0]?.row, 5);
    assert.equal(error.problems[0]?.value, '3.4');
    assert.match(
      error.problems[0]!.expected,
      /row 3 already gave measure "test_neet" for this area in 2023; the rows differ in time_identifier/,
    );
    assert.deepEqual(await counts(db()), before_);
  });

  it('rejects a mapping that names a measure the database lacks and writes nothing', async () => {
    await assert.rejects(
      importEes(db(), fixture('valid.csv'), fixture('unknown-measure-mapping.yaml')),
      (e: LanternError) => {
        assert.equal(e.code, 'LANTERN_MEASURE_NOT_FOUND');
        assert.match(
          e.message,
          /unknown-measure-mapping\.yaml: entry 1 \(NEET_percent\), field "measure": no measure has the code "no_such_measure"/,
        );
        return true;
      },
    );
    assert.deepEqual(await counts(db()), before_);
  });

  it('rejects an invalid mapping naming the file, the entry and the field', async () => {
    await assert.rejects(
      importEes(db(), fixture('valid.csv'), fixture('invalid-mapping.yaml')),
      (e: LanternError) => {
        assert.equal(e.code, 'LANTERN_MAPPING_INVALID');
        assert.match(
          e.message,
          /invalid-mapping\.yaml, entry 1 \(NEET_percent\), field "measure\.polarity": expected "high", "low" or "none"/,
        );
        return true;
      },
    );
    assert.deepEqual(await counts(db()), before_);
  });

  it('rejects a missing data file with a hint', async () => {
    await assert.rejects(
      importEes(db(), fixture('no-such-file.csv'), mapping),
      (e: LanternError) => {
        assert.equal(e.code, 'LANTERN_FILE_NOT_FOUND');
        assert.ok(e.hint);
        return true;
      },
    );
  });
});
