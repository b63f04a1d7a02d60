/**
 * `npm run bench`: Lantern's performance figures, each measured in the same run against a
 * reference (DuckDB doing the same work, or a fixed target). Needs ../shared/data/lait.
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

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(laitDir, 'bds_long_0.parquet'))) {
    process.stderr.write(
      `The LAIT files are not in ${laitDir}: see ../shared/data/PROVENANCE.md (or set LANTERN_SHARED_DATA).\n`,
    );
    process.exit(1);
  }
  const parquet = path.join(laitDir, 'bds_long_0.parquet');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-'));
  const results: BenchResult[] = [];
  const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

  // 1. Full LAIT import into the embedded store (migrated, empty) vs DuckDB loading the parquet into a file.
  const importTimes: number[] = [];
  let lastDir = '';
  for (let i = 0; i < 3; i++) {
    lastDir = path.join(work, `store-${i}`);
    const db = await openStore({ dataDir: lastDir });
    const t = performance.now();
    const summary = await importLait(db, laitDir);
    importTimes.push(performance.now() - t);
    log(
      `import ${i + 1}: ${Math.round(importTimes.at(-1)!)} ms (read ${summary.timings.readMs}, load ${summary.timings.loadMs}, benchmarks ${summary.timings.benchmarksMs})`,
    );
    await db.close();
  }
  const duckLoad = await timeIt(async () => {
    const file = path.join(work, `duck-${Math.random().toString(36).slice(2)}.db`);
    const duck = await openDuckDb(file);
    await duckdbLoadParquet(duck.connection, parquet);
    duck.close();
  }, 5);
  results.push(
    ratioResult(
      'LAIT import into the embedded store',
      median(importTimes),
      duckLoad,
      'DuckDB: create table from the parquet, in a file database',
      3,
    ),
  );

  // 2. Every benchmark (measure × year × LA) in memory vs one DuckDB query doing the same work.
  const db = await openStore({ dataDir: lastDir });
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
  results.push(
    ratioResult(
      'Every benchmark (measure × year × LA), in memory',
      engine,
      duckQuery,
      'DuckDB: one SQL query computing the same ranks, quartiles and SN averages',
      2,
    ),
  );

  // 3. `lantern benchmark` for one measure, the whole process, on the embedded store.
  const cli = path.join(root, 'bin', 'lantern.js');
  // Always build: the CLI and the load test run the compiled app, which must match the source.
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const cliTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      [cli, 'benchmark', '--measure', 'KS2RWM_Expected_STD', '--format', 'json'],
      {
        env: { ...process.env, LANTERN_DATA_DIR: lastDir, DATABASE_URL: '' },
        encoding: 'utf8',
      },
    );
    cliTimes.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`lantern benchmark failed: ${r.stderr}`);
  }
  const cliMedian = median(cliTimes);
  results.push({
    name: '`lantern benchmark` for one measure, whole process',
    value: round(cliMedian),
    unit: 'ms',
    reference: 1500,
    referenceDescription: 'target: 1.5 s',
    ratio: round(cliMedian / 1500, 2),
    target: '≤ 1500 ms',
    met: cliMedian <= 1500,
  });

  // 4. The web app under load (bench/web-load.ts): scorecard and all-LAs pages, 50 clients, 20 s each.
  results.push(...(await webLoad(lastDir, log)));

  fs.rmSync(work, { recursive: true, force: true });
  const out = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    results,
  };
  fs.writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify(out, null, 2) + '\n');
  for (const r of results) {
    process.stdout.write(
      `${r.met ? 'MET ' : 'MISS'}  ${r.name}: ${r.value} ${r.unit} vs ${r.reference} ms (${r.referenceDescription}) → ratio ${r.ratio}, target ${r.target}\n`,
    );
  }
}

await main();
