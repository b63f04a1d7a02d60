/**
 * Who holds the store's lock. A pid alone does not say: pids are reused, after a reboot or in a
 * container where each service starts as pid 1, so a lock holding only a pid can block every
 * command forever. On Linux the owner's start time (field 22 of /proc/<pid>/stat, in clock ticks
 * since boot) and the boot's id tell the process that wrote the lock from any later one with the
 * same pid. Elsewhere (no /proc) only the pid can be checked.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { cut } from './errors.js';

export interface LockOwner {
  pid: number;
  /** Start time in clock ticks since boot; null where /proc is not available. */
  start: string | null;
  /** /proc/sys/kernel/random/boot_id; null where /proc is not available. */
  boot: string | null;
  /** Random: tells this lock from any other one the same process takes. */
  token: string;
}

/** What a lock file says: a LockOwner, or (Lantern 0.1's format) only a pid. */
export type LockRecord = LockOwner | { pid: number; pidOnly: true };

const hasProc = fs.existsSync('/proc/self/stat');

function readProcFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat, or undefined when no such process runs. */
function processStart(pid: number): string | undefined {
  const stat = readProcFile(`/proc/${pid}/stat`);
  // Field 2, the command name in brackets, may itself hold spaces and brackets.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

const bootId = (): string | null => readProcFile('/proc/sys/kernel/random/boot_id')?.trim() ?? null;

export function currentOwner(): LockOwner {
  return {
    pid: process.pid,
    start: processStart(process.pid) ?? null,
    boot: bootId(),
    token: crypto.randomBytes(8).toString('hex'),
  };
}

/** The record in a lock file's text, or undefined when it is empty or half-written. */
export function parseLockRecord(text: string): LockRecord | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), pidOnly: true };
  try {
    const value = JSON.parse(trimmed) as Partial<LockOwner>;
    if (Number.isSafeInteger(value.pid) && value.pid! > 0 && typeof value.token === 'string')
      return {
        pid: value.pid!,
        start: value.start ?? null,
        boot: value.boot ?? null,
        token: value.token,
      };
  } catch {
    // not JSON (yet): see below
  }
  return undefined;
}

/** Whether the process that wrote the record still runs (not merely some process with its pid). */
export function ownerRuns(record: LockRecord): boolean {
  // A record without a start time written where /proc exists was not written by Lantern here:
  // judged as a bare pid is.
  if ('pidOnly' in record || (record.start === null && hasProc))
    return pidOnlyOwnerRuns(record.pid);
  if (!hasProc) return pidRuns(record.pid);
  if (record.boot !== null && record.boot !== bootId()) return false;
  return processStart(record.pid) === record.start;
}

/**
 * A lock of Lantern 0.1 holds only a pid: it counts while that pid runs Lantern (its command line
 * names it). Not this process, which has only just started.
 */
function pidOnlyOwnerRuns(pid: number): boolean {
  if (pid === process.pid || !pidRuns(pid)) return false;
  if (!hasProc) return true;
  return /lantern/i.test(readProcFile(`/proc/${pid}/cmdline`) ?? '');
}

function pidRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What process `pid` runs, for messages ("node bin/lantern.js serve"); undefined without /proc. */
export function commandOf(pid: number): string | undefined {
  const text = readProcFile(`/proc/${pid}/cmdline`);
  const command = text?.split('\0').filter(Boolean).join(' ').trim();
  return command ? cut(command, 80) : undefined;
}
