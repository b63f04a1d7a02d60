import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import type { Queryable } from '../../src/core/db.js';
import { generateDemoData } from '../../src/demo/demo-data.js';
import { countDemoSchoolFigures, generateDemoSchools } from '../../src/demo/demo-schools.js';
import { loadDemo, removeDemoData } from '../../src/demo/demo.service.js';
import { listAreas } from '../../src/measures/areas.repository.js';
import { loadLaSchools } from '../../src/schools/la-schools.service.js';
import { loadSchoolProfile } from '../../src/schools/school-profile.service.js';
import { importPerformanceTables } from '../../src/sources/performance-tables/performance-tables.import.js';
import { describeEachDatabase } from '../support/db.js';

const schoolTables = [
  'school',
  'school_observation',
  'school_area_observation',
  'school_measure',
  'school_inspection',
  'school_link',
];

const count = async (db: Queryable, sql: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from ${sql}`))[0]?.n ?? -1;

async function schoolRows(db: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of schoolTables) out[t] = await count(db, t);
  return out;
}

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-demo-schools-'));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

/** A one-school census file, as the performance tables publish it: a real import. */
function censusFile(): string {
  const dir = path.join(temp, 'census', '2023-2024');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, '850_census.csv'),
    'URN,LA,ESTAB,NOR,PNUMFSMEVER\n100000,850,2001,250,12.5\nLA,850,PRI,250,12.5\n',
  );
  return path.dirname(dir);
}

describeEachDatabase('demo schools', (db) => {
  it('loads the demo schools with their figures, totals, labels and inspections', async () => {
    const summary = await loadDemo(db());
    const expected = generateDemoSchools(
      await listAreas(db()),
      generateDemoData(await listAreas(db())),
    );
    const figures = countDemoSchoolFigures(expected);
    assert.equal(summary.schools, expected.schools.length);
    assert.ok(summary.schools > 1000, `${summary.schools} schools`);
    assert.equal(summary.schoolFigures, figures.schools + figures.areas);
    assert.deepEqual(await schoolRows(db()), {
      school: expected.schools.length,
      school_observation: figures.schools,
      school_area_observation: figures.areas,
      school_measure: expected.measures.reduce((n, m) => n + m.columns.length, 0),
      school_inspection: expected.inspections.length,
      school_link: 0,
    });
    assert.equal(await count(db(), `school where source <> 'demo'`), 0);
    for (const t of schoolTables.filter((x) => x !== 'school_link'))
      assert.equal(
        await count(db(), `${t} where release_id is distinct from ${summary.releaseId}`),
        0,
        `${t} rows belong to the demo release`,
      );
  });

  it("gives a demo primary school a profile against its LA's and England's figures", async () => {
    const [urn] = await db().query<{ urn: number }>(
      `select s.urn from school s join school_observation o on o.urn = s.urn
          join school_measure m on m.id = o.measure_id
        where s.la_code = 850 and s.phase = 'Primary' and m.publication = 'ks2'
          and m.code = 'PTRWM_EXP' and o.year_number = 2023 and o.value is not null
        order by s.urn limit 1`,
    );
    const profile = (await loadSchoolProfile(db(), urn!.urn))!;
    assert.match(profile.school.name, /\(synthetic\)$/);
    assert.deepEqual(
      profile.sections.map((s) => s.group),
      ['context', 'ks2', 'absence'],
    );
    const row = (group: string, code: string) =>
      profile.sections.find((s) => s.group === group)!.rows.find((r) => r.figure.code === code)!;
    for (const [group, code] of [
      ['context', 'PNUMFSMEVER'],
      ['ks2', 'PTRWM_EXP'],
      ['absence', 'PERCTOT'],
    ]) {
      const latest = row(group!, code!).years.at(-1)!;
      assert.equal(latest.yearLabel, '2024/25');
      assert.ok(latest.la?.value != null, `${code}: LA figure`);
      assert.ok(latest.england?.value != null, `${code}: England figure`);
    }
    const progress = row('ks2', 'READPROG').years;
    assert.ok(progress.find((y) => y.yearLabel === '2022/23')!.interval, 'a confidence interval');
    assert.match(
      progress.find((y) => y.yearLabel === '2023/24')!.notPublished ?? '',
      /Not published/,
    );
    assert.ok(profile.inspections.length >= 1);
  });

  it('gives a demo secondary school KS4 figures with Progress 8 to 2023/24', async () => {
    const [s] = await db().query<{ urn: number }>(
      `select urn from school where la_code = 850 and phase = 'Secondary' order by urn limit 1`,
    );
    const profile = (await loadSchoolProfile(db(), s!.urn))!;
    const ks4 = profile.sections.find((x) => x.group === 'ks4')!;
    const p8 = ks4.rows.find((r) => r.figure.code === 'P8MEA')!.years;
    const y2324 = p8.find((y) => y.yearLabel === '2023/24')!;
    assert.ok(
      y2324.school?.value != null && y2324.la?.value != null && y2324.england?.value != null,
    );
    assert.match(p8.find((y) => y.yearLabel === '2024/25')!.notPublished ?? '', /Progress 8/);
  });

  it("lists an LA's demo schools with their latest figures", async () => {
    const inLa = await count(db(), `school where la_code = 850`);
    const list = await loadLaSchools(db(), 850);
    assert.equal(list.total, inLa);
    assert.equal(list.schools.length, inLa);
    assert.ok(list.schools.every((s) => s.school.name.endsWith('(synthetic)')));
    const columns = list.columns.map((c) => `${c.figure.code} ${c.yearLabel}`);
    assert.ok(columns.includes('PTRWM_EXP 2024/25'), columns.join());
    assert.ok(columns.includes('P8MEA 2023/24'), columns.join());
    const primary = list.schools.find((s) => s.school.phase === 'Primary')!;
    assert.ok(primary.figures['census:PNUMFSMEVER']?.value != null);
    assert.ok(primary.england['ks2:PTRWM_EXP']?.value != null);
  });

  it('reloads without duplicating a school row', async () => {
    const before = await schoolRows(db());
    await loadDemo(db());
    assert.deepEqual(await schoolRows(db()), before);
  });

  it('removes every demo school row with removeDemoData', async () => {
    await db().transaction((tx) => removeDemoData(tx));
    assert.deepEqual(await schoolRows(db()), Object.fromEntries(schoolTables.map((t) => [t, 0])));
  });

  it('leaves no demo school behind a real import, and adds none to real school data', async () => {
    await loadDemo(db());
    await importPerformanceTables(db(), censusFile());
    assert.equal(await count(db(), `school where urn >= 900000`), 0);
    assert.equal(await count(db(), `school_observation where urn >= 900000`), 0);
    assert.equal(await count(db(), `school_inspection`), 0);
    assert.equal(await count(db(), `release where source = 'demo'`), 0);
    const real = await schoolRows(db());
    assert.equal(real.school_observation, 2);
    // `lantern demo` on a store with real school data adds no demo school to it.
    const summary = await loadDemo(db());
    assert.equal(summary.schools, 0);
    assert.equal(summary.schoolFigures, 0);
    assert.deepEqual(await schoolRows(db()), real);
  });
});
