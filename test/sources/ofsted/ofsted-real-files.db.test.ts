import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import type { Database } from '../../../src/core/db.js';
import {
  latestInspectionsForLa,
  schoolInspections,
} from '../../../src/schools/inspections.repository.js';
import { goodOrOutstanding, isUngraded } from '../../../src/schools/ofsted-grades.js';
import { importOfsted } from '../../../src/sources/ofsted/ofsted.import.js';
import { describeEachDatabase } from '../../support/db.js';
import { realData } from '../../support/real-data.js';

const england = realData(
  'ofsted_mi_england_report_cards_2026/Management_information_-_state-funded_schools_-_all_inspections_-_year_to_date_published_by_28_Feb_2026.csv',
);
const leeds = realData('ofsted_mi_leeds/leeds_ofsted_data.csv');
const inYear = realData('ofsted_inyear_2013_14/Ofsted Sep 13 - Aug 14.csv');
const skip = [england, leeds, inYear].find((f) => f.skip)?.skip ?? false;

async function school(db: Database, urn: number) {
  const [row] = await db.query<Record<string, unknown>>(
    `select name, la_code, estab, school_type, to_char(open_date, 'YYYY-MM-DD') as open_date, trust,
            pupils, age_low, age_high, postcode, source from school where urn = $1`,
    [urn],
  );
  return row;
}

const inspection = async (db: Database, urn: number, number: string) =>
  (await schoolInspections(db, urn)).find((i) => i.inspectionNumber === number);

describeEachDatabase('Ofsted import of the real management-information files', (db) => {
  it(
    'imports the England report cards: one inspection per row, grades as published',
    { skip },
    async () => {
      const s = await importOfsted(db(), england.path);
      assert.equal(s.files.length, 1);
      assert.deepEqual(
        { ...s.files[0], releaseId: 0 },
        {
          file: path.basename(england.path),
          layout: 'report-cards',
          layoutName: 'report-card inspections, one row each',
          encoding: 'utf-8',
          releaseId: 0,
          rowsRead: 248,
          reportCards: 246,
          graded: 0,
          ungraded: 2,
          repeated: 0,
          schools: 248,
        },
      );
      assert.deepEqual([s.inspectionsNew, s.inspectionsUpdated, s.schoolsNew], [248, 0, 248]);
      const burrington = await inspection(db(), 149496, '10426105');
      assert.deepEqual(
        { ...burrington, releaseId: null },
        {
          urn: 149496,
          inspectionNumber: '10426105',
          framework: 'report-card',
          inspectionType: 'S5 Inspection',
          startDate: '2025-11-11',
          endDate: null,
          publicationDate: '2026-01-15',
          overallEffectiveness: null,
          categoryOfConcern: null,
          safeguarding: 'Met',
          judgements: {
            Inclusion: 'Expected standard',
            'Curriculum and teaching': 'Expected standard',
            Achievement: 'Expected standard',
            'Attendance and behaviour': 'Expected standard',
            'Personal development and wellbeing': 'Strong standard',
            'Early years (where applicable)': 'Expected standard',
            'Post-16 provision (where applicable)': 'Not applicable',
            'Leadership and governance': 'Expected standard',
          },
          releaseId: null,
        },
      );
      assert.deepEqual(await school(db(), 149496), {
        name: 'Burrington Church of England Primary School',
        la_code: 802,
        estab: 3351,
        school_type: 'Academy Converter',
        open_date: '2023-01-01',
        trust: 'Lighthouse Schools Partnership',
        pupils: 103,
        age_low: 3,
        age_high: 11,
        postcode: 'BS40 7AD',
        source: 'ofsted',
      });
    },
  );

  it(
    'keeps 9 (ungraded visit), categories of concern and Not met; NULL and 01/01/1900 are no date',
    { skip },
    async () => {
      const glenwood = await inspection(db(), 115469, '10433488');
      assert.equal(glenwood?.inspectionType, 'S8 No Formal Designation Visit');
      assert.deepEqual(new Set(Object.values(glenwood!.judgements)), new Set(['9']));
      assert.equal(Object.keys(glenwood!.judgements).length, 8);
      assert.equal(isUngraded(glenwood!), true);
      const trinity = await inspection(db(), 141865, '10430051');
      assert.deepEqual([trinity?.categoryOfConcern, trinity?.safeguarding], ['SM', 'Not met']);
      assert.equal(trinity?.judgements['Inclusion'], 'Urgent improvement');
      assert.equal((await inspection(db(), 149209, '10428939'))?.categoryOfConcern, 'RSI');
      assert.equal((await school(db(), 110261))?.open_date, null); // NULL
      assert.equal((await school(db(), 106773))?.open_date, null); // 01/01/1900
      assert.equal((await school(db(), 119510))?.trust, null); // NULL trust
      assert.equal(
        (await school(db(), 106773))?.name,
        "St Mary's Catholic Primary School, Edlington",
      );
    },
  );

  it(
    'imports Leeds: a report card and the earlier graded inspection from one row, each with its own number and dates',
    { skip },
    async () => {
      const before = await schoolInspections(db(), 107848);
      const s = await importOfsted(db(), leeds.path);
      const f = s.files[0]!;
      assert.equal(f.layout, 'latest-inspections');
      assert.deepEqual([f.rowsRead, f.reportCards, f.graded, f.ungraded], [279, 2, 170, 132]);
      // The two report cards are the England file's, told the same way: updated, not added.
      assert.deepEqual([s.inspectionsNew, s.inspectionsUpdated], [302, 2]);
      const gildersome = await schoolInspections(db(), 107848);
      assert.deepEqual(
        gildersome.map((i) => [i.inspectionNumber, i.framework, i.startDate, i.publicationDate]),
        [
          ['10432161', 'report-card', '2026-01-06', '2026-02-10'],
          ['10200689', 'graded', '2022-01-13', '2022-03-24'],
        ],
      );
      assert.deepEqual({ ...gildersome[0], releaseId: null }, { ...before[0], releaseId: null });
      assert.equal(gildersome[0]!.judgements['Inclusion'], 'Needs attention');
      assert.deepEqual(
        [
          gildersome[1]!.overallEffectiveness,
          gildersome[1]!.inspectionType,
          gildersome[1]!.judgements,
        ],
        [
          '2',
          'Requires Improvement S5 Reinspection Visit 1',
          {
            'Quality of education': '2',
            'Behaviour and attitudes': '2',
            'Personal development': '2',
            'Effectiveness of leadership and management': '2',
            'Safeguarding is effective?': 'Yes',
            'Early years provision (where applicable)': '2',
            'Sixth form provision (where applicable)': '9',
          },
        ],
      );
    },
  );

  it(
    'stores Leeds ungraded inspections, Not judged, and a predecessor school under its own URN',
    { skip },
    async () => {
      const [guiseley] = await schoolInspections(db(), 107809);
      assert.deepEqual(
        [
          guiseley?.inspectionNumber,
          guiseley?.framework,
          guiseley?.startDate,
          guiseley?.publicationDate,
        ],
        ['10269241', 'graded', '2023-06-14', '2023-07-26'],
      );
      assert.deepEqual(guiseley?.judgements, {
        'Ungraded inspection overall outcome': 'School remains Good',
      });
      assert.equal(guiseley?.overallEffectiveness, null);
      const queensway = await inspection(db(), 107858, '10322948');
      assert.equal(queensway?.overallEffectiveness, 'Not judged');
      assert.equal(goodOrOutstanding(queensway!), null);
      // Little London Academy (150432): its latest graded inspection was of its predecessor, 107888.
      assert.deepEqual(await schoolInspections(db(), 150432), []);
      const [predecessor] = await schoolInspections(db(), 107888);
      assert.deepEqual(
        [predecessor?.inspectionNumber, predecessor?.overallEffectiveness],
        ['10241142', '3'],
      );
      assert.deepEqual(
        [(await school(db(), 107888))?.name, (await school(db(), 107888))?.estab],
        ['Little London Community Primary School', 2412],
      );
      assert.equal((await school(db(), 150432))?.name, 'Little London Academy');
    },
  );

  it(
    'imports the 2013/14 file, Windows-1252, with its judgements as published',
    { skip },
    async () => {
      const s = await importOfsted(db(), inYear.path);
      const f = s.files[0]!;
      assert.deepEqual(
        [f.layout, f.encoding, f.rowsRead, f.graded, f.ungraded],
        ['graded', 'windows-1252', 6469, 6469, 0],
      );
      assert.equal(
        (await school(db(), 138950))?.name,
        'St Thomas à Becket Catholic Secondary School, A Voluntary Academy',
      );
      const twice = await schoolInspections(db(), 103852);
      assert.deepEqual(
        twice.map((i) => [i.inspectionNumber, i.startDate, i.endDate, i.overallEffectiveness]),
        [
          ['445910', '2014-05-21', '2014-05-22', '4'],
          ['429955', '2013-10-09', '2013-10-10', '3'],
        ],
      );
      const guillemont = await inspection(db(), 116157, '441023');
      assert.equal(guillemont?.categoryOfConcern, 'SWK'); // written "swk"
      assert.equal(guillemont?.inspectionType, 's8 NFD due to concern');
      assert.deepEqual(guillemont?.judgements, {
        'Achievement of pupils': '4',
        'Behaviour and safety of pupils': '3',
        'Quality of teaching': '4',
        'Leadership and management': '3',
      });
      const wendover = await inspection(db(), 110590, '431008');
      assert.equal(wendover?.judgements['Outcomes for residential or boarding pupils'], '9');
      const [sm] = await db().query<{ n: number }>(
        `select count(*)::int as n from school_inspection where category_of_concern = 'SM' and start_date < '2015-01-01'`,
      );
      assert.equal(sm?.n, 321); // written "SM " with a space
    },
  );

  it("reads an LA's latest inspections, or its latest graded ones", { skip }, async () => {
    const latest = await latestInspectionsForLa(db(), 383);
    const gildersome = latest.find((i) => i.urn === 107848);
    assert.deepEqual(
      [gildersome?.inspectionNumber, gildersome?.schoolName],
      ['10432161', 'Gildersome Primary School'],
    );
    assert.equal(latest.find((i) => i.urn === 107809)?.inspectionNumber, '10269241');
    const graded = await latestInspectionsForLa(db(), 383, {
      framework: 'graded',
      gradedOnly: true,
    });
    assert.equal(graded.find((i) => i.urn === 107848)?.inspectionNumber, '10200689');
    assert.ok(graded.every((i) => i.framework === 'graded' && !isUngraded(i)));
    assert.ok(latest.length > graded.length);
  });

  it(
    'imports a folder of the three files in one transaction, skipping other CSV files',
    { skip },
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-ofsted-'));
      try {
        for (const f of [england, leeds, inYear])
          fs.symlinkSync(f.path, path.join(dir, path.basename(f.path)));
        fs.writeFileSync(path.join(dir, 'notes.csv'), 'a,b\n1,2\n');
        const s = await importOfsted(db(), dir);
        assert.deepEqual(
          s.files.map((f) => f.layout),
          ['report-cards', 'latest-inspections', 'graded'], // newest inspections first
        );
        assert.deepEqual(
          s.skipped.map((k) => k.file),
          ['notes.csv'],
        );
        assert.equal(s.files[1]!.repeated, 2); // Leeds' two report cards, given by both files
        assert.deepEqual([s.inspectionsNew, s.inspectionsUpdated, s.schoolsNew], [0, 7019, 0]);
        const [n] = await db().query<{ n: number }>(
          'select count(*)::int as n from school_inspection',
        );
        assert.equal(n?.n, 7019);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
