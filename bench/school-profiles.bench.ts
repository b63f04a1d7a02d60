/**
 * 8c and 8d (bench/schools.bench.ts): the school profile page under 50 concurrent clients, and the
 * server's peak RSS, on a store holding LAIT and every school file. Targets: p95 ≤ 50 ms and no
 * errors; RSS ≤ 500 MB.
 */
import { performance } from 'node:perf_hooks';
import { openStore } from '../src/store/store.js';
import { round, type BenchResult } from './results.js';
import { dropResponseBodies, loadResult, runLoad } from './web-load.js';
import { responseBytes, serverMemory, startServeProcess } from './web-server.js';

type Log = (s: string) => void;

const targetRssMb = 500;
const connections = 50;
const duration = 20;

async function pageBytes(url: URL) {
  const href = url.toString();
  return {
    bytes: await responseBytes(href, 'identity'),
    gzipBytes: await responseBytes(href, 'gzip'),
  };
}

/**
 * The URNs with figures in a fixed shuffled order, Hampshire's and Surrey's apart (the LAs
 * whose KS2 files are loaded: the working set of their officers) from the rest of England.
 * Read before the server starts, which then holds the store's lock.
 */
async function profileUrns(dataDir: string): Promise<{ local: number[]; others: number[] }> {
  const db = await openStore({ dataDir });
  try {
    const rows = await db.query<{ urn: number; local: boolean }>(
      `select s.urn, coalesce(s.la_code in (850, 936), false) as local from school s
        where exists (select 1 from school_observation o where o.urn = s.urn)
        order by (s.urn * 2654435761::bigint) % 4294967296`,
    );
    return {
      local: rows.filter((r) => r.local).map((r) => r.urn),
      others: rows.filter((r) => !r.local).map((r) => r.urn),
    };
  } finally {
    await db.close();
  }
}

/** Each school's profile asked for once, one at a time: how long one takes to make. */
async function viewEach(baseUrl: string, urns: number[]): Promise<number> {
  const t = performance.now();
  for (const urn of urns) {
    const res = await fetch(new URL(`school/${urn}`, baseUrl));
    if (res.status !== 200) throw new Error(`/school/${urn} answered ${res.status}`);
    await res.arrayBuffer();
  }
  return (performance.now() - t) / urns.length;
}

/** 50 clients for 20 s asking for these schools' profiles in turn, gzip accepted. */
function loadProfiles(baseUrl: string, urns: number[]) {
  let next = 0;
  return runLoad({
    url: baseUrl,
    connections,
    duration,
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    requests: [
      { setupRequest: (req) => ({ ...req, path: `/school/${urns[next++ % urns.length]}` }) },
    ],
  });
}

const rssResult = (peakMb: number): BenchResult => ({
  name: 'Server peak RSS (VmHWM) with every school file loaded, over start-up and both profile loads',
  value: peakMb,
  unit: 'MB',
  reference: targetRssMb,
  referenceDescription: `target: ≤ ${targetRssMb} MB`,
  ratio: round(peakMb / targetRssMb, 2),
  target: `≤ ${targetRssMb} MB`,
  met: peakMb <= targetRssMb,
  peakRssMb: peakMb,
});

/**
 * (c) and (d): the profile page under load and the server's memory. First, 50 clients each asking
 * for a school nobody has viewed (the rest of England): every answer is made, the worst case.
 * Then Hampshire's and Surrey's schools, each viewed once (timed: one profile made alone), then
 * 50 clients going round them: the page cache's steady state for two LAs' officers.
 */
export async function benchProfileLoad(dataDir: string, log: Log): Promise<BenchResult[]> {
  const { local, others } = await profileUrns(dataDir);
  dropResponseBodies();
  const server = await startServeProcess(dataDir);
  const memory = serverMemory(server.pid);
  try {
    log(`schools: server warmed up in ${server.warmUpMs} ms, RSS ${memory.currentMb()} MB`);
    const sampling = memory.sample();
    const cold = await loadProfiles(server.url, others);
    const makeMs = await viewEach(server.url, local);
    const size = await pageBytes(new URL(`school/${local[0]}`, server.url));
    const warm = await loadProfiles(server.url, local);
    const rssMb = sampling.stop();
    for (const [what, f] of [
      ['first views', cold],
      ['viewed before', warm],
    ] as const)
      log(
        `schools: profiles, ${what}: ${Math.round(f.requestsPerSecond)} req/s, p50 ${round(f.p50)} ms, p95 ${round(f.p95)} ms, p99 ${round(f.p99)} ms, ${f.errors + f.non2xx} errors`,
      );
    log(`schools: one profile made alone: ${round(makeMs)} ms; RSS up to ${rssMb} MB`);
    const distinct = Math.min(cold.requests, others.length);
    return [
      loadResult(
        `/school/:urn, each request a school not viewed before (${distinct} of ${others.length}; one made alone takes ${round(makeMs)} ms)`,
        'gzip',
        cold,
        size,
        rssMb,
      ),
      loadResult(
        `/school/:urn, going round Hampshire's and Surrey's ${local.length} schools, each viewed once before`,
        'gzip',
        warm,
        size,
        rssMb,
      ),
      rssResult(memory.peakMb()),
    ];
  } finally {
    await server.close();
  }
}
