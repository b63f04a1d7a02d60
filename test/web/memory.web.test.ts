import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { MemoryReading } from '../support/memory-server.js';

const serverScript = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../support/memory-server.ts',
);
const long = 'x'.repeat(2000);

/** URLs a crawler, a fuzzer or a mistyping visitor sends: each form made distinct by `i`. */
const hostile: ((i: number) => string)[] = [
  (i) => `/la/933?topic=No%20such%20topic%20${i}`,
  (i) => `/la/${[933, 343, 823][i % 3]}?utm_source=${i}&junk=${long}`,
  (i) => `/measure/DEMO_KS2_RWM?sort=${i}&order=${long}`,
  (i) => `/la/933/measure/DEMO_KS2_RWM?year=${i}${long}`,
  (i) => `/api/v1/la/933/scorecard?x=${i}`,
  (i) => `/api/v1/measures/DEMO_KS2_RWM/benchmark?la=933&y=${i}${long}`,
  (i) => `/compare?la=933&la=343&measure=DEMO_KS2_RWM&z=${i}${long}`,
  (i) => `/region/990/DEMO_KS2_RWM?w=${i}&v=${long}`,
  (i) => `/la/933/neighbours/DEMO_KS2_RWM?set=${i}`,
  (i) => `/measure/NO_SUCH_${i}?q=${long}`,
];

/** Sends `urls`, `concurrency` at a time, reading every answer to the end; their statuses. */
async function request(base: string, urls: string[], concurrency = 4): Promise<number[]> {
  const queue = [...urls];
  const statuses: number[] = [];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const res = await fetch(base + url, { headers: { 'accept-encoding': 'gzip' } });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

/** The server in a child process (test/support/memory-server.ts), for one describe block. */
function useServer(env: Record<string, string> = {}) {
  let child: ChildProcess;
  const server = { base: '', measure: async (): Promise<MemoryReading> => reply() };
  const reply = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (m) => resolve(m as T));
      child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
    });
  server.measure = async () => {
    const reading = reply<MemoryReading>();
    child.send('measure');
    return reading;
  };
  before(async () => {
    child = fork(serverScript, [], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    server.base = (await reply<{ url: string }>()).url;
  });
  after(async () => {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
  });
  return server;
}

/** MB grown between two readings: the heap, plus the Buffers outside it (the cached pages). */
const grownMb = (from: MemoryReading, to: MemoryReading) =>
  (to.heapUsed + to.arrayBuffers - from.heapUsed - from.arrayBuffers) / 2 ** 20;

describe('memory under hostile URLs (default cache sizes)', () => {
  const server = useServer();

  it('grows the server heap by less than 150 MB over 1,000 distinct hostile URLs', async () => {
    // Every form once first: templates compiled, the data each page needs read and cached.
    await request(
      server.base,
      hostile.map((form) => form(-1)),
    );
    const start = await server.measure();
    const urls = Array.from({ length: 1000 }, (_, i) => hostile[i % hostile.length]!(i));
    const statuses = await request(server.base, urls);
    assert.equal(statuses.length, 1000);
    assert.ok(
      statuses.every((s) => s < 500),
      `no server error (${[...new Set(statuses)]})`,
    );
    const mb = grownMb(start, await server.measure());
    if (process.env.MEMORY_DEBUG) console.log(`hostile: ${mb.toFixed(1)} MB`);
    assert.ok(mb < 150, `grew by ${mb.toFixed(1)} MB`);
  });

  it('keeps nothing new for 300 unknown topics on three LAs', async () => {
    const urls = (n: number) =>
      Array.from({ length: n }, (_, i) => `/la/${[202, 301, 302][i % 3]}?topic=T${i}`);
    await request(server.base, urls(3));
    const start = await server.measure();
    assert.ok((await request(server.base, urls(300))).every((s) => s === 400));
    const mb = grownMb(start, await server.measure());
    if (process.env.MEMORY_DEBUG) console.log(`unknown topics: ${mb.toFixed(1)} MB`);
    assert.ok(mb < 10, `grew by ${mb.toFixed(1)} MB`);
  });
});

describe('memory after every LA scorecard (LANTERN_CACHE_MB=8)', () => {
  const server = useServer({ LANTERN_CACHE_MB: '8' });

  it('holds at most about twice 8 MB of pages and page data after showing every LA', async () => {
    const areas = (await (await fetch(`${server.base}/api/v1/areas`)).json()) as {
      areas: { code: number; kind: string; status: string }[];
    };
    const las = areas.areas
      .filter((a) => a.kind === 'la' && a.status === 'current')
      .map((a) => a.code);
    await request(server.base, ['/la/933', '/la/933?topic=Key%20stage%202']);
    const start = await server.measure();
    const urls = las.flatMap((code) => [`/la/${code}`, `/la/${code}?topic=Key%20stage%202`]);
    const statuses = await request(server.base, urls);
    assert.ok(
      statuses.every((s) => s === 200),
      `${[...new Set(statuses)]}`,
    );
    const mb = grownMb(start, await server.measure());
    if (process.env.MEMORY_DEBUG) console.log(`every LA: ${mb.toFixed(1)} MB`);
    assert.ok(mb < 2 * 8 + 8, `grew by ${mb.toFixed(1)} MB over ${las.length} LAs`);
  });
});
