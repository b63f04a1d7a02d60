/**
 * Load and soak benchmark for the web app (issue 7): 100 concurrent clients for 60 s over a mix
 * of what people ask for: scorecards of several LAs, LA-measure pages, neighbours, regions, the
 * all-LAs page, compare, search, the JSON API, a few downloads and a few addresses that do not
 * exist, each asked once with gzip and once without. Reported: requests/s, p50/p95/p99 over
 * every response (nearest rank, as bench/web-load.ts), errors (failed requests, timeouts, and any
 * status other than the one the address should give: 404 for the missing ones, 200 otherwise),
 * and the server's RSS at the start and end of the run and its peak (VmHWM).
 * Targets: 0 errors and peak RSS < 500 MB; p95 is reported (50 ms is web-load's target for
 * 50 clients on one address).
 */
import http from 'node:http';
import os from 'node:os';
import { round, type BenchResult } from './results.js';
import { dropResponseBodies, percentile, runLoad, type LoadFigures } from './web-load.js';
import { serverMemory, startServeProcess } from './web-server.js';

const connections = 100;
const duration = 60;
const targetRssMb = 500;

const m = 'KS2RWM_Expected_STD';
/** [address, the status it should answer with] */
export const soakMix: [string, number][] = [
  ...['933', '330', '202', '926', '873', '308'].map((la): [string, number] => [`/la/${la}`, 200]),
  ...[
    `/la/933/measure/${m}`,
    '/la/330/measure/AVG_Attain8_Score',
    '/la/202/measure/CIN',
    `/la/933/neighbours/${m}`,
    '/la/873/neighbours/AVG_Attain8_Score',
    `/region/990/${m}`,
    '/region/984/AVG_Attain8_Score',
    `/measure/${m}?la=933`,
    '/measure/AVG_Attain8_Score',
    `/compare?la=933&la=330&la=202&measure=${m}&measure=AVG_Attain8_Score`,
    '/?q=reading',
    '/?q=birmingham',
    '/api/v1/la/933/scorecard',
    `/api/v1/measures/${m}/benchmark?la=933`,
    `/api/v1/la/330/measure/${m}`,
    `/api/v1/compare?la=933&la=330&measure=${m}`,
    '/api/v1/search?q=absence',
    '/la/933/sparklines.json',
    '/la/933.csv',
    `/la/933/measure/${m}?download=csv&table=time-series`,
    '/la/330?download=xlsx&table=topic-key-stage-2',
  ].map((p): [string, number] => [p, 200]),
  ['/la/999', 404],
  ['/measure/NO_SUCH_MEASURE', 404],
  ['/api/v1/la/999/scorecard', 404],
  ['/no-such-page', 404],
];

const gzip = { 'accept-encoding': 'gzip, deflate, br' };

/** The status `url` answers with (asked once before the run: a wrong address fails the bench early). */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

/** What an address is, for the p95 of each kind in the log. */
function kindOf(path: string, expected: number): string {
  if (expected === 404) return 'not found';
  if (/download=|\.csv$/.test(path)) return 'downloads';
  return path.startsWith('/api/') || path.endsWith('.json') ? 'API' : 'pages';
}

interface SoakFigures extends LoadFigures {
  /** p95 of each kind of address, ms. */
  kinds: Record<string, number>;
  /** Answers with another status than the address should give. */
  wrongStatus: number;
}

async function soak(url: string): Promise<SoakFigures> {
  let wrongStatus = 0;
  const byKind: Record<string, number[]> = {};
  // autocannon calls a request's onResponse, then at once emits 'response' with the latency.
  let answered: number[] = [];
  // Each address twice, with and without gzip; every client walks the list round and round.
  const requests = soakMix.flatMap(([path, expected]) =>
    [gzip, {}].map((headers) => ({
      method: 'GET' as const,
      path,
      headers,
      onResponse: (status: number) => {
        if (status !== expected) wrongStatus++;
        answered = byKind[kindOf(path, expected)] ??= [];
      },
    })),
  );
  const f = await runLoad({ url, connections, duration, requests }, (ms) => answered.push(ms));
  const ascending = (a: number, b: number) => a - b;
  const p95 = (xs: number[]) => round(percentile(xs.sort(ascending), 95));
  const kinds = Object.fromEntries(Object.entries(byKind).map(([kind, xs]) => [kind, p95(xs)]));
  return { ...f, kinds, wrongStatus };
}

interface Rss {
  startMb: number;
  endMb: number;
  maxMb: number;
  peakMb: number;
}

function soakResults(f: SoakFigures, rss: Rss, load: string): BenchResult[] {
  const errors = f.errors + f.wrongStatus;
  const what = `Soak: ${connections} clients for ${duration} s over ${soakMix.length} addresses (pages, API, downloads, 404s), gzip and not, load average ${load}`;
  return [
    {
      name: `${what}: p95 latency (${Math.round(f.requestsPerSecond)} req/s, p50 ${round(f.p50)} ms, p99 ${round(f.p99)} ms, ${errors} errors in ${f.requests} requests)`,
      part: 'soak',
      value: round(f.p95),
      unit: 'ms',
      reference: 50,
      referenceDescription: 'for reference: 50 ms, the load test’s p95 target for one address',
      ratio: round(f.p95 / 50, 2),
      target: '0 errors (p95 reported)',
      met: errors === 0,
      requestsPerSecond: Math.round(f.requestsPerSecond),
      errors,
    },
    {
      name: `${what}: server peak RSS (VmHWM; RSS ${rss.startMb} MB at the start, ${rss.endMb} MB at the end, at most ${rss.maxMb} MB sampled)`,
      part: 'soak',
      value: rss.peakMb,
      unit: 'MB',
      reference: targetRssMb,
      referenceDescription: `target: < ${targetRssMb} MB`,
      ratio: round(rss.peakMb / targetRssMb, 2),
      target: `< ${targetRssMb} MB`,
      met: rss.peakMb < targetRssMb,
      peakRssMb: rss.peakMb,
    },
  ];
}

/** Serves the store in `dataDir` from its own `lantern serve` process and soaks it. */
export async function webSoak(dataDir: string, log: (s: string) => void): Promise<BenchResult[]> {
  dropResponseBodies();
  const server = await startServeProcess(dataDir);
  const memory = serverMemory(server.pid);
  log(
    `server warmed up in ${server.warmUpMs} ms: RSS ${memory.currentMb()} MB, peak ${memory.peakMb()} MB`,
  );
  try {
    for (const [path, expected] of soakMix) {
      const status = await statusOf(new URL(path.slice(1), server.url).toString());
      if (status !== expected) throw new Error(`${path} answered ${status}, not ${expected}`);
    }
    const loadAverage = () => os.loadavg()[0]!.toFixed(1);
    const startLoad = loadAverage();
    const startMb = memory.currentMb();
    const sampling = memory.sample();
    const f = await soak(server.url);
    const rss = { startMb, maxMb: sampling.stop(), endMb: memory.currentMb(), peakMb: 0 };
    rss.peakMb = memory.peakMb();
    log(
      `soak: ${f.requests} requests, ${Math.round(f.requestsPerSecond)} req/s, p50 ${round(f.p50)} ms, p95 ${round(f.p95)} ms, p99 ${round(f.p99)} ms, ${f.errors} failed (${f.timeouts} of them timed out after 10 s), ${f.wrongStatus} wrong status; RSS ${rss.startMb} → ${rss.endMb} MB (max ${rss.maxMb}), peak ${rss.peakMb} MB; load average ${startLoad} → ${loadAverage()}; p95 by kind: ${JSON.stringify(f.kinds)}`,
    );
    return soakResults(f, rss, `${startLoad} → ${loadAverage()}`);
  } finally {
    await server.close();
  }
}
