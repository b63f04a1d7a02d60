/**
 * The web app on the demo data in a process of its own, for test/web/memory.web.test.ts: run
 * with `node --expose-gc --import tsx` (and LANTERN_CACHE_MB, if set), it listens on a free
 * port, sends `{ url }` to its parent, and answers each `'measure'` message with its memory
 * after a full garbage collection.
 */
import { loadDemo } from '../../src/demo/demo.service.js';
import { buildApp } from '../../src/web/app.js';
import { freshPglite } from './db.js';

export interface MemoryReading {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send) throw new Error('run with --expose-gc as a child process');

const db = await freshPglite();
await loadDemo(db);
const app = await buildApp({
  db,
  config: {
    organisationName: 'Lantern',
    production: true,
    ...(process.env.LANTERN_CACHE_MB ? { cacheMb: Number(process.env.LANTERN_CACHE_MB) } : {}),
  },
  warm: { everyScorecard: false, intervalMs: 0 },
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

process.on('message', async (message) => {
  if (message === 'measure') {
    // Answers finished, timers and immediates run, then everything unreachable collected.
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc();
    gc();
    const m = process.memoryUsage();
    const reading: MemoryReading = {
      heapUsed: m.heapUsed,
      external: m.external,
      arrayBuffers: m.arrayBuffers,
      rss: m.rss,
    };
    process.send!(reading);
  } else if (message === 'stop') {
    await app.close();
    await db.close();
    process.disconnect();
  }
});
process.send({ url: `http://127.0.0.1:${port}` });
