import fs from 'node:fs';
import path from 'node:path';
import { lanternError } from './errors.js';
import { commandOf, currentOwner, ownerRuns, parseLockRecord } from './process-owner.js';

/**
 * The embedded database (PGlite) must be opened by one process at a time: two processes writing
 * the same data directory would corrupt it. `lantern.lock` names the process holding it (pid,
 * start time, boot: src/core/process-owner.ts). A lock whose process has gone (ended, crashed,
 * killed with -9, or its pid since reused by another program) is taken over; the lock of a
 * running Lantern process is obeyed. The lock is released when the database closes, when the
 * process exits, and on SIGINT, SIGTERM or SIGHUP.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'lantern.lock');
  const record = JSON.stringify(currentOwner());
  const deadline = Date.now() + unwrittenGraceMs + 3000;
  while (Date.now() < deadline) {
    if (createExclusive(file, record)) return hold(file, record);
    const holder = readHolder(file);
    if (holder === 'gone') continue;
    if (holder === 'stale') takeOver(file);
    else if (holder === 'unwritten') sleep(20);
    else throw inUse(dataDir, file, holder.pid);
  }
  throw new Error(`Could not lock ${file}: other processes kept taking and releasing it.`);
}

function inUse(dataDir: string, file: string, pid: number) {
  const command = pid === process.pid ? undefined : commandOf(pid);
  const who =
    pid === process.pid
      ? `this process (pid ${pid})`
      : `process ${pid}${command ? ` (${command})` : ''}`;
  // The lock names its writer by pid and start time, so it is obeyed; but a lock copied or
  // written by hand can name any process, so a process that does not look like Node is said.
  const unlike = command !== undefined && !/node|lantern/i.test(command);
  return lanternError(
    'LANTERN_STORE_IN_USE',
    `Lantern's embedded database in ${dataDir} is in use by ${who}.`,
    {
      hint: unlike
        ? `That process does not look like Lantern: if no Lantern command or server is running, delete ${file} and try again.`
        : 'Stop that process (often `lantern serve` or `npm start`) and try again, or set DATABASE_URL to a PostgreSQL server, which several processes can share.',
    },
  );
}

/** The lock's path is taken by something that is not a lock file (a folder, an unreadable file). */
function notALockFile(file: string, error: NodeJS.ErrnoException) {
  const what =
    error.code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${error.code})`;
  return lanternError(
    'LANTERN_STORE_IN_USE',
    `The embedded database's lock ${file} ${what}, so Lantern cannot tell whether another process is using the database.`,
    { hint: `If no Lantern command or server is running, remove ${file} and try again.` },
  );
}

/**
 * A lock file that is empty or half-written: its writer may be between creating and writing it
 * (Lantern 0.1 wrote in two steps), so it is given this long from its last change before it
 * counts as abandoned (a process that died in between).
 */
const unwrittenGraceMs = 2000;

type Holder = { pid: number } | 'stale' | 'unwritten' | 'gone';

function readHolder(file: string): Holder {
  let text: string;
  let changed: number;
  try {
    text = fs.readFileSync(file, 'utf8');
    changed = fs.statSync(file).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw notALockFile(file, error as NodeJS.ErrnoException);
  }
  const record = parseLockRecord(text);
  if (!record) return Date.now() - changed < unwrittenGraceMs ? 'unwritten' : 'stale';
  return ownerRuns(record) ? { pid: record.pid } : 'stale';
}

/** Creates `file` holding `text` unless it exists. */
function createExclusive(file: string, text: string): boolean {
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes a stale lock. Two processes finding the same stale lock must not both remove it (the
 * second would remove the first one's new lock), so only the holder of `lantern.lock.takeover`
 * may, after judging the lock again. That guard is held for a moment only: one older than 10 s
 * was left by a process that died holding it.
 */
function takeOver(file: string): void {
  const guard = `${file}.takeover`;
  if (!createExclusive(guard, String(process.pid))) {
    const age = Date.now() - (fs.statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age > 10_000) fs.rmSync(guard, { force: true });
    else sleep(5);
    return;
  }
  try {
    if (readHolder(file) === 'stale') fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The locks this process holds: lock file → the record it wrote. */
const held = new Map<string, string>();

function hold(file: string, record: string): () => void {
  if (held.size === 0) watchExit();
  held.set(file, record);
  return () => release(file);
}

function release(file: string): void {
  const record = held.get(file);
  if (record === undefined) return;
  held.delete(file);
  if (held.size === 0) unwatchExit();
  // Only our own lock: never one another process wrote after judging ours stale.
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (text === record) fs.rmSync(file, { force: true });
}

const releaseAll = () => [...held.keys()].forEach(release);

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * A signal ends the process without running `finally` blocks, so the lock is released here,
 * then the signal is raised again to end the process as it would have. A command that listens
 * for the signal itself (`lantern serve` stops the server, then closes the store) releases the
 * lock as it closes the store, so it is left to do so.
 */
const onSignal = Object.fromEntries(
  signals.map((signal) => [
    signal,
    () => {
      if (process.listenerCount(signal) > 1) return;
      releaseAll();
      process.kill(process.pid, signal);
    },
  ]),
) as Record<(typeof signals)[number], () => void>;

function watchExit(): void {
  process.on('exit', releaseAll);
  for (const signal of signals) process.on(signal, onSignal[signal]);
}

function unwatchExit(): void {
  process.off('exit', releaseAll);
  for (const signal of signals) process.off(signal, onSignal[signal]);
}
