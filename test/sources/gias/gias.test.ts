import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LanternError } from '../../../src/core/errors.js';
import { predecessors, successors } from '../../../src/schools/succession.js';
import { isoFromGiasDate } from '../../../src/sources/gias/gias.cells.js';
import {
  parseEstablishmentTable,
  readEstablishments,
} from '../../../src/sources/gias/gias.extract.js';
import { giasKind, readGiasFile, type GiasFile } from '../../../src/sources/gias/gias.files.js';
import { readLinks } from '../../../src/sources/gias/gias.links.js';
import { ProblemCollector } from '../../../src/sources/shared/problems.js';
import { realData } from '../../support/real-data.js';

const extract = realData('gias_hampshire_surrey/20220420_gias.csv');
const linksFile = realData('gias_links_2022/school-links.csv');
const hampshireAndSurrey = new Set([850, 936]);

function read(path: string): GiasFile {
  const f = readGiasFile(path);
  assert.ok('kind' in f, `${path} should be recognised`);
  return f;
}

describe('GIAS files: recognised by their header', () => {
  it('tells the extract from the links file, and neither from other CSVs', () => {
    assert.equal(giasKind(['URN', 'LA (code)', 'EstablishmentName']), 'establishments');
    assert.equal(giasKind(['URN', 'LinkURN', 'LinkName', 'LinkType']), 'links');
    assert.equal(giasKind(['URN', 'LAESTAB', 'SCHNAME']), null);
    assert.equal(giasKind(['LinkURN']), null);
  });

  it('reads DD-MM-YYYY dates as YYYY-MM-DD, and only days that exist', () => {
    assert.equal(isoFromGiasDate('01-09-2014'), '2014-09-01');
    assert.equal(isoFromGiasDate('29-02-2020'), '2020-02-29');
    assert.equal(isoFromGiasDate('31-02-2020'), null);
    assert.equal(isoFromGiasDate('2014-09-01'), null);
    assert.equal(isoFromGiasDate('1/9/2014'), null);
  });
});

describe(
  'GIAS establishment extract (Hampshire and Surrey, April 2022)',
  { skip: extract.skip },
  () => {
    const f = () => read(extract.path);

    it('reads all 1,096 schools of the 111-column extract without a problem', () => {
      const problems = new ProblemCollector('x');
      const { table, schools } = readEstablishments(f(), hampshireAndSurrey, problems);
      assert.deepEqual(problems.problems, []);
      assert.equal(table.columns.length, 111);
      assert.equal(schools.length, 1096);
      assert.equal(schools.filter((s) => s.laCode === 850).length, 520);
      assert.equal(schools.filter((s) => s.laCode === 936).length, 576);
      assert.equal(schools.filter((s) => s.status === 'Closed').length, 368);
    });

    it("maps a school's fields, blanks to null", () => {
      const { schools } = readEstablishments(f(), hampshireAndSurrey, new ProblemCollector('x'));
      assert.deepEqual(
        schools.find((s) => s.urn === 147701),
        {
          urn: 147701,
          name: 'St Columba CE Primary School',
          laCode: 850,
          estab: 2058,
          phase: 'Primary',
          schoolType: 'Academy sponsor led',
          typeGroup: 'Academies',
          status: 'Open',
          trust: 'DIOCESE OF CHICHESTER ACADEMY TRUST',
          openDate: '2020-01-01',
          closeDate: null,
          capacity: 220,
          pupils: 127,
          religiousCharacter: 'Church of England',
          gender: 'Mixed',
          ageLow: 4,
          ageHigh: 11,
          postcode: 'PO15 6LL',
        },
      );
      const closed = schools.find((s) => s.urn === 131419)!;
      assert.equal(closed.closeDate, '2012-08-31');
      assert.equal(closed.openDate, null);
      assert.equal(closed.pupils, null);
    });

    it('keeps a row whose "Linked establishments" spill into extra fields aligned', () => {
      const { table } = readEstablishments(f(), hampshireAndSurrey, new ProblemCollector('x'));
      const weyford = table.rows.find((r) => r.URN === '116018')!;
      assert.equal(weyford['Linked establishments'], '115961 Predecessor, 148215 Successor');
      assert.equal(weyford['LA (code)'], '850');
    });

    it('still calls an extract cut short truncated, naming only its last row', () => {
      const text = f().text;
      assert.throws(
        () => parseEstablishmentTable(text.slice(0, text.length - 500), 'cut.csv'),
        (e: LanternError) => {
          assert.equal(e.code, 'LANTERN_IMPORT_TRUNCATED');
          assert.deepEqual(
            e.problems.map((p) => p.row),
            [1097],
          );
          return true;
        },
      );
    });
  },
);

describe('GIAS links file (England, July 2022)', { skip: linksFile.skip }, () => {
  const links = () => readLinks(read(linksFile.path), new ProblemCollector('x')).links;

  it('reads 30,653 links from Windows-1252, names as published', () => {
    const f = read(linksFile.path);
    assert.equal(f.encoding, 'windows-1252');
    const all = links();
    assert.equal(all.length, 30653);
    assert.equal(all.filter((l) => l.establishedOn === null).length, 8297);
    const becket = all.find((l) => l.linkedUrn === 138950 && l.urn === 108299)!;
    assert.equal(
      becket.linkedName,
      'St Thomas à Becket Catholic Secondary School, A Voluntary Academy',
    );
    assert.equal(becket.establishedOn, '2012-10-31');
  });

  it("follows St Columba CE Primary School's URNs back through two academy orders and a merger", () => {
    const chain = predecessors(147701, links());
    assert.deepEqual(
      chain.map((p) => [p.urn, p.name, p.linkType, p.date, p.of, p.generation]),
      [
        [
          138509,
          'St Columba Church of England Primary Academy',
          'Predecessor',
          '2020-01-01',
          147701,
          1,
        ],
        [
          131419,
          'Oak Meadow Church of England Controlled Primary School',
          'Predecessor',
          '2012-09-01',
          138509,
          2,
        ],
        [115896, 'Fareham Park Infant School', 'Predecessor', null, 131419, 3],
        [116287, 'Fareham Park CofE (Controlled) Junior School', 'Predecessor', null, 131419, 3],
      ],
    );
    assert.deepEqual(
      successors(115896, links()).map((s) => [s.urn, s.date]),
      [
        [131419, null],
        [138509, '2012-08-31'],
        [147701, '2019-12-31'],
      ],
    );
  });
});
