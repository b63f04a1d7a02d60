import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import Papa from 'papaparse';
import type { Database } from '../../../src/core/db.js';
import { LanternError, type ErrorCode } from '../../../src/core/errors.js';
import { wordsExpected } from '../../../src/schools/ofsted-grades.js';
import { importOfsted } from '../../../src/sources/ofsted/ofsted.import.js';
import { describeEachDatabase } from '../../support/db.js';
import { realData } from '../../support/real-data.js';
import { storeFingerprint } from '../store-fingerprint.js';

const england = realData(
  'ofsted_mi_england_report_cards_2026/Management_information_-_state-funded_schools_-_all_inspections_-_year_to_date_published_by_28_Feb_2026.csv',
);
const leeds = realData('ofsted_mi_leeds/leeds_ofsted_data.csv');
const inYear = realData('ofsted_inyear_2013_14/Ofsted Sep 13 - Aug 14.csv');
const skip = [england, leeds, inYear].find((f) => f.skip)?.skip ?? false;

type Row = Record<string, string>;

/** The file's rows (decoded as `encoding`), for a damaged copy. */
function rowsOf(file: string, encoding: 'utf-8' | 'latin1' = 'utf-8'): Row[] {
  const text = fs.readFileSync(file).toString(encoding);
  return Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
}

let dir = '';
/** Writes `rows` as a CSV file in the test folder (Windows-1252 bytes when `encoding` is latin1). */
function writeCopy(name: string, rows: Row[], encoding: 'utf-8' | 'latin1' = 'utf-8'): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(`${Papa.unparse(rows, { newline: '\n' })}\n`, encoding));
  return file;
}

/** Imports `target`, expects `code`, and checks the store holds exactly what it held before. */
async function refused(db: Database, target: string, code: ErrorCode): Promise<LanternError> {
  const before = await storeFingerprint(db);
  const error = await importOfsted(db, target).then(
    () => assert.fail(`importing ${path.basename(target)} should have been refused`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof LanternError, String(error));
  assert.equal(error.code, code, error.message);
  assert.deepEqual(await storeFingerprint(db), before, 'a refused import changed the store');
  return error;
}

const where = (e: LanternError) =>
  e.problems.map((p) => ({ file: p.file, row: p.row, column: p.column, value: p.value }));

describeEachDatabase('Ofsted import refusals', (db) => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-ofsted-refusals-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(
    'refuses a bad grade word and a bad date, naming row, column and value, and writes nothing',
    { skip },
    async () => {
      const rows = rowsOf(england.path);
      rows[0]!['Achievement'] = 'Strong standad';
      rows[9]!['Inspection start date'] = '31/02/2026';
      rows[20]!['Publication date'] = '2026-01-15';
      const e = await refused(db(), writeCopy('damaged.csv', rows), 'LANTERN_IMPORT_INVALID');
      assert.match(e.message, /^damaged\.csv: 3 problems found\. Nothing was imported\.$/);
      assert.deepEqual(where(e), [
        { file: 'damaged.csv', row: 2, column: 'Achievement', value: 'Strong standad' },
        { file: 'damaged.csv', row: 11, column: 'Inspection start date', value: '31/02/2026' },
        { file: 'damaged.csv', row: 22, column: 'Publication date', value: '2026-01-15' },
      ]);
      assert.equal(e.problems[0]!.expected, wordsExpected('report-card'));
      assert.equal(e.problems[1]!.expected, 'a date written DD/MM/YYYY (like 25/11/2025)');
    },
  );

  it(
    'refuses a latest-inspections row with a grade off the scale, an unknown LA and grades without a number',
    { skip },
    async () => {
      const rows = rowsOf(leeds.path);
      const gildersome = rows.findIndex((r) => r['URN'] === '107848');
      rows[gildersome]!['Latest OEIF overall effectiveness'] = '5';
      rows[gildersome]!['Latest OEIF  safeguarding is effective?'] = 'Met';
      rows[0]!['LAESTAB'] = '9992270';
      rows[0]!['Latest ungraded inspection number'] = 'NULL';
      const e = await refused(db(), writeCopy('leeds.csv', rows), 'LANTERN_IMPORT_INVALID');
      assert.deepEqual(where(e), [
        { file: 'leeds.csv', row: 2, column: 'LAESTAB', value: '9992270' },
        { file: 'leeds.csv', row: 2, column: 'Latest ungraded inspection number', value: 'NULL' },
        {
          file: 'leeds.csv',
          row: gildersome + 2,
          column: 'Latest OEIF overall effectiveness',
          value: '5',
        },
        {
          file: 'leeds.csv',
          row: gildersome + 2,
          column: 'Latest OEIF  safeguarding is effective?',
          value: 'Met',
        },
      ]);
      assert.match(e.problems[0]!.expected, /LA number Lantern knows \(no LA is 999\)/);
      assert.match(
        e.problems[1]!.expected,
        /an inspection number \(the row has "Date of latest ungraded inspection"/,
      );
    },
  );

  it(
    'reads a damaged Windows-1252 copy as Windows-1252 and names its bad cell',
    { skip },
    async () => {
      const rows = rowsOf(inYear.path, 'latin1');
      const becket = rows.findIndex((r) => r['URN'] === '138950');
      assert.match(rows[becket]!['School name']!, /^St Thomas à Becket/);
      rows[becket]!['Inspection end date'] = '08/13/2014';
      rows[becket]!['Quality of teaching'] = 'Good';
      const e = await refused(
        db(),
        writeCopy('inyear.csv', rows, 'latin1'),
        'LANTERN_IMPORT_INVALID',
      );
      assert.deepEqual(where(e), [
        { file: 'inyear.csv', row: becket + 2, column: 'Inspection end date', value: '08/13/2014' },
        { file: 'inyear.csv', row: becket + 2, column: 'Quality of teaching', value: 'Good' },
      ]);
      assert.equal(e.problems[1]!.expected, 'one of "1", "2", "3", "4" or "9"');
    },
  );

  it('says which columns it expected when the header is no Ofsted layout', async () => {
    const file = writeCopy('other.csv', [{ URN: '1', LAESTAB: '3832270', 'School name': 'A' }]);
    const e = await refused(db(), file, 'LANTERN_IMPORT_MISSING_COLUMN');
    assert.match(
      e.message,
      /^other\.csv is not an Ofsted management-information file Lantern knows\./,
    );
    assert.match(
      e.message,
      /report-card inspections, one row each \(URN, LAESTAB, Inspection number, Safeguarding standards, Inclusion\)/,
    );
    assert.match(e.message, /Columns found: URN, LAESTAB, School name\./);
    assert.deepEqual(
      e.problems.map((p) => p.column),
      ['Inspection number', 'Overall effectiveness'],
    );
  });

  it('names a column its layout needs that the file lacks', { skip }, async () => {
    const rows = rowsOf(england.path).map(({ 'Leadership and governance': _, ...rest }) => rest);
    const e = await refused(db(), writeCopy('short.csv', rows), 'LANTERN_IMPORT_MISSING_COLUMN');
    assert.deepEqual(
      e.problems.map((p) => p.column),
      ['Leadership and governance'],
    );
  });

  it('refuses a file with a header and no rows', { skip }, async () => {
    const file = path.join(dir, 'empty.csv');
    fs.writeFileSync(file, fs.readFileSync(england.path, 'utf8').split('\n')[0] + '\n');
    const e = await refused(db(), file, 'LANTERN_IMPORT_EMPTY');
    assert.match(e.message, /^empty\.csv has a header but no data rows/);
  });

  it('refuses a whole folder for one damaged file, naming the file', { skip }, async () => {
    const rows = rowsOf(england.path);
    rows[4]!['Safeguarding standards'] = 'Partly met';
    writeCopy('folder/a-england.csv', rows);
    fs.copyFileSync(leeds.path, path.join(dir, 'folder', 'b-leeds.csv'));
    const e = await refused(db(), path.join(dir, 'folder'), 'LANTERN_IMPORT_INVALID');
    assert.deepEqual(where(e), [
      { file: 'a-england.csv', row: 6, column: 'Safeguarding standards', value: 'Partly met' },
    ]);
  });

  it('refuses two accounts of one inspection that differ, naming both', { skip }, async () => {
    const rows = rowsOf(england.path);
    writeCopy('twice/one.csv', rows);
    rows[0]!['Publication date'] = '16/01/2026';
    writeCopy('twice/two.csv', rows);
    const e = await refused(db(), path.join(dir, 'twice'), 'LANTERN_IMPORT_INVALID');
    assert.equal(e.problems.length, 1);
    assert.equal(e.problems[0]!.column, 'Inspection number');
    assert.equal(e.problems[0]!.value, '10426105');
    assert.match(
      e.problems[0]!.expected,
      /row 2 of (one|two)\.csv gives inspection 10426105 of URN 149496 with another publication date/,
    );
  });

  it('refuses a folder without CSV files', async () => {
    fs.mkdirSync(path.join(dir, 'none'));
    const e = await refused(db(), path.join(dir, 'none'), 'LANTERN_IMPORT_EMPTY');
    assert.match(e.message, /holds no CSV file/);
  });
});
