/**
 * `lantern import lait` killed with SIGKILL (a power cut, the OOM killer, kill -9) part-way
 * through: the store it was replacing must hold all the old data or all the new, and the dead
 * process's lock must not stop the next command. The store starts with the demo data; one clean
 * import into a copy gives the "new" figures and how long each phase takes here, and each kill
 * lands in the middle of one phase of an import into another copy. About 75 s on a quiet
 * 2-core machine.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../src/store/store.js';
import { realData } from '../support/real-data.js';

const lait = realData('lait');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-crash-'));
const oldStore = path.join(work, 'old');

const lockFile = (dataDir: string) => path.join(dataDir, 'lantern.lock');

/** Starts a Lantern command from the source on the embedded store in `dataDir`. */
function lantern(dataDir: string, ...args: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'test/support/lantern-cli.ts'), ...args],
    { cwd: root, env: { ...process.env, LANTERN_DATA_DIR: dataDir, DATABASE_URL: '' } },
  );
  let [stdout, stderr] = ['', ''];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    stdout,
  }));
  /** Resolves when the command has taken the store's lock, or has printed `sign` on stderr. */
  const reached = async (sign: string): Promise<void> => {
    while (sign === lockTaken ? !fs.existsSync(lockFile(dataDir)) : !stderr.includes(sign)) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} ended before "${sign}"`);
      await delay(10);
    }
  };
  return { child, exit, reached };
}

/** The signs an import gives of where it is: the lock, then the progress bar of its writing. */
const lockTaken = 'lock';
const writingStarts = 'Loading LAIT observations';
const writingEnds = '100%';

function copyOfOldStore(name: string): string {
  const dir = path.join(work, name);
  fs.cpSync(oldStore, dir, { recursive: true });
  return dir;
}

/** Counts and checksums of what an import replaces; opening the store takes its lock. */
async function storeFigures(dataDir: string): Promise<Record<string, unknown>> {
  const db = await openStore({ dataDir });
  try {
    const [row] = await db.query(`select
      (select count(*) from measure) as measures,
      (select count(*) from observation) as observations,
      (select sum(hashtext(concat_ws('|', measure_code, area_code, year_label, value, suppression)))
         from observation) as observation_checksum,
      (select count(*) from benchmark) as benchmarks,
      (select sum(hashtext(concat_ws('|', measure_code, year_label, la_code, value, rank, rank_of,
         quartile_band, sn_average, region_value, england_value))) from benchmark) as benchmark_checksum,
      (select string_agg(concat_ws('|', source, file_name, checksum_sha256, row_count), ', ' order by id)
         from release) as releases,
      (select count(*) from statistical_neighbour) as neighbours`);
    return row!;
  } finally {
    await db.close();
  }
}

/**
 * When to kill: how long after which sign, from the clean import's phases in this run. The last
 * phase counts from a sign of its own, not from the lock: an import that ran faster than the
 * clean one must still be killed before it ends.
 */
function killMoments(sinceLockMs: number, summary: string): Record<string, [string, number]> {
  const [total, read, write, benchmarks] =
    /Imported LAIT data in ([\d.]+) s \(reading and checking ([\d.]+) s, writing ([\d.]+) s, benchmarks ([\d.]+) s\)/
      .exec(summary)!
      .slice(1)
      .map((s) => Number(s) * 1000) as [number, number, number, number];
  const open = Math.max(sinceLockMs - total, 200);
  return {
    'opening the store': [lockTaken, open / 2],
    'reading and checking the files': [lockTaken, open + read / 2],
    'writing the observations': [writingStarts, write / 2],
    'computing the benchmarks': [writingEnds, benchmarks / 3],
  };
}

describe('an import killed with SIGKILL', { skip: lait.skip, timeout: 240_000 }, () => {
  let oldFigures: Record<string, unknown>;
  let newFigures: Record<string, unknown>;
  let killAt: Record<string, [string, number]> = {};

  before(async () => {
    assert.equal((await lantern(oldStore, 'demo').exit).code, 0);
    oldFigures = await storeFigures(oldStore);
    const clean = copyOfOldStore('clean');
    const run = lantern(clean, 'import', 'lait', lait.path);
    await run.reached(lockTaken);
    const lockedAt = performance.now();
    const { code, stdout } = await run.exit;
    assert.equal(code, 0, stdout);
    killAt = killMoments(performance.now() - lockedAt, stdout);
    newFigures = await storeFigures(clean);
    assert.notDeepEqual(newFigures, oldFigures);
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  for (const phase of [
    'opening the store',
    'reading and checking the files',
    'writing the observations',
    'computing the benchmarks',
  ]) {
    it(`while ${phase} leaves the old data or the new, and the next command runs`, async (t) => {
      const store = copyOfOldStore(phase.replaceAll(' ', '-'));
      const run = lantern(store, 'import', 'lait', lait.path);
      const [sign, ms] = killAt[phase]!;
      await run.reached(sign);
      await delay(ms);
      run.child.kill('SIGKILL');
      assert.equal((await run.exit).signal, 'SIGKILL', 'the import ended before it was killed');
      assert.equal(JSON.parse(fs.readFileSync(lockFile(store), 'utf8')).pid, run.child.pid);
      const figures = await storeFigures(store);
      const held = [oldFigures, newFigures].findIndex(
        (f) => JSON.stringify(f) === JSON.stringify(figures),
      );
      const when = `killed ${Math.round(ms)} ms after "${sign}"`;
      assert.notEqual(held, -1, `${when}, the store holds ${JSON.stringify(figures)}`);
      t.diagnostic(`${when}: the store holds the ${held === 0 ? 'old' : 'new'} data`);
      fs.rmSync(store, { recursive: true, force: true });
    });
  }
});
