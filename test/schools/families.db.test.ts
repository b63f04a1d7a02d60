import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import Papa from 'papaparse';
import { familyCommand } from '../../src/cli/family.js';
import { LanternError } from '../../src/core/errors.js';
import { loadFamily } from '../../src/schools/families.service.js';
import { importEesSchools } from '../../src/sources/ees-schools/ees-schools.import.js';
import { importPerformanceTables } from '../../src/sources/performance-tables/performance-tables.import.js';
import { testCliContext } from '../support/cli.js';
import { describeEachDatabase } from '../support/db.js';
import { realData } from '../support/real-data.js';

const england = realData('perf_tables_england_2018_19');
const ks2 = realData('ks2_la_hampshire_surrey');
const ees = realData('ees_ks4_2024_25/202425_information_about_schools_provisional.csv');

const acland = 100053; // Acland Burghley School, Camden: a secondary school
const anstey = 115851; // Anstey Junior School, Hampshire: a primary school

function readCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(england.path, file), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/**
 * The secondary pool worked out here from the files themselves: the schools the KS4 files list
 * as mainstream (RECTYPE 1) and not independent (NFTYPE IND), with their census FSM6, EAL and
 * SEN support percentages; `incomplete` are those whose census row lacks one of them.
 */
function secondaryPoolFromCsv() {
  const secondary = new Set<string>();
  const independent = new Set<string>();
  for (const file of ['england_ks4provisional.csv', 'england_ks4-pupdest.csv'])
    for (const r of readCsv(file)) {
      if (r.RECTYPE === '1') secondary.add(r.URN!);
      if (r.NFTYPE === 'IND') independent.add(r.URN!);
    }
  const complete = new Map<number, number[]>();
  const incomplete: number[] = [];
  for (const r of readCsv('england_census.csv')) {
    if (!secondary.has(r.URN!) || independent.has(r.URN!)) continue;
    const values = ['PNUMFSMEVER', 'PNUMEAL', 'PSENELK'].map((c) =>
      /^\d+(\.\d+)?$/.test(r[c] ?? '') ? Number(r[c]) : null,
    );
    if (values.every((v) => v !== null)) complete.set(Number(r.URN), values as number[]);
    else incomplete.push(Number(r.URN));
  }
  return { complete, incomplete };
}

/** Every school's distance from `urn`: z-scores over the pool (population sd), Euclidean. */
function distancesFrom(urn: number, pool: Map<number, number[]>) {
  const rows = [...pool.values()];
  const stats = [0, 1, 2].map((v) => {
    const mean = rows.reduce((s, r) => s + r[v]!, 0) / rows.length;
    const sd = Math.sqrt(rows.reduce((s, r) => s + (r[v]! - mean) ** 2, 0) / rows.length);
    return { mean, sd };
  });
  const z = (values: number[]) => values.map((x, v) => (x - stats[v]!.mean) / stats[v]!.sd);
  const own = z(pool.get(urn)!);
  return [...pool]
    .filter(([u]) => u !== urn)
    .map(([u, values]) => ({
      urn: u,
      distance: Math.hypot(...z(values).map((x, v) => x - own[v]!)),
    }));
}

describeEachDatabase('Families of similar schools on the real 2018/19 data', (db) => {
  it(
    'imports England 2018/19 and the Hampshire and Surrey KS2 files',
    { skip: england.skip },
    async () => {
      await importPerformanceTables(db(), england.path);
      if (!ks2.skip) await importPerformanceTables(db(), ks2.path);
    },
  );

  it(
    "a secondary school's family of 20: secondary, nearest first, itself absent, as the CSV says",
    { skip: england.skip },
    async () => {
      const family = (await loadFamily(db(), acland))!;
      assert.equal(family.school.phase, 'Secondary');
      assert.deepEqual(
        family.variables.map((u) => `${u.variable.code} ${u.yearLabel}`),
        ['PNUMFSMEVER 2018/19', 'PNUMEAL 2018/19', 'PSENELK 2018/19'],
      );
      assert.match(family.notes[0]!, /KS2APS.*no prior-attainment column/);
      const urns = family.members.map((m) => m.urn);
      assert.equal(urns.length, 20);
      assert.ok(!urns.includes(acland), 'the school is not its own family');
      const phases = await db().query<{ phase: string }>(
        'select distinct phase from school where urn = any($1::int[])',
        [urns],
      );
      assert.deepEqual(phases, [{ phase: 'Secondary' }]);
      family.members.slice(1).forEach((m, i) => {
        const before = family.members[i]!;
        assert.ok(before.distance <= m.distance, `${before.urn} then ${m.urn}`);
        if (before.distance === m.distance) assert.ok(before.urn < m.urn, 'ties by URN');
      });

      const { complete, incomplete } = secondaryPoolFromCsv();
      assert.equal(family.compared, complete.size);
      assert.equal(family.excluded.schools, incomplete.length);
      const ninePlaces = (d: number) => Math.round(d * 1e9) / 1e9; // the documented tie rule
      const expected = distancesFrom(acland, complete)
        .sort((a, b) => ninePlaces(a.distance) - ninePlaces(b.distance) || a.urn - b.urn)
        .slice(0, 20);
      assert.deepEqual(
        urns,
        expected.map((e) => e.urn),
      );
      // One distance worked through by hand from the CSV: the nearest, South Bank Engineering UTC.
      const nearest = family.members[0]!;
      const recomputed = expected.find((e) => e.urn === nearest.urn)!.distance;
      assert.ok(
        Math.abs(nearest.distance - recomputed) < 1e-9,
        `${nearest.distance} ${recomputed}`,
      );
      assert.deepEqual(complete.get(nearest.urn), [45.3, 28.6, 13.2]);
    },
  );

  it(
    'ranks the family on Progress 8 and names the schools at least 0.2 above',
    { skip: england.skip },
    async () => {
      const family = (await loadFamily(db(), acland, { size: 10 }))!;
      const o = family.outcome!;
      assert.deepEqual(
        [o.outcome.figure.code, o.yearLabel, o.school.outcome?.value],
        ['P8MEA', '2018/19', -0.08],
      );
      const better = family.members.filter(
        (m) => (m.judgement?.outcome?.value ?? -9) >= -0.08 + 0.2 - 1e-9,
      );
      assert.deepEqual(
        family.toLearnFrom,
        better.map((m) => m.urn),
      );
      assert.ok(family.toLearnFrom.length > 0);
      assert.ok(
        family.notes.some((n) => n.includes('P8MEA_FSM6CLA1A')),
        'no disadvantaged P8 in the headline file',
      );
    },
  );

  it(
    'prints JSON with the URN and each member by URN, and keeps an LA pool in the LA',
    { skip: england.skip },
    async () => {
      const { ctx, out } = testCliContext(db());
      await familyCommand(ctx, { urn: String(acland), size: '5', pool: 'la', format: 'json' });
      const json = JSON.parse(out()) as {
        urn: number;
        pool: { name: string };
        members: { urn: number; name: string; distance: number; laCode: number }[];
      };
      assert.equal(json.urn, acland);
      assert.equal(json.pool.name, 'Camden');
      assert.equal(json.members.length, 5);
      for (const m of json.members) {
        assert.equal(typeof m.name, 'string');
        assert.equal(typeof m.distance, 'number');
        assert.equal(m.laCode, 202);
      }
      const table = testCliContext(db());
      await familyCommand(table.ctx, { urn: String(acland), size: '3' });
      assert.match(table.out(), /Acland Burghley School \(this school\)/);
      assert.match(
        table.out(),
        /Ranked on Progress 8 \(2018\/19\): the school is \d+ of the \d+ schools/,
      );
      const csv = testCliContext(db());
      await familyCommand(csv.ctx, { urn: String(acland), size: '3', format: 'csv' });
      const lines = csv.out().trim().split('\n');
      assert.equal(lines.length, 5, 'a header, the school and 3 members');
      assert.match(lines[1]!, /^school,100053,/);
      await assert.rejects(familyCommand(ctx, { urn: String(acland), size: '51' }), /--size 51/);
    },
  );

  it(
    'a primary family in its region, judged for disadvantaged pupils too',
    { skip: england.skip || ks2.skip },
    async () => {
      const family = (await loadFamily(db(), anstey, { pool: 'region', size: 20 }))!;
      assert.equal(family.pool.name, 'South East');
      assert.equal(family.variables[0]!.variable.code, 'TKS1AVERAGE');
      const own = family.outcome!.school;
      assert.equal(own.disadvantaged?.value, 61);
      for (const m of family.members) {
        const dis = m.judgement?.disadvantaged?.value;
        assert.equal(
          m.judgement?.markedlyBetterForDisadvantaged,
          dis == null ? null : dis - 61 >= 5,
        );
      }
      assert.ok(family.members.some((m) => m.judgement?.markedlyBetterForDisadvantaged));
      const phases = await db().query<{ phase: string }>(
        'select distinct phase from school where urn = any($1::int[])',
        [family.members.map((m) => m.urn)],
      );
      assert.deepEqual(phases, [{ phase: 'Primary' }]);
    },
  );

  it(
    'takes secondary prior attainment from a stored file that has it (EES 2024/25), in its own year',
    { skip: england.skip || ees.skip },
    async () => {
      await importEesSchools(db(), ees.path);
      const family = (await loadFamily(db(), acland))!;
      const prior = family.variables.find((u) => u.variable.id === 'prior-attainment')!;
      assert.deepEqual(
        [prior.variable.publication, prior.variable.code, prior.yearLabel],
        ['ees-information-about-schools', 'ks2_scaledscore_average', '2024/25'],
      );
      assert.ok(!family.notes.some((n) => n.includes('KS2APS')), 'not left out now');
      assert.ok(
        family.notes.some((n) =>
          n.startsWith('The variables come from different years (2024/25, 2018/19)'),
        ),
        'mixing years is said',
      );
      assert.equal(family.members.length, 20);
      // With 2018/19 asked for, the 2024/25 column has no figure, so it is left out again.
      const then = (await loadFamily(db(), acland, { year: '2018/19' }))!;
      assert.deepEqual(
        then.variables.map((u) => u.variable.id),
        ['fsm6', 'eal', 'sen-support'],
      );
      await assert.rejects(
        loadFamily(db(), acland, { year: '2018/19', variables: ['prior-attainment', 'fsm6'] }),
        /No school has a published figure for .*in 2018\/19/,
      );
    },
  );

  it(
    'refuses an independent school and a school with a figure missing',
    { skip: england.skip },
    async () => {
      const refused = (urn: number) =>
        loadFamily(db(), urn).then(
          () => assert.fail(`URN ${urn} should have no family`),
          (e: unknown) => e as LanternError,
        );
      assert.match((await refused(100003)).message, /independent school/); // City of London School
      const missing = secondaryPoolFromCsv().incomplete[0]!;
      const error = await refused(missing);
      assert.equal(error.code, 'LANTERN_USAGE');
      assert.match(error.message, /has no published figure for/);
      assert.equal(await loadFamily(db(), 999999), null);
    },
  );
});
