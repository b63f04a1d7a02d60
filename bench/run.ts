/**
 * `npm run bench`: Lantern's performance figures, each measured in the same run against a
 * reference (DuckDB doing the same work, or a fixed target). Needs ../shared/data/lait (and
 * the school files for the families and the school figures).
 * Writes bench/results.json and prints a table. docs/performance.md records the figures.
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
import { computeBenchmarks, type EngineInputs } from '../src/benchmarks/engine.js';
import {
  allBenchmarksSql,
  duckdbLoadEngineInputs,
  duckdbLoadParquet,
  openDuckDb,
} from './duckdb-reference.js';
import { median, ratioResult, round, timeIt, type BenchResult } from './results.js';
import { webLoad } from './web-load.js';
import { webSoak } from './web-soak.js';
import { benchBoardReport } from './board-report.js';
import { benchFamilies } from './families.bench.js';
import { benchSchools } from './schools.bench.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const laitDir = process.env.LANTERN_SHARED_DATA
  ? path.join(process.env.LANTERN_SHARED_DATA, 'lait')
  : path.resolve(root, '../shared/data/lait');
const parquet = path.join(laitDir, 'bds_long_0.parquet');

type Log = (s: string) => void;

/** One LAIT import into a new store at `dataDir` (its time added to `times`); returns the folder. */
async function importOnce(dataDir: string, log: Log, times: number[] = []): Promise<string> {
  const db = await openStore({ dataDir });
  const t = performance.now();
  const summary = await importLait(db, laitDir);
  times.push(performance.now() - t);
  log(
    `import ${times.length}: ${Math.round(times.at(-1)!)} ms (read ${summary.timings.readMs}, load ${summary.timings.loadMs}, benchmarks ${summary.timings.benchmarksMs})`,
  );
  await db.close();
  return dataDir;
}

/** 1. Full LAIT import into the embedded store (migrated, empty) vs DuckDB loading the parquet into a file. */
async function benchImport(
  work: string,
  log: Log,
): Promise<{ result: BenchResult; dataDir: string }> {
  const importTimes: number[] = [];
  let dataDir = '';
  for (let i = 0; i < 3; i++)
    dataDir = await importOnce(path.join(work, `store-${i}`), log, importTimes);
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
  return { result, dataDir };
}

/** What the engine reads from a store holding the LAIT import. */
async function readEngineInputs(dataDir: string): Promise<EngineInputs> {
  const db = await openStore({ dataDir });
  try {
    const version = await latestNeighbourSetVersion(db);
    return {
      measures: await listMeasures(db),
      observations: await listObservations(db),
      areas: await listAreas(db),
      neighbourSet: version ? await loadNeighbourSet(db, version) : undefined,
    };
  } finally {
    await db.close();
  }
}

/** 2. Every benchmark (measure × year × LA) in memory vs one DuckDB query doing the same work. */
async function benchEngine(dataDir: string, log: Log): Promise<BenchResult> {
  const inputs = await readEngineInputs(dataDir);
  computeBenchmarks(inputs); // warm-up
  const engine = await timeIt(() => computeBenchmarks(inputs), 7);
  const duck = await openDuckDb();
  await duckdbLoadParquet(duck.connection, parquet);
  await duckdbLoadEngineInputs(duck.connection, inputs.measures, inputs.neighbourSet);
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

/** Always build first: the CLI and the load test run the compiled app, which must match the source. */
function buildApp(): void {
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  // A failed build would leave the old dist/ to be measured.
  if (built.status !== 0) throw new Error(`npm run build failed (exit ${built.status})`);
}

/** 3. `lantern benchmark` for one measure, the whole process, on the embedded store. */
function benchCli(dataDir: string): BenchResult {
  const cli = path.join(root, 'bin', 'lantern.js');
  buildApp();
  const cliTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      [cli, 'benchmark', '--measure', 'KS2RWM_Expected_STD', '--format', 'json'],
      {
        env: { ...process.env, LANTERN_DATA_DIR: dataDir, DATABASE_URL: '' },
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

type Part = 'web' | 'soak';

/** Writes bench/results.json; a run of one part keeps the other figures of the last full run. */
function writeResults(results: BenchResult[], only: Part | undefined): void {
  const earlier: BenchResult[] =
    only && fs.existsSync(resultsFile)
      ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { results: BenchResult[] }).results
      : [];
  // A figure's part: marked, or (web figures before the mark) named by their path.
  const kept = earlier.filter((r) => (r.part ?? (r.name.startsWith('/') ? 'web' : '')) !== only);
  const out = {
    date: new Date().toISOString(),
    ...(only
      ? { note: `Figures of \`--only ${only}\` from this date; the others are older.` }
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

/** `npm run bench [-- --only web|soak] [--store DIR]`: every figure, or only one web part. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = option(args, '--only') as Part | undefined;
  if (only !== undefined && only !== 'web' && only !== 'soak') {
    process.stderr.write(`--only takes web or soak, not "${only}".\n`);
    process.exit(2);
  }
  const store = option(args, '--store');
  if (!store && !fs.existsSync(parquet)) {
    process.stderr.write(
      `The LAIT files are not in ${laitDir}: see ../shared/data/PROVENANCE.md (or set LANTERN_SHARED_DATA).\n`,
    );
    process.exit(1);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-'));
  const log: Log = (s) => process.stderr.write(`[bench] ${s}\n`);
  const results: BenchResult[] = [];
  let dataDir = store ? path.resolve(store) : '';
  if (!only) {
    const imported = await benchImport(work, log);
    results.push(imported.result, await benchEngine(imported.dataDir, log));
    dataDir ||= imported.dataDir;
    const cli = benchCli(dataDir);
    results.push(cli, ...benchBoardReport(root, dataDir, cli.value));
    // 7. Families of similar schools (bench/families.bench.ts), on its own store of school data.
    results.push(...(await benchFamilies(work, log)));
    // 8. Schools (bench/schools.bench.ts): the England import, the store's size, the profile page.
    results.push(...(await benchSchools(work, log)));
  } else if (!dataDir) {
    dataDir = await importOnce(path.join(work, 'store-0'), log);
    buildApp();
  } else buildApp();
  // 4. The web app under load (bench/web-load.ts), 5. and soaked (bench/web-soak.ts).
  if (only !== 'soak') results.push(...(await webLoad(dataDir, log)));
  if (only !== 'web') results.push(...(await webSoak(dataDir, log)));
  fs.rmSync(work, { recursive: true, force: true });
  writeResults(results, only);
}

await main();
