import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import type { Database } from '../../../src/core/db.js';
import { importPerformanceTables } from '../../../src/sources/performance-tables/performance-tables.import.js';
import { describeEachDatabase } from '../../support/db.js';
import { realData } from '../../support/real-data.js';
import { count, refusedWithoutChange, schoolFigures, storedFigure } from '../school-figures.js';

const refused = (db: Database, target: string) =>
  refusedWithoutChange(db, () => importPerformanceTables(db, target), target);
const figure = storedFigure;

const ks2 = realData('ks2_la_hampshire_surrey');
const england = realData('perf_tables_england_2018_19');
const northYorkshire = realData('perf_tables_north_yorkshire_815');

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-performance-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

/** A copy of the 2018-2019 KS2 folder, with `edit` applied to the data file and the meta file. */
function ks2Copy(
  name: string,
  edit: { data?: (t: string) => string; meta?: (t: string) => string },
) {
  const dir = path.join(temp, name, '2018-2019');
  fs.mkdirSync(dir, { recursive: true });
  const source = path.join(ks2.path, '2018-2019');
  const data = fs.readFileSync(path.join(source, '850_ks2final.csv'), 'utf8');
  const meta = fs.readFileSync(path.join(source, 'ks2_meta.csv'), 'utf8');
  fs.writeFileSync(path.join(dir, '850_ks2final.csv'), edit.data ? edit.data(data) : data);
  fs.writeFileSync(path.join(dir, 'ks2_meta.csv'), edit.meta ? edit.meta(meta) : meta);
  return dir;
}

describeEachDatabase('Performance tables: KS2 for Hampshire and Surrey, three years', (db) => {
  it(
    'imports six files through their meta files, each school and total row',
    { skip: ks2.skip },
    async () => {
      const s = await importPerformanceTables(db(), ks2.path);
      assert.deepEqual(
        s.files.map((f) => [f.file, f.year, f.schools, f.totalRows, f.metaFile]),
        [
          ['850_ks2final.csv', '2016/17', 328, 3, 'ks2_meta.csv'],
          ['936_ks2final.csv', '2016/17', 232, 3, 'ks2_meta.csv'],
          ['850_ks2final.csv', '2017/18', 328, 3, 'ks2_meta.csv'],
          ['936_ks2final.csv', '2017/18', 235, 3, 'ks2_meta.csv'],
          ['850_ks2final.csv', '2018/19', 331, 3, 'ks2_meta.csv'],
          ['936_ks2final.csv', '2018/19', 239, 3, 'ks2_meta.csv'],
        ],
      );
      assert.equal(s.skipped.length, 3, 'the three LA code lists are named as not imported');
    },
  );

  it(
    'keeps figures as published: 63% as 63, SUPP as a marker beside a null',
    { skip: ks2.skip },
    async () => {
      assert.deepEqual(await figure(db(), 115851, 'ks2', 'PTRWM_EXP', '2018/19'), {
        value: 63,
        marker: null,
        text: null,
      });
      assert.deepEqual(await figure(db(), 115851, 'ks2', 'READPROG_LOWER', '2018/19'), {
        value: -3.4,
        marker: null,
        text: null,
      });
      assert.deepEqual(await figure(db(), 115851, 'ks2', 'PTRWM_EXP_L', '2018/19'), {
        value: null,
        marker: 'SUPP',
        text: null,
      });
      assert.deepEqual(await figure(db(), 115851, 'ks2', 'NFTYPE', '2018/19'), {
        value: null,
        marker: null,
        text: 'CY',
      });
      assert.deepEqual(await figure(db(), 142999, 'ks2', 'PTRWM_EXP', '2016/17'), {
        value: 64,
        marker: null,
        text: null,
      });
      assert.equal(
        await count(
          db(),
          `select count(*) from ${schoolFigures} where marker is not null and value = 0`,
        ),
        0,
      );
    },
  );

  it(
    "keeps each LA's and England's rows, and the school rows reconcile with them",
    { skip: ks2.skip },
    async () => {
      const kinds = await db().query<{ area_code: number; row_kind: string }>(
        "select distinct area_code, row_kind from school_area_observation where year_label = '2018/19' order by 1, 2",
      );
      assert.deepEqual(kinds, [
        { area_code: 850, row_kind: 'la' },
        { area_code: 936, row_kind: 'la' },
        { area_code: 970, row_kind: 'england-all' },
        { area_code: 970, row_kind: 'england-state-funded' },
      ]);
      const s = await importPerformanceTables(db(), path.join(ks2.path, '2018-2019'));
      const lines = s.files.flatMap((f) => f.reconciliation);
      assert.deepEqual(
        lines.map((l) => [l.areaCode, l.code, l.agrees]),
        [850, 936].flatMap((la) => [
          [la, 'TELIG', true],
          [la, 'PTRWM_EXP', true],
          [la, 'PTRWM_HIGH', true],
        ]),
      );
      const hampshire = lines.find((l) => l.areaCode === 850 && l.code === 'TELIG')!;
      assert.equal(hampshire.published, 14855);
    },
  );

  it('imports a file again without doubling anything', { skip: ks2.skip }, async () => {
    const before = await count(db(), `select count(*) from ${schoolFigures}`);
    const hampshire2018 = await count(
      db(),
      `select count(*) from ${schoolFigures} join school s using (urn)
        where s.la_code = 850 and f.year_number = 2018`,
    );
    const file = path.join(ks2.path, '2018-2019', '850_ks2final.csv');
    const s = await importPerformanceTables(db(), file);
    assert.equal(s.files[0]!.replaced, hampshire2018);
    assert.equal(await count(db(), `select count(*) from ${schoolFigures}`), before);
  });

  it(
    'imports a year whose columns were renamed and dropped, and says what the meta lacks',
    { skip: ks2.skip },
    async () => {
      const dir = ks2Copy('unseen', {
        data: (t) => t.replace(',PTRWM_EXP,', ',PTRWM_EXP_2030,').replace(/,TELNUM/, ',PHONE'),
        meta: (t) =>
          t.replace(',PTRWM_EXP,', ',PTRWM_EXP_2030,').replace(/\n\d+,PTRWM_HIGH,[^\n]*/, ''),
      });
      const s = await importPerformanceTables(db(), dir);
      const f = s.files[0]!;
      assert.equal(f.schools, 331);
      assert.deepEqual(f.notInMeta, ['PHONE', 'PTRWM_HIGH']);
      assert.deepEqual(f.notInFile, ['TELNUM']);
      assert.deepEqual(await figure(db(), 115851, 'ks2', 'PTRWM_EXP_2030', '2018/19'), {
        value: 63,
        marker: null,
        text: null,
      });
      const [label] = await db().query<{ label: string }>(
        "select label from school_measure where publication = 'ks2' and code = 'PTRWM_EXP_2030'",
      );
      assert.match(label!.label, /expected standard in reading, writing and maths/i);
    },
  );

  it(
    'refuses a file without its URN column, naming it and the columns found',
    { skip: ks2.skip },
    async () => {
      const dir = ks2Copy('no-urn', { data: (t) => t.replace(',URN,', ',SCHOOL_ID,') });
      const e = await refused(db(), dir);
      assert.equal(e.code, 'LANTERN_IMPORT_MISSING_COLUMN');
      assert.match(e.message, /850_ks2final\.csv has no column "URN"/);
      assert.match(e.message, /SCHOOL_ID/);
    },
  );

  it(
    'refuses a damaged figure naming the file, row, column and value, and writes nothing',
    { skip: ks2.skip },
    async () => {
      const dir = ks2Copy('damaged', {
        data: (t) =>
          t
            .replace('Anstey Junior School,', 'Anstey Junior School,')
            .replace(/(115851,Anstey[^\n]*?,)63%,/, '$16x3%,'),
      });
      const e = await refused(db(), dir);
      assert.equal(e.code, 'LANTERN_IMPORT_INVALID');
      assert.deepEqual(
        e.problems?.map((p) => [p.file, p.row, p.column, p.value]),
        [['850_ks2final.csv', 2, 'PTRWM_EXP', '6x3%']],
      );
    },
  );
});

describeEachDatabase('Performance tables: England 2018/19 and North Yorkshire', (db) => {
  it(
    'imports KS4, destinations, census and absence for all of England',
    { skip: england.skip },
    async () => {
      const s = await importPerformanceTables(db(), england.path);
      assert.deepEqual(
        s.files.map((f) => [f.file, f.publication, f.year, f.schools]),
        [
          ['england_abs.csv', 'absence', '2018/19', 21214],
          ['england_census.csv', 'school census', '2018/19', 23939],
          ['england_ks4-pupdest.csv', 'KS4 destinations', '2018/19', 3728],
          ['england_ks4provisional.csv', 'KS4 results', '2018/19', 5495],
        ],
      );
      assert.deepEqual(await figure(db(), 100053, 'ks4', 'ATT8SCR', '2018/19'), {
        value: 47.2,
        marker: null,
        text: null,
      });
      assert.deepEqual(await figure(db(), 100053, 'ks4', 'PTL2BASICS_94', '2018/19'), {
        value: 66.2,
        marker: null,
        text: null,
      });
      assert.deepEqual(await figure(db(), 100000, 'census', 'PNUMFSMEVER', '2018/19'), {
        value: 16.2,
        marker: null,
        text: null,
      });
      const [nat] = await db().query<{ value: number }>(
        `select value from school_area_observation where area_code = 970 and row_kind = 'england-state-funded'
        and publication = 'ks4' and code = 'ATT8SCR'`,
      );
      assert.equal(nat!.value, 46.5, 'RECTYPE 7 is the state-funded national row');
      const phases = await db().query<{ row_kind: string }>(
        "select distinct row_kind from school_area_observation where publication = 'census' order by 1",
      );
      assert.deepEqual(
        phases.map((p) => p.row_kind),
        ['england-pri', 'england-sec', 'england-spe'],
      );
      const ks4 = s.files.find((f) => f.publication === 'KS4 results')!;
      const england7 = ks4.reconciliation.find((l) => l.areaCode === 970 && l.code === 'TPUP');
      assert.ok(england7, 'a national file checks its England row too');
    },
  );

  it(
    'imports North Yorkshire over three years, with its spine, leaving the finance files',
    { skip: northYorkshire.skip },
    async () => {
      const s = await importPerformanceTables(db(), northYorkshire.path);
      assert.deepEqual(
        s.files.map((f) => [f.file, f.year]),
        [
          ['815_2017_census.csv', '2016/17'],
          ['815_2017_ks4.csv', '2016/17'],
          ['815_2018_census.csv', '2017/18'],
          ['815_2018_ks4.csv', '2017/18'],
          ['815_2019_census.csv', '2018/19'],
          ['815_2019_ks4.csv', '2018/19'],
          ['815_spine.csv', null],
        ],
      );
      assert.equal(s.skipped.filter((x) => x.includes('finance')).length, 3);
      const [school] = await db().query<{ name: string; phase: string }>(
        'select name, phase from school where urn = 112456',
      );
      assert.equal(school!.name, 'Cedar House School');
    },
  );
});
