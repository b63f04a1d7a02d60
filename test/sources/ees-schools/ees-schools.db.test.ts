import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import Papa from 'papaparse';
import type { Database } from '../../../src/core/db.js';
import { LanternError } from '../../../src/core/errors.js';
import { formatEesSchoolsSummary } from '../../../src/cli/import-ees-schools.js';
import { importEesSchools } from '../../../src/sources/ees-schools/ees-schools.import.js';
import { describeEachDatabase } from '../../support/db.js';
import { realData } from '../../support/real-data.js';
import { storeFingerprint } from '../store-fingerprint.js';
import { count, schoolFigures } from '../school-figures.js';

const folder = realData('ees_ks4_2024_25');
const fileName = '202425_information_about_schools_provisional.csv';
const csvPath = path.join(folder.path, fileName);
const publication = 'ees-information-about-schools';
const year = '2024/25';
const symbols = new Set(['z', 'c', 'x', ':', 'low', 'u']);
/** Columns that place a row or name the school: the register's, not figures. */
const notFigures = new Set([
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'school_laestab',
  'school_urn',
  'school_name',
  'old_la_code',
  'new_la_code',
  'la_name',
  'version',
  'full_address',
  'telnum',
  'pcon_code',
  'pcon_name',
]);
const textColumns = new Set([
  'establishment_type_group',
  'reldenom',
  'admpol_pt',
  'egender',
  'agerange',
  'progress8_banding',
]);

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-ees-schools-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

/** The file as papaparse reads it, independently of the importer. */
function csvRows(): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(fs.readFileSync(csvPath, 'utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  return { header: header!, rows };
}

/** A copy of the file under its own name in a new folder, each data row passed through `edit`. */
function copyWith(name: string, edit: (row: string[], header: string[]) => string[] | null) {
  const { header, rows } = csvRows();
  const dir = path.join(temp, name);
  fs.mkdirSync(dir, { recursive: true });
  const edited = rows.map((r) => edit([...r], header)).filter((r): r is string[] => r !== null);
  fs.writeFileSync(
    path.join(dir, fileName),
    Papa.unparse([header, ...edited], { quotes: true, newline: '\n' }),
  );
  return dir;
}

async function figures(db: Database, urn: number) {
  return db.query<{
    code: string;
    value: number | null;
    marker: string | null;
    text: string | null;
  }>(
    `select code, value, marker, text_value as text from ${schoolFigures}
      where urn = $1 and publication = $2 and year_number = $3 order by code`,
    [urn, publication, 2024],
  );
}

describeEachDatabase('EES school-level file: information about schools 2024/25', (db) => {
  it(
    'imports the folder: every school row of the school-level file, the LA and national files skipped',
    { skip: folder.skip },
    async () => {
      const s = await importEesSchools(db(), folder.path);
      assert.deepEqual(
        s.files.map((f) => [f.file, f.publication, f.years, f.schools, f.totalRows, f.columns]),
        [[fileName, publication, [year], 5755, 0, 22]],
      );
      assert.equal(s.schoolsAdded, 5755);
      assert.equal(s.skipped.length, 6, 'the six LA, MAT and national files are named');
      assert.ok(s.skipped.every((x) => x.includes('not a school-level file')));
      assert.equal(s.files[0]!.guidance, 'data-guidance.txt');
      assert.deepEqual(new Set(s.files[0]!.textColumns), textColumns);
      assert.equal(await count(db(), "select count(*) from school where source = 'ees'"), 5755);
      const [release] = await db().query<{ source: string; row_count: number }>(
        'select source, row_count from release order by id desc limit 1',
      );
      assert.deepEqual(release, { source: 'ees-schools', row_count: 5755 });
      assert.match(formatEesSchoolsSummary(s), /5,755 schools/);
    },
  );

  it(
    "stores each school's cells as the CSV holds them: numbers, EES symbols as markers, words as text",
    { skip: folder.skip },
    async () => {
      const { header, rows } = csvRows();
      // Haverstock (state-funded, with SEN figures), City of London School (independent, z),
      // King's Oak (c in attainment8_diffn) and Lubavitch House (a KS2 average, zeros).
      for (const urn of ['100049', '100003', '100204', '145609']) {
        const row = rows.find((r) => r[header.indexOf('school_urn')] === urn)!;
        const expected = header
          .map((code, i) => ({ code, cell: row[i]!.trim() }))
          .filter(({ code, cell }) => !notFigures.has(code) && cell !== '')
          .map(({ code, cell }) => ({
            code,
            value: symbols.has(cell) || textColumns.has(code) ? null : Number(cell),
            marker: symbols.has(cell) ? cell : null,
            text: textColumns.has(code) && !symbols.has(cell) ? cell : null,
          }))
          .sort((a, b) => (a.code < b.code ? -1 : 1));
        assert.deepEqual(await figures(db(), Number(urn)), expected, `URN ${urn}`);
      }
      const haverstock = await figures(db(), 100049);
      const sen = haverstock.find((f) => f.code === 'sen_pupil_percent');
      assert.equal(sen?.value, 20.5, 'read from the CSV by eye as well');
      const [register] = await db().query(
        'select name, la_code, estab, gender, age_low, age_high, postcode from school where urn = 100049',
      );
      assert.deepEqual(register, {
        name: 'Haverstock School',
        la_code: 202,
        estab: 4104,
        gender: 'Mixed',
        age_low: 11,
        age_high: 18,
        postcode: 'NW3 2BQ',
      });
    },
  );

  it(
    'keeps Progress 8 as the z EES published for 2024/25, never as a number',
    { skip: folder.skip },
    async () => {
      for (const code of ['progress8_banding', 'progress8_diffn'])
        assert.equal(
          await count(
            db(),
            `select count(*) from ${schoolFigures} where publication = $1 and code = $2
               and marker = 'z' and value is null and text_value is null`,
            [publication, code],
          ),
          5755,
          code,
        );
      const { header, rows } = csvRows();
      const column = header.indexOf('attainment8_diffn');
      const suppressed = rows.filter((r) => r[column] === 'c').length;
      assert.equal(
        await count(
          db(),
          `select count(*) from ${schoolFigures} where code = 'attainment8_diffn' and marker = 'c'`,
        ),
        suppressed,
      );
      assert.equal(
        await count(
          db(),
          `select count(*) from ${schoolFigures} where marker is not null and value is not null`,
        ),
        0,
      );
    },
  );

  it(
    'imports the file again, replacing its figures rather than doubling them',
    { skip: folder.skip },
    async () => {
      const before = await count(db(), `select count(*) from ${schoolFigures}`);
      const s = await importEesSchools(db(), csvPath);
      assert.equal(s.files[0]!.replaced, before);
      assert.equal(s.schoolsAdded, 0);
      assert.equal(await count(db(), `select count(*) from ${schoolFigures}`), before);
    },
  );

  it(
    'refuses a damaged copy naming file, row, column and value, and writes nothing',
    { skip: folder.skip },
    async () => {
      let line = 1;
      const dir = copyWith('damaged', (r, h) => {
        line++;
        if (line === 6) r[h.indexOf('allks_pupil_count')] = '9O9';
        if (line === 10) r[h.indexOf('old_la_code')] = '999';
        if (line === 12)
          [r[h.indexOf('old_la_code')], r[h.indexOf('new_la_code')]] = ['', 'E06099999'];
        return r;
      });
      const before = await storeFingerprint(db());
      const error = await importEesSchools(db(), dir).then(
        () => assert.fail('the damaged copy should have been refused'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof LanternError, String(error));
      assert.equal(error.code, 'LANTERN_IMPORT_INVALID');
      assert.deepEqual(
        error.problems?.map((p) => [p.file, p.row, p.column, p.value]),
        [
          [fileName, 6, 'allks_pupil_count', '9O9'],
          [fileName, 10, 'old_la_code', '999'],
          [fileName, 12, 'new_la_code', 'E06099999'],
        ],
      );
      assert.deepEqual(await storeFingerprint(db()), before, 'nothing written');
    },
  );
});

describeEachDatabase(
  'EES school-level file: Somerset under either of its codes, and totals',
  (db) => {
    it(
      'places every Somerset school in LA 933 whether it carries 933, E06000066 or E10000027',
      { skip: folder.skip },
      async () => {
        const codes: [string, string][] = [
          ['', 'E10000027'],
          ['', 'E06000066'],
          ['933', 'E10000027'],
          ['933', ''],
        ];
        const somerset: string[] = [];
        const dir = copyWith('somerset', (r, h) => {
          if (r[h.indexOf('old_la_code')] !== '933') return r;
          somerset.push(r[h.indexOf('school_urn')]!);
          [r[h.indexOf('old_la_code')], r[h.indexOf('new_la_code')]] = codes[somerset.length % 4]!;
          return r;
        });
        assert.equal(somerset.length, 62);
        const s = await importEesSchools(db(), path.join(dir, fileName));
        assert.equal(s.files[0]!.schools, 5755);
        assert.equal(
          await count(
            db(),
            'select count(*) from school where la_code = 933 and urn = any($1::int[])',
            [somerset.map(Number)],
          ),
          62,
        );
      },
    );

    it(
      'stores National and LA rows as totals, and counts rows at other levels',
      { skip: folder.skip },
      async () => {
        const { header } = csvRows();
        const total = (level: string, old: string, gss: string, pupils: string) =>
          header.map(
            (c) =>
              ({
                time_period: '202425',
                time_identifier: 'Academic year',
                geographic_level: level,
                country_code: 'E92000001',
                country_name: 'England',
                old_la_code: old,
                new_la_code: gss,
                allks_pupil_count: pupils,
                progress8_banding: 'z',
              })[c] ?? '',
          );
        const file = path.join(
          copyWith('totals', (r) => r),
          fileName,
        );
        const rows = [
          total('National', '', '', '4000000'),
          total('Local authority', '', 'E10000027', '80000'),
          total('Parliamentary constituency', '', '', '90000'),
        ];
        fs.appendFileSync(file, `\n${Papa.unparse(rows, { quotes: true, newline: '\n' })}`);
        const s = await importEesSchools(db(), file);
        assert.equal(s.files[0]!.totalRows, 2);
        assert.deepEqual(s.files[0]!.ignored, { 'Parliamentary constituency': 1 });
        const stored = await db().query(
          `select area_code, row_kind, value from school_area_observation
          where publication = $1 and code = 'allks_pupil_count' order by area_code`,
          [publication],
        );
        assert.deepEqual(stored, [
          { area_code: 933, row_kind: 'la', value: 80000 },
          { area_code: 970, row_kind: 'england', value: 4000000 },
        ]);
      },
    );
  },
);
