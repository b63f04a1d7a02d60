/**
 * Load benchmark for the web app (issue 3): the LA scorecard and the all-LAs page under 50
 * concurrent clients for 20 s each, on the embedded store holding the full LAIT import.
 * Target: p95 ≤ 50 ms and no errors.
 *
 * p95: autocannon reports p50, p97.5 and p99 but not p95, so every response's latency is
 * recorded from its 'response' event and p95 is the nearest-rank 95th percentile of all of
 * them (the smallest latency with at least 95% of responses at or below it). Requests say
 * `Accept-Encoding: gzip, deflate, br`, as every browser does. p50 and p99 are
 * worked out the same way, so the three figures come from one set of samples.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { round, type BenchResult } from './results.js';

export const loadPaths = ['/la/933', '/measure/KS2RWM_Expected_STD'];
const connections = 50;
const duration = 20;
const targetP95 = 50;

export interface LoadFigures {
  path: string;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

async function hammer(url: string): Promise<Omit<LoadFigures, 'path'>> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration, headers: { 'accept-encoding': 'gzip, deflate, br' } },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Serves the store in `dataDir` from a separate `lantern serve` process (as in use: the load
 * tool must not share the server's one JavaScript thread) and loads each page in turn.
 */
export async function webLoad(dataDir: string, log: (s: string) => void): Promise<BenchResult[]> {
  const server = await startServeProcess(dataDir);
  const results: BenchResult[] = [];
  try {
    for (const path of loadPaths) {
      const url = new URL(path.slice(1), server.url).toString();
      const warm = await fetch(url);
      if (warm.status !== 200) throw new Error(`${path} answered ${warm.status}`);
      await warm.text();
      const f = await hammer(url);
      log(
        `load ${path}: ${Math.round(f.requestsPerSecond)} req/s, p50 ${round(f.p50)} ms, p95 ${round(f.p95)} ms, p99 ${round(f.p99)} ms, ${f.errors} errors, ${f.non2xx} non-2xx (${f.requests} requests)`,
      );
      const failures = f.errors + f.non2xx;
      results.push({
        name: `${path} under ${connections} clients for ${duration} s: p95 latency (${Math.round(f.requestsPerSecond)} req/s, p50 ${round(f.p50)} ms, p99 ${round(f.p99)} ms, ${failures} errors)`,
        value: round(f.p95),
        unit: 'ms',
        reference: targetP95,
        referenceDescription: `target: p95 ≤ ${targetP95} ms and 0 errors`,
        ratio: round(f.p95 / targetP95, 2),
        target: `p95 ≤ ${targetP95} ms, 0 errors`,
        met: f.p95 <= targetP95 && failures === 0,
      });
    }
  } finally {
    await server.close();
  }
  return results;
}

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'lantern.js');

/** Starts `lantern serve` on a free port and waits for the URL it prints. */
async function startServeProcess(
  dataDir: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port)], {
    env: {
      ...process.env,
      LANTERN_DATA_DIR: dataDir,
      DATABASE_URL: '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
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
    close: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
