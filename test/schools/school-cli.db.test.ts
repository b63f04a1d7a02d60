import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, it } from 'node:test';
import Papa from 'papaparse';
import { schoolCommand, schoolsCommand } from '../../src/cli/schools.js';
import { importGias } from '../../src/sources/gias/gias.import.js';
import { importOfsted } from '../../src/sources/ofsted/ofsted.import.js';
import { importPerformanceTables } from '../../src/sources/performance-tables/performance-tables.import.js';
import { testCliContext } from '../support/cli.js';
import { describeEachDatabase } from '../support/db.js';
import { realData } from '../support/real-data.js';

const ks2 = realData('ks2_la_hampshire_surrey');
const gias = realData('gias_hampshire_surrey');
const ofsted = realData('ofsted_inyear_2013_14');
const skip = ks2.skip || gias.skip || ofsted.skip;

/** Hampshire's 2018/19 KS2 file as published, read here apart from the importer. */
function hampshireKs2(): Record<string, string>[] {
  const file = path.join(ks2.path, '2018-2019', '850_ks2final.csv');
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

interface SchoolJson {
  urn: number;
  name: string;
  laCode: number;
  phase: string;
  measures: { code: string; year: string; value: number | null; marker: string | null }[];
}

describeEachDatabase('lantern school and lantern schools on the real Hampshire files', (db) => {
  before(async () => {
    if (skip) return;
    await importPerformanceTables(db(), ks2.path);
    await importGias(db(), gias.path);
    await importOfsted(db(), ofsted.path);
  });

  it(
    'prints a school as JSON: its register entry and every figure under the file’s own column names',
    { skip },
    async () => {
      const rows = hampshireKs2();
      const anstey = rows.find((r) => r.URN === '115851')!;
      const out = testCliContext(db());
      await schoolCommand(out.ctx, { urn: '115851', format: 'json' });
      const json = JSON.parse(out.out()) as SchoolJson;
      assert.equal(json.urn, 115851);
      assert.equal(json.name, anstey.SCHNAME);
      assert.equal(json.laCode, 850);
      assert.equal(json.phase, 'Primary');
      const figure = (code: string) =>
        json.measures.find((m) => m.code === code && m.year === '2018/19');
      // "63%" in the file is 63 in the JSON.
      assert.equal(figure('PTRWM_EXP')?.value, Number(anstey.PTRWM_EXP!.replace('%', '')));
      assert.equal(figure('TELIG')?.value, Number(anstey.TELIG));
      // A suppressed cell: null with its marker, never 0.
      const suppressed = rows.find((r) => r.URN && r.PTRWM_EXP_FSM6CLA1A === 'SUPP')!;
      const s = testCliContext(db());
      await schoolCommand(s.ctx, { urn: suppressed.URN!, format: 'json' });
      const m = (JSON.parse(s.out()) as SchoolJson).measures.find(
        (x) => x.code === 'PTRWM_EXP_FSM6CLA1A' && x.year === '2018/19',
      );
      assert.deepEqual(m, {
        code: 'PTRWM_EXP_FSM6CLA1A',
        publication: 'ks2',
        year: '2018/19',
        value: null,
        marker: 'SUPP',
      });
    },
  );

  it(
    'lists the LA’s schools with their latest Ofsted outcome, as CSV and JSON',
    { skip },
    async () => {
      // A Hampshire school whose latest graded inspection (in the 2013/14 file) judged it good.
      const [good] = await db().query<{ urn: number }>(
        `select i.urn from school_inspection i join school s using (urn)
        where s.la_code = 850 and i.overall_effectiveness = '2' and coalesce(s.status, '') <> 'Closed'
          and not exists (select 1 from school_inspection j where j.urn = i.urn and j.start_date > i.start_date)
        order by i.urn limit 1`,
      );
      assert.ok(good, 'a good Hampshire school in the Ofsted file');
      const csv = testCliContext(db());
      await schoolsCommand(csv.ctx, { la: '850', format: 'csv' });
      const rows = Papa.parse<Record<string, string>>(csv.out(), {
        header: true,
        skipEmptyLines: true,
      }).data;
      const row = rows.find((r) => r.urn === String(good.urn))!;
      assert.equal(row.ofsted, 'good');
      assert.equal(row.ofsted_outcome, 'Good');
      assert.match(row.ofsted_inspected_on!, /^201[34]-\d\d-\d\d$/);
      const json = testCliContext(db());
      await schoolsCommand(json.ctx, { la: '850', format: 'json' });
      const list = JSON.parse(json.out()) as {
        schools: { urn: number; ofsted: { key: string; outcome: string } }[];
      };
      assert.equal(list.schools.length, rows.length, 'the same schools in both');
      assert.deepEqual(list.schools.find((x) => x.urn === good.urn)?.ofsted.key, 'good');
      const table = testCliContext(db());
      await schoolsCommand(table.ctx, { la: '850' });
      assert.match(table.out(), /Latest Ofsted/);
    },
  );
});
