/**
 * 8. Schools (issue 10): (a) the import of the England 2018/19 school files against DuckDB reading
 * the same CSVs and unpivoting them into one long table of cells, as Lantern stores them; (b) the
 * store's size on disk with every school file of ../shared/data loaded (and LAIT); (c) the school
 * profile page under 50 concurrent clients, each request a different school, so nearly every
 * answer is made rather than taken from the page cache; (d) the server's peak RSS over its
 * start-up and that load. Targets: import ≤ 10× DuckDB, store ≤ 500 MB, p95 ≤ 50 ms and no
 * errors, RSS ≤ 500 MB. `node --import tsx bench/schools.bench.ts` runs it alone (and writes
 * nothing); `npm run bench` runs it with the rest.
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
import { dropResponseBodies, runLoad } from './web-load.js';
import { responseBytes, serverMemory, startServeProcess } from './web-server.js';

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

const maxImportRatio = 10;
const targetStoreMb = 500;
const targetP95 = 50;
const targetRssMb = 500;
const connections = 50;
const duration = 20;

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

/** The URNs with figures, in a fixed shuffled order (the store is read before the server locks it). */
async function profileUrns(dataDir: string): Promise<number[]> {
  const db = await openStore({ dataDir });
  try {
    const rows = await db.query<{ urn: number }>(
      `select s.urn from school s where exists (select 1 from school_observation o where o.urn = s.urn)
        order by (s.urn * 2654435761::bigint) % 4294967296`,
    );
    return rows.map((r) => r.urn);
  } finally {
    await db.close();
  }
}

async function pageBytes(url: URL) {
  const href = url.toString();
  return {
    bytes: await responseBytes(href, 'identity'),
    gzipBytes: await responseBytes(href, 'gzip'),
  };
}

/** (c) and (d): the profile page under load, every request another school, and the server's memory. */
async function benchProfileLoad(dataDir: string, log: Log): Promise<BenchResult[]> {
  const urns = await profileUrns(dataDir);
  dropResponseBodies();
  const server = await startServeProcess(dataDir);
  const memory = serverMemory(server.pid);
  try {
    log(`schools: server warmed up in ${server.warmUpMs} ms, RSS ${memory.currentMb()} MB`);
    const { bytes, gzipBytes } = await pageBytes(new URL(`school/${urns[0]}`, server.url));
    let next = 1; // urns[0] is cached now
    const sampling = memory.sample();
    const f = await runLoad({
      url: server.url,
      connections,
      duration,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
      requests: [
        {
          setupRequest: (req) => ({ ...req, path: `/school/${urns[next++ % urns.length]}` }),
        },
      ],
    });
    const rssMb = sampling.stop();
    const peakMb = memory.peakMb();
    const failures = f.errors + f.non2xx;
    const distinct = Math.min(f.requests, urns.length);
    log(
      `schools: profile load ${Math.round(f.requestsPerSecond)} req/s over ${distinct} schools, p50 ${round(f.p50)} ms, p95 ${round(f.p95)} ms, p99 ${round(f.p99)} ms, ${failures} errors, RSS up to ${rssMb} MB`,
    );
    return [
      {
        name: `/school/:urn (gzip; ${round(bytes / 1024)} KB, ${round(gzipBytes / 1024)} KB gzipped, for URN ${urns[0]}) under ${connections} clients for ${duration} s, each request another of ${urns.length} schools: p95 latency (${Math.round(f.requestsPerSecond)} req/s, p50 ${round(f.p50)} ms, p99 ${round(f.p99)} ms, ${failures} errors)`,
        value: round(f.p95),
        unit: 'ms',
        reference: targetP95,
        referenceDescription: `target: p95 ≤ ${targetP95} ms and 0 errors`,
        ratio: round(f.p95 / targetP95, 2),
        target: `p95 ≤ ${targetP95} ms, 0 errors`,
        met: f.p95 <= targetP95 && failures === 0,
        requestsPerSecond: Math.round(f.requestsPerSecond),
        errors: failures,
        bytes,
        gzipBytes,
        peakRssMb: rssMb,
      },
      {
        name: 'Server peak RSS (VmHWM) with every school file loaded, over start-up and the profile load',
        value: peakMb,
        unit: 'MB',
        reference: targetRssMb,
        referenceDescription: `target: ≤ ${targetRssMb} MB`,
        ratio: round(peakMb / targetRssMb, 2),
        target: `≤ ${targetRssMb} MB`,
        met: peakMb <= targetRssMb,
        peakRssMb: peakMb,
      },
    ];
  } finally {
    await server.close();
  }
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

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-schools-bench-'));
  const log: Log = (s) => process.stderr.write(`[bench] ${s}\n`);
  const results = await benchSchools(work, log);
  fs.rmSync(work, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
