import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Database } from '../../../src/core/db.js';
import { importPerformanceTables } from '../../../src/sources/performance-tables/performance-tables.import.js';
import { describeEachDatabase } from '../../support/db.js';
import { realData } from '../../support/real-data.js';
import { count, refusedWithoutChange, schoolFigures, storedFigure } from '../school-figures.js';

const refused = (db: Database, target: string) =>
  refusedWithoutChange(db, () => importPerformanceTables(db, target), target);
const figure = (db: Database, urn: number, code: string) =>
  storedFigure(db, urn, 'ks4-institutions', code, '2022/23');

const folder = realData('perf_tables_ks4_underlying_2022_23');
const fileName = 'england_ks4underlying_1.xlsx';
const workbookPath = path.join(folder.path, fileName);
const ebacc = 'Percentage of pupils entering the EBacc';
const pupils = 'Pupils at end-KS4';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-ks4-workbook-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

/** The Institution_Details sheet as ExcelJS reads it, independently of the importer. */
async function institutionRows(): Promise<ExcelJS.Row[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookPath);
  const rows: ExcelJS.Row[] = [];
  workbook.getWorksheet('Institution_Details')!.eachRow((row, n) => {
    if (n > 1) rows.push(row);
  });
  return rows;
}

describeEachDatabase('Performance tables: the KS4 institution workbook, 2022/23', (db) => {
  it(
    'imports every school of sheet Institution_Details, its year from the folder name',
    { skip: folder.skip },
    async () => {
      const s = await importPerformanceTables(db(), folder.path);
      assert.deepEqual(
        s.files.map((f) => [f.file, f.publication, f.year, f.schools, f.totalRows, f.columns]),
        [[fileName, 'KS4 institution details', '2022/23', 4751, 0, 5]],
      );
      assert.equal(s.files[0]!.markers, 121, '119 SUPP and 2 NE');
      assert.deepEqual(s.files[0]!.notInMeta, []);
      assert.equal(s.schoolsAdded, 4751);
      assert.equal(await count(db(), 'select count(*) from school where la_code = 933'), 46);
      const [measure] = await db().query<{ label: string; kind: string }>(
        "select label, kind from school_measure where publication = 'ks4-institutions' and code = $1",
        [ebacc],
      );
      assert.equal(measure!.kind, 'number');
      assert.match(measure!.label, /entering the English Baccalaureate \(EBacc\)/);
    },
  );

  it(
    'stores the EBacc percentage as the percentage (0.344 shown as 34.4% is 34.4)',
    { skip: folder.skip },
    async () => {
      const rows = await institutionRows();
      const haverstock = rows.find((r) => r.getCell(4).value === 100049)!;
      assert.equal(haverstock.getCell(10).value, 0.344);
      assert.equal(haverstock.getCell(10).numFmt, '0.0%');
      assert.deepEqual(await figure(db(), 100049, ebacc), {
        value: 34.4,
        marker: null,
        text: null,
      });
      assert.deepEqual(await figure(db(), 100049, pupils), {
        value: 151,
        marker: null,
        text: null,
      });
      assert.deepEqual(await figure(db(), 100049, 'Institution type'), {
        value: null,
        marker: null,
        text: 'Community School',
      });
      const [school] = await db().query(
        'select name, la_code, estab from school where urn = 100049',
      );
      assert.deepEqual(school, { name: 'Haverstock School', la_code: 202, estab: 4104 });
    },
  );

  it('keeps SUPP and NE as markers beside a null, never as 0', { skip: folder.skip }, async () => {
    assert.deepEqual(await figure(db(), 148796, ebacc), {
      value: null,
      marker: 'SUPP',
      text: null,
    });
    const markers = await db().query<{ marker: string; n: number }>(
      `select marker, count(*)::int as n from ${schoolFigures}
        where publication = 'ks4-institutions' and marker is not null group by 1 order by 1`,
    );
    assert.deepEqual(markers, [
      { marker: 'NE', n: 2 },
      { marker: 'SUPP', n: 119 },
    ]);
    assert.equal(
      await count(
        db(),
        `select count(*) from ${schoolFigures} where publication = 'ks4-institutions' and code = $1`,
        [ebacc],
      ),
      4750,
      'the one empty cell is stored as nothing',
    );
  });

  it(
    'refuses a workbook with a word among the pupil numbers, naming the cell, and writes nothing',
    { skip: folder.skip },
    async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(workbookPath);
      workbook.getWorksheet('Institution_Details')!.getCell('I5').value = 'lots';
      const dir = path.join(temp, 'damaged', '2022_23');
      fs.mkdirSync(dir, { recursive: true });
      await workbook.xlsx.writeFile(path.join(dir, fileName));
      const e = await refused(db(), dir);
      assert.equal(e.code, 'LANTERN_IMPORT_INVALID');
      assert.deepEqual(
        e.problems?.map((p) => [p.file, p.row, p.column, p.value]),
        [[fileName, 5, pupils, 'lots']],
      );
    },
  );

  it('refuses a workbook cut short, and writes nothing', { skip: folder.skip }, async () => {
    const dir = path.join(temp, 'cut', '2022_23');
    fs.mkdirSync(dir, { recursive: true });
    const bytes = fs.readFileSync(workbookPath);
    fs.writeFileSync(path.join(dir, fileName), bytes.subarray(0, bytes.length - 5000));
    const e = await refused(db(), path.join(dir, fileName));
    assert.equal(e.code, 'LANTERN_IMPORT_TRUNCATED');
    assert.match(e.message, /england_ks4underlying_1\.xlsx could not be read/);
  });
});
