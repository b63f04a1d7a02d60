/**
 * 8. Schools (issue 10): (a) the import of the England 2018/19 school files against DuckDB reading
 * the same CSVs and unpivoting them into one long table of cells, as Lantern stores them; (b) the
 * store's size on disk with LAIT and every school file of ../shared/data loaded; (c) and (d) in
 * bench/school-profiles.bench.ts: the school profile page under 50 concurrent clients and the
 * server's peak RSS on that store. Targets: import ≤ 3× DuckDB (as for LAIT), store ≤ 500 MB, p95 ≤ 50 ms
 * and no errors, RSS ≤ 500 MB. `node --import tsx bench/schools.bench.ts` runs it alone (after
 * `npm run build`: the server is the compiled app) and writes nothing; `npm run bench` runs it
 * with the rest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { importEesSchools } from '../src/sources/ees-schools/ees-schools.import.js';
import { importGias } from '../src/sources/gias/gias.import.js';
import { importLait } from '../src/sources/lait/lait.import.js';
import { importOfsted } from '../src/sources/ofsted/ofsted.import.js';
import { importPerformanceTables } from '../src/sources/performance-tables/performance-tables.import.js';
import { openStore } from '../src/store/store.js';
import { openDuckDb } from './duckdb-reference.js';
import { median, ratioResult, round, timeIt, type BenchResult } from './results.js';
import { benchProfileLoad } from './school-profiles.bench.js';

type Log = (s: string) => void;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.LANTERN_SHARED_DATA ?? path.resolve(root, '../shared/data');
const englandDir = path.join(shared, 'perf_tables_england_2018_19');

/** Every school file of ../shared/data, with the importer `lantern import <kind>` uses for it. */
const schoolFolders: [kind: 'performance-tables' | 'gias' | 'ofsted' | 'ees-schools', string][] = [
  ['performance-tables', 'ks2_la_hampshire_surrey'],
  ['performance-tables', 'perf_tables_england_2018_19'],
  ['performance-tables', 'perf_tables_ks4_underlying_2022_23'],
  ['performance-tables', 'perf_tables_north_yorkshire_815'],
  ['gias', 'gias_hampshire_surrey'],
  ['gias', 'gias_links_2022'],
  ['ofsted', 'ofsted_inyear_2013_14'],
  ['ofsted', 'ofsted_mi_leeds'],
  ['ofsted', 'ofsted_mi_england_report_cards_2026'],
  ['ees-schools', 'ees_ks4_2024_25'],
];
const importers = {
  'performance-tables': importPerformanceTables,
  gias: importGias,
  ofsted: importOfsted,
  'ees-schools': importEesSchools,
};

// The target every Lantern import has (LAIT: docs/performance.md); issue 10 asks for the ratio.
const maxImportRatio = 3;
const targetStoreMb = 500;

/** (a) One import of the England files into a new store; its time, files and cells. */
async function importEngland(dataDir: string) {
  const db = await openStore({ dataDir });
  try {
    const t = performance.now();
    const summary = await importPerformanceTables(db, englandDir);
    const ms = performance.now() - t;
    const files = summary.files.map((f) => f.file);
    const cells = summary.files.reduce((n, f) => n + f.figures + f.markers, 0);
    return { ms, files, cells };
  } finally {
    await db.close();
  }
}

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** DuckDB: each file read and unpivoted into one table of (file, URN, column, cell). */
async function duckImport(work: string, files: string[]): Promise<{ ms: number; cells: number }> {
  let cells = 0;
  const ms = await timeIt(async () => {
    const duck = await openDuckDb(
      path.join(work, `duck-${Math.random().toString(36).slice(2)}.db`),
    );
    const c = duck.connection;
    await c.run('create table cell (file varchar, urn varchar, code varchar, value varchar)');
    for (const file of files) {
      const csv = sqlText(path.join(englandDir, file));
      await c.run(
        `insert into cell select ${sqlText(file)}, URN, code, value from (
           unpivot (select * from read_csv(${csv}, all_varchar = true, header = true))
           on columns(* exclude (URN)) into name code value value)`,
      );
    }
    const reader = await c.runAndReadAll('select count(*) from cell');
    cells = Number(reader.getRows()[0]![0]);
    duck.close();
  }, 3);
  return { ms, cells };
}

async function benchEnglandImport(work: string, log: Log): Promise<BenchResult> {
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof importEngland>> | undefined;
  for (let i = 0; i < 3; i++) {
    last = await importEngland(path.join(work, `england-${i}`));
    times.push(last.ms);
    log(`schools: England 2018/19 import ${i + 1}: ${Math.round(last.ms)} ms`);
    fs.rmSync(path.join(work, `england-${i}`), { recursive: true, force: true });
  }
  const duck = await duckImport(work, last!.files);
  log(
    `schools: Lantern stored ${last!.cells} cells of ${last!.files.join(', ')}; DuckDB unpivoted ${duck.cells} non-empty cells`,
  );
  return ratioResult(
    `Import of the England 2018/19 school files (${last!.files.length} CSVs, ${last!.cells} cells) into the embedded store`,
    median(times),
    duck.ms,
    'DuckDB: read_csv of each file, unpivoted into one long table of cells, in a file database',
    maxImportRatio,
  );
}

/** (b) LAIT and every school folder into one store, as the README's commands do. */
async function buildSchoolStore(dataDir: string, log: Log): Promise<void> {
  const db = await openStore({ dataDir });
  try {
    const t = performance.now();
    await importLait(db, path.join(shared, 'lait'));
    for (const [kind, folder] of schoolFolders) {
      const target = path.join(shared, folder);
      if (!fs.existsSync(target)) throw new Error(`${target} is missing: see PROVENANCE.md`);
      await importers[kind](db, target);
    }
    log(
      `schools: LAIT and ${schoolFolders.length} school folders imported in ${round((performance.now() - t) / 1000)} s`,
    );
  } finally {
    await db.close();
  }
}

/** Bytes of every file under `dir`. */
function folderBytes(dir: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    bytes += entry.isDirectory() ? folderBytes(p) : entry.isFile() ? fs.statSync(p).size : 0;
  }
  return bytes;
}

function storeSizeResult(dataDir: string, log: Log): BenchResult {
  const mb = (b: number) => round(b / 2 ** 20);
  const total = mb(folderBytes(dataDir));
  const walDir = path.join(dataDir, 'pglite', 'pg_wal');
  const wal = fs.existsSync(walDir) ? mb(folderBytes(walDir)) : 0;
  log(`schools: store ${total} MB on disk, of which ${wal} MB write-ahead log`);
  return {
    name: `Store on disk with LAIT and every school file loaded (${wal} MB of it write-ahead log)`,
    value: total,
    unit: 'MB',
    reference: targetStoreMb,
    referenceDescription: `target: ≤ ${targetStoreMb} MB`,
    ratio: round(total / targetStoreMb, 2),
    target: `≤ ${targetStoreMb} MB`,
    met: total <= targetStoreMb,
  };
}

/** Every school figure; needs ../shared/data and a built app (bench/run.ts builds it first). */
export async function benchSchools(work: string, log: Log): Promise<BenchResult[]> {
  if (!fs.existsSync(englandDir)) {
    log(`schools: skipped, ${englandDir} is missing (see ../shared/data/PROVENANCE.md)`);
    return [];
  }
  const results = [await benchEnglandImport(work, log)];
  const dataDir = path.join(work, 'all-schools');
  await buildSchoolStore(dataDir, log);
  results.push(storeSizeResult(dataDir, log), ...(await benchProfileLoad(dataDir, log)));
  return results;
}

/** Alone: `node --import tsx bench/schools.bench.ts [--store DIR]` (a store already holding the files: only its size and the profile load). */
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const log: Log = (s) => process.stderr.write(`[bench] ${s}\n`);
  const i = process.argv.indexOf('--store');
  const store = i > 0 ? process.argv[i + 1] : undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-schools-bench-'));
  const results = store
    ? [storeSizeResult(store, log), ...(await benchProfileLoad(store, log))]
    : await benchSchools(work, log);
  fs.rmSync(work, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
