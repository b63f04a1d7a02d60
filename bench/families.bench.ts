/**
 * 7. Families of similar schools (issue 10): the family of 20 of every secondary school in
 * England on the 2018/19 census variables (FSM6, EAL, SEN support), read from the embedded
 * store and computed as src/schools/families.ts does (one pass over a typed-array matrix per
 * school, keeping the nearest 20), against DuckDB computing the same z-scores, distances and top
 * 20 in one SQL query over the same figures. Target: ≤ 10 s. Needs
 * ../shared/data/perf_tables_england_2018_19. `node --import tsx bench/families.bench.ts` runs
 * it alone (and writes nothing); `npm run bench` runs it with the rest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/core/db.js';
import { allFamilies, standardise, variablesForPhase } from '../src/schools/families.js';
import { poolCandidates, resolvePool } from '../src/schools/families-pool.js';
import {
  figuresOfPhase,
  latestFigureYears,
  schoolsOfPhase,
} from '../src/schools/families.repository.js';
import { importPerformanceTables } from '../src/sources/performance-tables/performance-tables.import.js';
import { openStore } from '../src/store/store.js';
import { openDuckDb } from './duckdb-reference.js';
import { median, round, timeIt, type BenchResult } from './results.js';

type Log = (s: string) => void;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const englandDir = path.join(
  process.env.LANTERN_SHARED_DATA ?? path.resolve(root, '../shared/data'),
  'perf_tables_england_2018_19',
);
const size = 20;
const variables = variablesForPhase('Secondary', ['fsm6', 'eal', 'sen-support']);

/** What `loadFamily` reads, for the whole phase at once, then every family: Lantern's figure. */
async function lanternFamilies(db: Database) {
  const years = await latestFigureYears(db, variables, 2018);
  const schools = await schoolsOfPhase(db, 'Secondary');
  const figures = await figuresOfPhase(db, 'Secondary', years);
  const read = performance.now();
  const pool = resolvePool('england', null, []);
  const s = standardise(
    poolCandidates(schools, figures, variables, pool),
    variables.map((v) => v.id),
  );
  return { s, families: allFamilies(s, size), readDone: read };
}

/** The same families in DuckDB SQL: z-scores over the pool, every pair's distance, the top 20. */
const duckFamiliesSql = `
with stats as (
  select avg(fsm6) as m1, stddev_pop(fsm6) as s1, avg(eal) as m2, stddev_pop(eal) as s2,
         avg(sen) as m3, stddev_pop(sen) as s3 from pool),
z as (
  select urn, (fsm6 - m1) / s1 as z1, (eal - m2) / s2 as z2, (sen - m3) / s3 as z3
  from pool, stats),
pairs as (
  select a.urn as school, b.urn as member,
         round(sqrt((a.z1 - b.z1) ^ 2 + (a.z2 - b.z2) ^ 2 + (a.z3 - b.z3) ^ 2), 9) as distance
  from z a join z b on a.urn <> b.urn)
select school, member, distance from pairs
qualify row_number() over (partition by school order by distance, member) <= ${size}
order by school, distance, member`;

/** Whether DuckDB's families are Lantern's: the same members in the same order, distances to 1e-9. */
function compare(
  lantern: Awaited<ReturnType<typeof lanternFamilies>>,
  duck: [number, number, number][],
): { same: number; of: number; maxDifference: number } {
  const { s, families } = lantern;
  let same = 0;
  let maxDifference = 0;
  for (let i = 0; i < s.urns.length; i++) {
    const rows = duck.slice(i * size, (i + 1) * size);
    let agrees = rows.length === families.width;
    rows.forEach(([school, member, distance], r) => {
      const d = Math.abs(distance - families.distances[i * size + r]!);
      maxDifference = Math.max(maxDifference, d);
      if (school !== s.urns[i] || member !== families.urns[i * size + r] || d > 1e-9)
        agrees = false;
    });
    if (agrees) same++;
  }
  return { same, of: s.urns.length, maxDifference };
}

async function duckFamilies(lantern: Awaited<ReturnType<typeof lanternFamilies>>, log: Log) {
  const duck = await openDuckDb();
  const c = duck.connection;
  await c.run('create table pool (urn integer, fsm6 double, eal double, sen double)');
  const appender = await c.createAppender('pool');
  const { s } = lantern;
  for (let i = 0; i < s.urns.length; i++) {
    appender.appendInteger(s.urns[i]!);
    for (let v = 0; v < 3; v++) appender.appendDouble(s.raw[i * 3 + v]!);
    appender.endRow();
  }
  appender.closeSync();
  let rows: [number, number, number][] = [];
  const ms = await timeIt(async () => {
    const reader = await c.runAndReadAll(duckFamiliesSql);
    rows = reader.getRowsJS() as [number, number, number][];
  }, 3);
  duck.close();
  const check = compare(lantern, rows);
  log(
    `families: DuckDB agrees on ${check.same} of ${check.of} families (largest distance difference ${check.maxDifference.toExponential(1)})`,
  );
  return ms;
}

/** Imports the England files into a new store under `work`, then times both sides. */
export async function benchFamilies(work: string, log: Log): Promise<BenchResult[]> {
  if (!fs.existsSync(englandDir)) {
    log(`families: skipped, ${englandDir} is missing (see ../shared/data/PROVENANCE.md)`);
    return [];
  }
  const db = await openStore({ dataDir: path.join(work, 'families-store') });
  try {
    await importPerformanceTables(db, englandDir);
    await lanternFamilies(db); // warm-up: the first reads fill the store's cache
    const times: number[] = [];
    const computeTimes: number[] = [];
    let last: Awaited<ReturnType<typeof lanternFamilies>> | undefined;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      last = await lanternFamilies(db);
      const end = performance.now();
      times.push(end - t);
      computeTimes.push(end - last.readDone);
    }
    const ms = median(times);
    log(
      `families: ${last!.s.urns.length} secondary schools, ${round(median(computeTimes))} ms of ${round(ms)} ms computing (the rest is reading the store)`,
    );
    const duckMs = await duckFamilies(last!, log);
    return [
      {
        name: 'Families of 20 for every secondary school in England (2018/19 census), read from the store and computed',
        value: round(ms),
        unit: 'ms',
        reference: round(duckMs),
        referenceDescription:
          'DuckDB: one SQL query computing the same z-scores, distances and top 20',
        ratio: round(ms / duckMs, 2),
        target: '≤ 10000 ms',
        met: ms <= 10000,
      },
    ];
  } finally {
    await db.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-families-bench-'));
  const log: Log = (s) => process.stderr.write(`[bench] ${s}\n`);
  const results = await benchFamilies(work, log);
  fs.rmSync(work, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
