#!/usr/bin/env node
// `npm test`: brings up what the tests need, then runs every test in one `node --test` run
// (so CI reads one summary):
//   - a throwaway PostgreSQL cluster on 127.0.0.1 (Debian's postgresql, installed if missing),
//     so every *.db.test.ts runs on PGlite and on a PostgreSQL server;
//   - Debian's chromium for the browser tests in test/e2e (installed if missing).
// Under CI=true nothing is skipped: if PostgreSQL or chromium cannot be had, the run fails.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ci = process.env.CI === 'true';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const skipBrowser = args.includes('--no-browser');
const skipPostgres = args.includes('--no-postgres');

function log(msg) {
  process.stderr.write(`[test] ${msg}\n`);
}

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, {
    stdio: opts.quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    ...opts,
  });
  return r;
}

function have(cmd) {
  return run('sh', ['-c', `command -v ${cmd}`], { quiet: true }).status === 0;
}

function aptInstall(packages) {
  const isRoot = process.getuid?.() === 0;
  const prefix = isRoot ? [] : have('sudo') ? ['sudo', '-n'] : null;
  if (!prefix) return false;
  log(`installing ${packages.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [c, ...rest] = [...prefix, 'apt-get'];
  if (run(c, [...rest, 'update', '-q'], { env }).status !== 0) return false;
  return (
    run(c, [...rest, 'install', '-y', '-q', '--no-install-recommends', ...packages], { env })
      .status === 0
  );
}

function findPgBin() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

function testFiles() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(test|spec)\.ts$/.test(e.name)) out.push(path.relative(root, p));
    }
  };
  for (const d of ['src', 'test', 'bench'])
    if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return out.sort();
}

async function startPostgres() {
  let bin = findPgBin();
  if (!bin) {
    if (!aptInstall(['postgresql'])) return null;
    bin = findPgBin();
    if (!bin) return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-pg-'));
  const isRoot = process.getuid?.() === 0;
  const asPg = (cmd) =>
    isRoot ? ['su', ['postgres', '-s', '/bin/sh', '-c', cmd]] : ['sh', ['-c', cmd]];
  if (isRoot) run('chown', ['postgres:postgres', dir]);
  const port = 54329 + Math.floor(Math.random() * 500);
  const steps = [
    `${bin}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null`,
    `${bin}/pg_ctl -D ${dir}/data -l ${dir}/server.log -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off" -w start >/dev/null`,
  ];
  for (const s of steps) {
    const [c, a] = asPg(s);
    const r = run(c, a);
    if (r.status !== 0) {
      log(`PostgreSQL did not start (${s.split(' ')[0]}). Log: ${dir}/server.log`);
      return null;
    }
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  log(`PostgreSQL ${path.basename(path.dirname(bin))} running on 127.0.0.1:${port}`);
  return {
    url,
    stop() {
      const [c, a] = asPg(`${bin}/pg_ctl -D ${dir}/data -m immediate stop >/dev/null`);
      run(c, a);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function ensureChromium() {
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  if (aptInstall(['chromium']))
    return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
  return null;
}

const files = only.length ? only : testFiles();
const env = { ...process.env, TZ: 'Europe/London', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' };
delete env.DATABASE_URL; // tests choose their database themselves

let postgres = null;
const needsPostgres = files.some((f) => f.endsWith('.db.test.ts')) && !skipPostgres;
if (needsPostgres) {
  postgres = await startPostgres();
  if (postgres) env.LANTERN_TEST_POSTGRES_URL = postgres.url;
  else if (ci) {
    log('CI=true and no PostgreSQL server could be started: failing.');
    process.exit(1);
  } else
    log(
      'no PostgreSQL server: database tests run on PGlite only (install postgresql to run both).',
    );
}

const needsBrowser = files.some((f) => f.includes('e2e')) && !skipBrowser;
if (needsBrowser) {
  const chromium = ensureChromium();
  if (chromium) env.LANTERN_CHROMIUM = chromium;
  else if (ci) {
    log('CI=true and chromium could not be installed: failing.');
    process.exit(1);
  } else log('no chromium: browser tests will skip (apt-get install chromium to run them).');
}

// Build the migrated PGlite snapshot once, so each test file loads it instead of running initdb (~6 s).
const snap = run(process.execPath, ['--import', 'tsx', 'test/support/make-snapshot.ts'], {
  cwd: root,
  env,
});
if (snap.status !== 0) {
  postgres?.stop();
  process.exit(1);
}

const testArgs = ['--import', 'tsx', '--test', ...files];
if (process.env.LANTERN_TEST_CONCURRENCY)
  testArgs.splice(2, 0, `--test-concurrency=${process.env.LANTERN_TEST_CONCURRENCY}`);
const child = spawn(process.execPath, testArgs, { cwd: root, env, stdio: 'inherit' });
const code = await new Promise((resolve) =>
  child.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0))),
);
postgres?.stop();
process.exit(code);
