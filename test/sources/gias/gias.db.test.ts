import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { importGiasCommand } from '../../../src/cli/import-gias.js';
import type { Database } from '../../../src/core/db.js';
import {
  listSchoolLinks,
  listSchoolLinksAround,
} from '../../../src/schools/register.repository.js';
import { continuesSeries, predecessors } from '../../../src/schools/succession.js';
import { importGias } from '../../../src/sources/gias/gias.import.js';
import { testCliContext } from '../../support/cli.js';
import { describeEachDatabase } from '../../support/db.js';
import { realData } from '../../support/real-data.js';
import { refusedWithoutChange } from '../school-figures.js';

const extract = realData('gias_hampshire_surrey/20220420_gias.csv');
const linksFile = realData('gias_links_2022/school-links.csv');
const skip = extract.skip || linksFile.skip;

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-gias-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

/** A folder in the temp dir holding `files` (name → text, or the path of a file to copy). */
function folder(name: string, files: Record<string, string | { copy: string }>): string {
  const dir = path.join(temp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    if (typeof content === 'string') fs.writeFileSync(path.join(dir, file), content);
    else fs.copyFileSync(content.copy, path.join(dir, file));
  }
  return dir;
}

/** The extract with a bad open date and capacity in row 2 and an unknown LA in row 4. */
function damagedExtract(): string {
  const lines = fs.readFileSync(extract.path, 'latin1').split('\r\n');
  lines[1] = lines[1]!
    .replace(
      '"Open","Not applicable","","Not applicable"',
      '"Open","Not applicable","2010-09-01","Not applicable"',
    )
    .replace(
      '"Not applicable",180,"No Special Classes"',
      '"Not applicable",about 180,"No Special Classes"',
    );
  lines[3] = lines[3]!.replace(/^(\d+),"850"/, '$1,"999"');
  return lines.join('\r\n');
}

const refused = (db: Database, target: string) =>
  refusedWithoutChange(db, () => importGias(db, target), target);

async function count(db: Database, sql: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select (${sql})::int as n`);
  return row!.n;
}

describeEachDatabase('GIAS import of the real files', (db) => {
  it('imports the Hampshire and Surrey extract: 1,096 schools, one release', { skip }, async () => {
    const summary = await importGias(db(), extract.path);
    assert.equal(summary.files.length, 1);
    const [f] = summary.files;
    assert.equal(f!.kind, 'establishments');
    assert.equal(f!.rowsRead, 1096);
    assert.equal(f!.schoolsNew, 1096);
    assert.equal(f!.schoolsUpdated, 0);
    assert.equal(await count(db(), "select count(*) from school where source = 'gias'"), 1096);
    const releases = await db().query<{ id: number; source: string; row_count: number }>(
      "select id, source, row_count from release where file_name = '20220420_gias.csv'",
    );
    assert.deepEqual(releases, [{ id: f!.releaseId, source: 'gias', row_count: 1096 }]);
  });

  it("stores a school's fields as GIAS publishes them", { skip }, async () => {
    const [school] = await db().query(
      `select urn, name, la_code, estab, phase, school_type, type_group, status, trust,
              to_char(open_date, 'YYYY-MM-DD') as open_date, close_date, capacity, pupils,
              religious_character, gender, age_low, age_high, postcode, source
         from school where urn = 147701`,
    );
    assert.deepEqual(school, {
      urn: 147701,
      name: 'St Columba CE Primary School',
      la_code: 850,
      estab: 2058,
      phase: 'Primary',
      school_type: 'Academy sponsor led',
      type_group: 'Academies',
      status: 'Open',
      trust: 'DIOCESE OF CHICHESTER ACADEMY TRUST',
      open_date: '2020-01-01',
      close_date: null,
      capacity: 220,
      pupils: 127,
      religious_character: 'Church of England',
      gender: 'Mixed',
      age_low: 4,
      age_high: 11,
      postcode: 'PO15 6LL',
      source: 'gias',
    });
  });

  it('imports the links file: 30,653 links, "à" intact, blank dates null', { skip }, async () => {
    const summary = await importGias(db(), linksFile.path);
    assert.equal(summary.files[0]!.kind, 'links');
    assert.equal(summary.files[0]!.links, 30653);
    assert.equal(summary.files[0]!.encoding, 'windows-1252');
    assert.equal(await count(db(), 'select count(*) from school_link'), 30653);
    assert.equal(
      await count(db(), 'select count(*) from school_link where established_on is null'),
      8297,
    );
    const names = await db().query<{ linked_name: string }>(
      "select linked_name from school_link where linked_name like 'St Thomas à Becket%'",
    );
    assert.deepEqual(names, [
      { linked_name: 'St Thomas à Becket Catholic Secondary School, A Voluntary Academy' },
    ]);
  });

  it(
    "reads a school's links both ways round, and the chain of its predecessors",
    { skip },
    async () => {
      assert.deepEqual(
        (await listSchoolLinks(db(), 147701)).map((l) => [
          l.urn,
          l.linkedUrn,
          l.linkType,
          l.establishedOn,
        ]),
        [
          [138509, 147701, 'Successor', '2019-12-31'],
          [147701, 138509, 'Predecessor', '2020-01-01'],
        ],
      );
      const around = await listSchoolLinksAround(db(), 147701, { follow: continuesSeries });
      assert.deepEqual(
        predecessors(147701, around).map((p) => p.urn),
        [138509, 131419, 115896, 116287],
      );
    },
  );

  it('shows progress for a large file while checking and loading it', { skip }, async () => {
    const calls: string[] = [];
    const progress = {
      start: (total: number, label: string) => calls.push(`start ${label} ${total}`),
      update: () => {},
      stop: () => calls.push('stop'),
    };
    await importGias(db(), linksFile.path, { progress, largeFileRows: 20_000 });
    assert.deepEqual(calls, [
      'start Checking school-links.csv 30653',
      'stop',
      'start Loading links 30653',
      'stop',
    ]);
  });

  it('imports a folder of both files in one go, replacing what it held', { skip }, async () => {
    const dir = folder('both', {
      'edubasealldata.csv': { copy: extract.path },
      'links.csv': { copy: linksFile.path },
      'notes.txt': 'not a CSV: ignored',
      'other.csv': 'a,b\n1,2\n',
    });
    const { ctx, out } = testCliContext(db());
    await importGiasCommand(ctx, { path: dir });
    assert.match(
      out(),
      new RegExp(
        [
          `^Imported 2 GIAS files from ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`,
          '  edubasealldata\\.csv \\(GIAS establishment extract, release \\d+\\): 1,096 schools: 0 new, 1,096 updated',
          '  links\\.csv \\(GIAS links file, release \\d+\\): 30,653 links, replacing 30,653',
          'Skipped \\(not a GIAS extract or links file\\): other\\.csv\\.\n$',
        ].join('\n'),
      ),
    );
    assert.equal(await count(db(), "select count(*) from release where source = 'gias'"), 5);
  });
});

describeEachDatabase('GIAS imports that are refused', (db) => {
  it('refuses a damaged extract, naming each row, column and value', { skip }, async () => {
    const dir = folder('damaged', { 'gias.csv': damagedExtract() });
    const error = await refused(db(), path.join(dir, 'gias.csv'));
    assert.equal(error.code, 'LANTERN_IMPORT_INVALID');
    assert.match(error.message, /^gias\.csv: 3 problems found\. Nothing was imported\.$/);
    assert.deepEqual(
      error.problems.map((p) => [p.row, p.column, p.value, p.expected]),
      [
        [2, 'OpenDate', '2010-09-01', 'a date written DD-MM-YYYY (like 01-09-2014) or a blank'],
        [2, 'SchoolCapacity', 'about 180', 'a whole number from 0 to 100000'],
        [
          4,
          'LA (code)',
          '999',
          "the number of a local authority in Lantern's list of areas (like 850)",
        ],
      ],
    );
  });

  it('refuses a whole folder when one of its files has a problem', { skip }, async () => {
    // Bytes kept as they are (latin1 reads and writes each byte as one character).
    const links = fs.readFileSync(linksFile.path, 'latin1').replace('"01-01-2022"', '"31-13-2021"');
    const dir = folder('one-bad', { 'extract.csv': { copy: extract.path } });
    fs.writeFileSync(path.join(dir, 'links.csv'), Buffer.from(links, 'latin1'));
    const error = await refused(db(), dir);
    assert.deepEqual(
      error.problems.map((p) => [p.file, p.row, p.column, p.value]),
      [['links.csv', 2, 'LinkEstablishedDate', '31-13-2021']],
    );
    assert.equal(await count(db(), 'select count(*) from school'), 0);
  });

  it('names the problems of every file of a folder in one refusal', { skip }, async () => {
    const links = fs.readFileSync(linksFile.path, 'latin1').replace('"01-01-2022"', '"1 Jan 2022"');
    const dir = folder('two-bad', { 'extract.csv': damagedExtract() });
    fs.writeFileSync(path.join(dir, 'links.csv'), Buffer.from(links, 'latin1'));
    const error = await refused(db(), dir);
    assert.match(
      error.message,
      /^extract\.csv, links\.csv: 4 problems found\. Nothing was imported\.$/,
    );
    assert.deepEqual(
      error.problems.map((p) => [p.file, p.row, p.column]),
      [
        ['extract.csv', 2, 'OpenDate'],
        ['extract.csv', 2, 'SchoolCapacity'],
        ['extract.csv', 4, 'LA (code)'],
        ['links.csv', 2, 'LinkEstablishedDate'],
      ],
    );
  });

  it('refuses a CSV that is neither GIAS file, saying what columns it expected', async () => {
    const dir = folder('other', { 'census.csv': 'URN,LAESTAB,NOR\n100000,2012000,250\n' });
    const error = await refused(db(), path.join(dir, 'census.csv'));
    assert.equal(error.code, 'LANTERN_IMPORT_MISSING_COLUMN');
    assert.match(
      error.message,
      /^census\.csv is not a GIAS file Lantern knows: a GIAS establishment extract has the columns "URN" and "LA \(code\)"; a GIAS links file has "URN" and "LinkURN"\. Columns found: URN, LAESTAB, NOR\./,
    );
  });

  it('refuses a folder with no GIAS file, and one with two links files', { skip }, async () => {
    const none = await refused(db(), folder('none', { 'a.csv': 'x,y\n1,2\n' }));
    assert.equal(none.code, 'LANTERN_FILE_NOT_FOUND');
    const two = await refused(
      db(),
      folder('two-links', { 'a.csv': { copy: linksFile.path }, 'b.csv': { copy: linksFile.path } }),
    );
    assert.match(two.message, /holds 2 GIAS links files \(a\.csv, b\.csv\)/);
  });
});
