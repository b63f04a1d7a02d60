/** The server side of the load benchmark: a `lantern serve` process, its memory, response sizes. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'lantern.js');

/** How long the server's warm-up may take before the benchmark gives up (it takes ~20 s). */
const warmUpLimitMs = 300_000;

/** A pino log line as an object, or undefined for a line that is not one. */
function logEntry(line: string): { level?: number; msg?: string; ms?: unknown } | undefined {
  try {
    return JSON.parse(line) as { level?: number; msg?: string; ms?: unknown };
  } catch {
    return undefined;
  }
}

/**
 * Starts `lantern serve` on a port the system picks and waits for the URL it prints, then for its
 * warm-up (every LA's scorecard made: plugins/warm-up.ts) to end, so the load runs measure a
 * server in its steady state; how long the warm-up took is returned (it logs it at info level).
 */
export async function startServeProcess(
  dataDir: string,
): Promise<{ url: string; pid: number; warmUpMs: number; close: () => Promise<void> }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0'], {
    env: {
      ...process.env,
      LANTERN_DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const warmUpMs = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`lantern serve logged no "warm-up: pages made" in ${warmUpLimitMs / 1000} s`),
        ),
      warmUpLimitMs,
    );
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      for (let nl = err.indexOf('\n'); nl >= 0; nl = err.indexOf('\n')) {
        const line = err.slice(0, nl);
        err = err.slice(nl + 1);
        const entry = logEntry(line);
        if (entry?.msg === 'warm-up: pages made' && typeof entry.ms === 'number') {
          clearTimeout(timer);
          resolve(entry.ms);
        } else if (entry?.level !== 30) process.stderr.write(`${line}\n`); // warnings, errors
      }
    });
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) =>
      reject(new Error(`lantern serve exited (${code}) before it was ready: ${out}`)),
    );
  });
  return {
    url,
    pid: child.pid!,
    warmUpMs: await warmUpMs,
    close: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A field of /proc/<pid>/status in MB (Linux), or NaN where there is no /proc. */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
}

/** The server's memory: VmRSS now or sampled every 200 ms while a run lasts, and its peak (VmHWM). */
export function serverMemory(pid: number) {
  return {
    sample() {
      let max = statusMb(pid, 'VmRSS');
      const timer = setInterval(() => (max = Math.max(max, statusMb(pid, 'VmRSS'))), 200);
      return {
        /** The largest RSS seen, MB. */
        stop: (): number => {
          clearInterval(timer);
          return Math.max(max, statusMb(pid, 'VmRSS'));
        },
      };
    },
    currentMb: (): number => statusMb(pid, 'VmRSS'),
    peakMb: (): number => statusMb(pid, 'VmHWM'),
  };
}

/** Bytes of the response body as sent (compressed when the server compressed it). */
export function responseBytes(url: string, acceptEncoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`));
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve(bytes));
      })
      .on('error', reject);
  });
}
