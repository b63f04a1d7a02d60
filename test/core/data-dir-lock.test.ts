import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import type { LanternError } from '../../src/core/errors.js';
import { lockDataDir } from '../../src/core/data-dir-lock.js';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-lock-'));
const lockFile = (dir: string) => path.join(dir, 'lantern.lock');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const holderScript = path.join(root, 'test/support/lock-holder.ts');

const inUse = (e: LanternError) =>
  e.code === 'LANTERN_STORE_IN_USE' && /DATABASE_URL/.test(e.hint ?? '');

/** Starts test/support/lock-holder.ts and resolves once it holds the lock on `dir`. */
async function startHolder(
  dir: string,
  ...args: string[]
): Promise<{ child: ChildProcessWithoutNullStreams; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dir, ...args], {
    cwd: root,
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('locked\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before locking`)));
  });
  return { child, output: () => output };
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve([child.exitCode, child.signalCode])
    : once(child, 'exit');

it('locks the data folder and frees it again', () => {
  const dir = tempDir();
  const unlock = lockDataDir(dir);
  assert.equal(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')).pid, process.pid);
  unlock();
  assert.equal(fs.existsSync(lockFile(dir)), false);
});

it('refuses a data folder another running process holds, saying what to do', async () => {
  const dir = tempDir();
  const { child } = await startHolder(dir);
  try {
    assert.throws(() => lockDataDir(dir), inUse);
  } finally {
    child.kill();
  }
});

it('takes over a lock left by a process that has gone', () => {
  const dir = tempDir();
  fs.writeFileSync(lockFile(dir), '999999999');
  const unlock = lockDataDir(dir);
  unlock();
});

it('takes over an earlier version’s lock holding the pid of a running program that is not Lantern', () => {
  const dir = tempDir();
  fs.writeFileSync(lockFile(dir), '1'); // pid 1 always runs: init, or a container's first process
  const unlock = lockDataDir(dir);
  unlock();
});

it('takes over a lock whose pid now belongs to another process', () => {
  const dir = tempDir();
  const unlock = lockDataDir(dir);
  const record = JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'));
  unlock();
  // The lock of a process that has gone, whose pid the system then gave to pid 1's process.
  fs.writeFileSync(lockFile(dir), JSON.stringify({ ...record, pid: 1 }));
  lockDataDir(dir)();
});

it('waits for a lock file being written and obeys the running process that wrote it', async () => {
  const [dir, holderDir] = [tempDir(), tempDir()];
  const { child } = await startHolder(holderDir, 'write-later', dir);
  try {
    assert.equal(fs.readFileSync(lockFile(dir), 'utf8'), '');
    assert.throws(() => lockDataDir(dir), inUse);
  } finally {
    child.kill();
  }
});

it('takes over an empty lock file left long ago by a process that died writing it', () => {
  const dir = tempDir();
  fs.writeFileSync(lockFile(dir), '');
  const minuteAgo = new Date(Date.now() - 60_000);
  fs.utimesSync(lockFile(dir), minuteAgo, minuteAgo);
  lockDataDir(dir)();
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  it(`frees the lock when ${signal} ends the process`, async () => {
    const dir = tempDir();
    const { child } = await startHolder(dir);
    child.kill(signal);
    assert.deepEqual(await exited(child), [null, signal]);
    assert.equal(fs.existsSync(lockFile(dir)), false);
  });
}

it('frees the lock when the process exits without closing the store', async () => {
  const dir = tempDir();
  const { child } = await startHolder(dir, 'exit');
  assert.deepEqual(await exited(child), [0, null]);
  assert.equal(fs.existsSync(lockFile(dir)), false);
});

it('keeps the lock until a command handling the signal itself closes the store', async () => {
  const dir = tempDir();
  const { child, output } = await startHolder(dir, 'own-handler');
  child.kill('SIGTERM');
  assert.deepEqual(await exited(child), [0, null]);
  assert.match(output(), /lock there when the handler ran: true/);
  assert.equal(fs.existsSync(lockFile(dir)), false);
});

it('takes over the lock of a process killed with SIGKILL', async () => {
  const dir = tempDir();
  const { child } = await startHolder(dir);
  child.kill('SIGKILL');
  await exited(child);
  assert.equal(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')).pid, child.pid);
  lockDataDir(dir)();
});

it('leaves a lock another process took over when freeing its own', () => {
  const dir = tempDir();
  const unlock = lockDataDir(dir);
  fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 1, token: 'someone else' }));
  unlock();
  assert.equal(fs.existsSync(lockFile(dir)), true);
});

it('says what a lock naming a program that is not Lantern is, and how to clear it', () => {
  const dir = tempDir();
  // A forged or copied lock naming pid 1 with its real start time: obeyed, but said for what it is.
  const stat = fs.readFileSync('/proc/1/stat', 'utf8');
  const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 1, start, boot: null, token: 'x' }));
  assert.throws(
    () => lockDataDir(dir),
    (e: LanternError) =>
      e.code === 'LANTERN_STORE_IN_USE' &&
      /in use by process 1 \(/.test(e.message) &&
      !/Lantern process/.test(e.message) &&
      (e.hint ?? '').includes(`delete ${lockFile(dir)}`),
  );
});

it('takes over a lock without a start time naming a live program that is not Lantern', () => {
  const dir = tempDir();
  fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 1, start: null, boot: null, token: 'x' }));
  lockDataDir(dir)();
});

it('says so when the lock is a folder, instead of failing on it', () => {
  const dir = tempDir();
  fs.mkdirSync(lockFile(dir));
  assert.throws(
    () => lockDataDir(dir),
    (e: LanternError) =>
      e.code === 'LANTERN_STORE_IN_USE' &&
      /is a folder, not a file/.test(e.message) &&
      (e.hint ?? '').includes(`remove ${lockFile(dir)}`),
  );
});
