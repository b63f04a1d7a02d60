/**
 * `npm run bench`: Lantern's performance figures, each measured in the same run against a
 * reference (DuckDB doing the same work, or a fixed target). Needs ../shared/data/lait.
 * Writes bench/results.json and prints a table. docs/performance.md records the figures.
 *
 * `npm run bench -- --only web` runs only the web load test (bench/web-load.ts) on one fresh
 * import, or on an existing store with `--store <dir>`, and replaces only the web figures in
 * bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/store.js';
import { importLait } from '../src/sources/lait/lait.import.js';
import { listMeasures } from '../src/measures/measures.repository.js';
import { listObservations } from '../src/measures/observations.repository.js';
import { listAreas } from '../src/measures/areas.repository.js';
import {
  latestNeighbourSetVersion,
  loadNeighbourSet,
} from '../src/measures/neighbours.repository.js';
import { computeBenchmarks } from '../src/benchmarks/engine.js';
import { allBenchmarksSql, duckdbLoadParquet, openDuckDb } from './duckdb-reference.js';
import { webLoad } from './web-load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const laitDir = process.env.LANTERN_SHARED_DATA
  ? path.join(process.env.LANTERN_SHARED_DATA, 'lait')
  : path.resolve(root, '../shared/data/lait');

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  reference: number;
  referenceDescription: string;
  ratio: number;
  target: string;
  met: boolean;
  /** 'web' for the load test's figures (replaced alone by `--only web`). */
  part?: 'web';
  requestsPerSecond?: number;
  errors?: number;
  /** Response body bytes, uncompressed and gzipped. */
  bytes?: number;
  gzipBytes?: number;
  peakRssMb?: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeIt(run: () => Promise<unknown> | unknown, times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

function ratioResult(
  name: string,
  value: number,
  reference: number,
  referenceDescription: string,
  maxRatio: number,
): BenchResult {
  const ratio = value / reference;
  return {
    name,
    value: round(value),
    unit: 'ms',
    reference: round(reference),
    referenceDescription,
    ratio: round(ratio, 2),
    target: `≤ ${maxRatio}× reference`,
    met: ratio <= maxRatio,
  };
}

const round = (v: number, dp = 1) => Math.round(v * 10 ** dp) / 10 ** dp;

type Log = (s: string) => void;

/** 1. Full LAIT import into the embedded store (migrated, empty), 3 times, vs DuckDB loading the parquet into a file. */
async function importBench(work: string, parquet: string, log: Log) {
  const importTimes: number[] = [];
  let lastDir = '';
  for (let i = 0; i < 3; i++) {
    lastDir = await importOnce(work, i, log, importTimes);
  }
  const duckLoad = await timeIt(async () => {
    const file = path.join(work, `duck-${Math.random().toString(36).slice(2)}.db`);
    const duck = await openDuckDb(file);
    await duckdbLoadParquet(duck.connection, parquet);
    duck.close();
  }, 5);
  const result = ratioResult(
    'LAIT import into the embedded store',
    median(importTimes),
    duckLoad,
    'DuckDB: create table from the parquet, in a file database',
    3,
  );
  return { result, lastDir };
}

/** One LAIT import into a new store under `work`; returns its folder. */
async function importOnce(work: string, i: number, log: Log, times: number[] = []) {
  const dir = path.join(work, `store-${i}`);
  const db = await openStore({ dataDir: dir });
  const t = performance.now();
  const summary = await importLait(db, laitDir);
  times.push(performance.now() - t);
  log(
    `import ${i + 1}: ${Math.round(times.at(-1)!)} ms (read ${summary.timings.readMs}, load ${summary.timings.loadMs}, benchmarks ${summary.timings.benchmarksMs})`,
  );
  await db.close();
  return dir;
}

/** 2. Every benchmark (measure × year × LA) in memory vs one DuckDB query doing the same work. */
async function engineBench(storeDir: string, parquet: string, log: Log): Promise<BenchResult> {
  const db = await openStore({ dataDir: storeDir });
  const measures = await listMeasures(db);
  const observations = await listObservations(db);
  const areas = await listAreas(db);
  const version = await latestNeighbourSetVersion(db);
  const neighbourSet = version ? await loadNeighbourSet(db, version) : undefined;
  await db.close();
  computeBenchmarks({ measures, observations, areas, neighbourSet }); // warm-up
  const engine = await timeIt(
    () => computeBenchmarks({ measures, observations, areas, neighbourSet }),
    7,
  );
  const duck = await openDuckDb();
  await duckdbLoadParquet(duck.connection, parquet);
  await duck.connection.run('create table polarity (m varchar, p varchar)');
  await duck.connection.run(
    `insert into polarity values ${measures.map((m) => `('${m.code.replace(/'/g, "''")}', ${m.polarity ? `'${m.polarity}'` : 'null'})`).join(',')}`,
  );
  await duck.connection.run('create table sn (la integer, nb integer)');
  const snValues = [...(neighbourSet?.neighbours ?? new Map())].flatMap(([la, list]) =>
    list.map((n: { code: number }) => `(${la}, ${n.code})`),
  );
  await duck.connection.run(`insert into sn values ${snValues.join(',')}`);
  await duck.connection.run('create table la_region (la integer, region integer)');
  await duck.connection.run(
    `insert into la_region values ${[...(neighbourSet?.regions ?? new Map())].map(([la, r]) => `(${la}, ${r})`).join(',')}`,
  );
  let duckRows = 0;
  const duckQuery = await timeIt(async () => {
    const reader = await duck.connection.runAndReadAll(
      `select count(*) as n from (${allBenchmarksSql})`,
    );
    duckRows = Number(reader.getRows()[0]![0]);
  }, 5);
  duck.close();
  log(`DuckDB benchmark query produced ${duckRows} LA rows`);
  return ratioResult(
    'Every benchmark (measure × year × LA), in memory',
    engine,
    duckQuery,
    'DuckDB: one SQL query computing the same ranks, quartiles and SN averages',
    2,
  );
}

const cli = path.join(root, 'bin', 'lantern.js');

/** The CLI and the load test run the compiled app, which must match the source. */
function build(): void {
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}

/** 3. `lantern benchmark` for one measure, the whole process, on the embedded store. */
function cliBench(storeDir: string): BenchResult {
  const cliTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      [cli, 'benchmark', '--measure', 'KS2RWM_Expected_STD', '--format', 'json'],
      {
        env: { ...process.env, LANTERN_DATA_DIR: storeDir, DATABASE_URL: '' },
        encoding: 'utf8',
      },
    );
    cliTimes.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`lantern benchmark failed: ${r.stderr}`);
  }
  const cliMedian = median(cliTimes);
  return {
    name: '`lantern benchmark` for one measure, whole process',
    value: round(cliMedian),
    unit: 'ms',
    reference: 1500,
    referenceDescription: 'target: 1.5 s',
    ratio: round(cliMedian / 1500, 2),
    target: '≤ 1500 ms',
    met: cliMedian <= 1500,
  };
}

const resultsFile = path.join(root, 'bench', 'results.json');

/** Writes bench/results.json; a web-only run keeps the other figures of the last full run. */
function writeResults(results: BenchResult[], onlyWeb: boolean): void {
  const earlier: BenchResult[] =
    onlyWeb && fs.existsSync(resultsFile)
      ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { results: BenchResult[] }).results
      : [];
  // Web figures of earlier runs: marked `part: 'web'`, or (before the mark) named by their path.
  const kept = earlier.filter((r) => r.part !== 'web' && !r.name.startsWith('/'));
  const out = {
    date: new Date().toISOString(),
    ...(onlyWeb
      ? { note: 'Web figures from `--only web` on this date; the others are older.' }
      : {}),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    results: [...kept, ...results],
  };
  fs.writeFileSync(resultsFile, JSON.stringify(out, null, 2) + '\n');
  for (const r of out.results) {
    process.stdout.write(
      `${r.met ? 'MET ' : 'MISS'}  ${r.name}: ${r.value} ${r.unit} vs ${r.reference} ${r.unit} (${r.referenceDescription}) → ratio ${r.ratio}, target ${r.target}\n`,
    );
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const onlyWeb = option(args, '--only') === 'web';
  const store = option(args, '--store');
  if (!store && !fs.existsSync(path.join(laitDir, 'bds_long_0.parquet'))) {
    process.stderr.write(
      `The LAIT files are not in ${laitDir}: see ../shared/data/PROVENANCE.md (or set LANTERN_SHARED_DATA).\n`,
    );
    process.exit(1);
  }
  const parquet = path.join(laitDir, 'bds_long_0.parquet');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-'));
  const results: BenchResult[] = [];
  const log: Log = (s) => process.stderr.write(`[bench] ${s}\n`);
  let storeDir = store ? path.resolve(store) : '';
  if (!onlyWeb) {
    const imported = await importBench(work, parquet, log);
    results.push(imported.result, await engineBench(imported.lastDir, parquet, log));
    storeDir ||= imported.lastDir;
  } else if (!storeDir) {
    storeDir = await importOnce(work, 0, log);
  }
  build();
  if (!onlyWeb) results.push(cliBench(storeDir));
  // 4. The web app under load (bench/web-load.ts).
  results.push(...(await webLoad(storeDir, log)));
  fs.rmSync(work, { recursive: true, force: true });
  writeResults(results, onlyWeb);
}

await main();
