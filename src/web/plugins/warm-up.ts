import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { cacheableType } from './page-cache.js';

/**
 * Pages made before anyone asks: when the server starts and whenever the data version changes
 * (an import, seen within `intervalMs`), the configured paths, the most viewed pages and API
 * answers since start-up, then `more()` (app.ts: every LA's scorecard) are requested from the
 * app itself, at most `concurrency` at a time, so the page cache holds them and the first
 * visitors after an import do not wait for them: 20 people opening 20 LAs' scorecards at once
 * waited up to 4.4 s on the LAIT data, each scorecard costing ~0.15 s to make. Bounded: at most
 * `paths` + `top` + `more()` requests per version, view counts for at most `maxTracked` paths.
 */
export interface WarmUpOptions {
  version: () => Promise<number>;
  /** Always warmed, first (LANTERN_WARM_PATHS), e.g. ['/la/933']. */
  paths?: string[];
  /** How many of the most viewed paths to warm as well (default 8). */
  top?: number;
  /** Warmed last, e.g. every LA's scorecard (listed again for each data version). */
  more?: () => Promise<string[]>;
  /** How often the data version is read, ms (default 5000; 0: only at start-up). */
  intervalMs?: number;
  /** Requests made at once (default 1: the app and its embedded database share one thread). */
  concurrency?: number;
  /** Paths whose views are counted at most (default 500). */
  maxTracked?: number;
  /** After each warmed path (tests, logs). */
  onWarmed?: (path: string, statusCode: number, ms: number) => void;
  /** After each whole run, with the number of paths requested (tests, logs). */
  onDone?: (version: number, paths: number, ms: number) => void;
}

/** The header that marks the warm-up's own requests (not counted as views). */
export const warmUpHeader = 'x-lantern-warm-up';

/** View counts of at most `max` paths; when full, a new path replaces the least viewed. */
export function viewCounter(max: number) {
  const counts = new Map<string, number>();
  return {
    count(path: string): void {
      if (!counts.has(path) && counts.size >= max) {
        let least: string | undefined;
        for (const [p, n] of counts) if (least === undefined || n < counts.get(least)!) least = p;
        counts.delete(least!);
      }
      counts.set(path, (counts.get(path) ?? 0) + 1);
    },
    /** The `n` most viewed paths, most viewed first. */
    top(n: number): string[] {
      return [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([p]) => p);
    },
  };
}

/**
 * Requests `paths` from the app, `concurrency` at a time, while `current()` holds (the app is
 * not closing, the data has not changed again); a failure is reported, not thrown.
 */
async function warm(
  app: FastifyInstance,
  paths: string[],
  options: Pick<WarmUpOptions, 'onWarmed'> & {
    concurrency: number;
    current: () => Promise<boolean>;
  },
): Promise<void> {
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      // Back to the event loop between pages: the database answers without waiting for I/O, so
      // an unbroken chain of pages would hold off every visitor until the last one is made.
      await new Promise((resolve) => setImmediate(resolve));
      if (!(await options.current())) return;
      const started = performance.now();
      // As a browser asks (gzip), so the page cache keeps the page compressed only.
      const headers = { [warmUpHeader]: '1', 'accept-encoding': 'gzip' };
      const res = await app.inject({ method: 'GET', url: path, headers }).catch((err: unknown) => {
        app.log.warn({ err, path }, 'warm-up: could not make the page');
        return { statusCode: 0 };
      });
      options.onWarmed?.(path, res.statusCode, performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
}

/** The configured paths, the most viewed, then `more()` (a failure to list them is logged). */
async function pathsToWarm(
  app: FastifyInstance,
  options: WarmUpOptions,
  views: ReturnType<typeof viewCounter>,
): Promise<string[]> {
  const more = options.more
    ? await options.more().catch((err: unknown) => {
        app.log.warn({ err }, 'warm-up: could not list the pages to make');
        return [];
      })
    : [];
  return [...new Set([...(options.paths ?? []), ...views.top(options.top ?? 8), ...more])];
}

export const warmUp = fp<WarmUpOptions>(
  async (app, options) => {
    const views = viewCounter(options.maxTracked ?? 500);
    let seen: number | undefined;
    let running: Promise<void> | undefined;
    let timer: NodeJS.Timeout | undefined;
    let closed = false;

    app.addHook('onResponse', async (request, reply) => {
      // Counted by what it means (its page-cache key, set on every cacheable GET), so `?utm=…`
      // copies count as one page; pages and API answers, not downloads (made from the same data).
      const key = request.lanternCacheKey;
      if (request.headers[warmUpHeader] || key === undefined || reply.statusCode !== 200) return;
      if (cacheableType.test(String(reply.getHeader('content-type') ?? ''))) views.count(key);
    });

    /** Warms again when the version differs from the one last warmed (one run at a time). */
    const check = async () => {
      if (running || closed) return;
      const version = await options.version().catch((err: unknown) => {
        app.log.warn({ err }, 'warm-up: could not read the data version');
        return seen;
      });
      // The app may have started closing (and its database with it) while the version was read.
      if (closed || running || version === undefined || version === seen) return;
      seen = version;
      const started = performance.now();
      // Stops early when the app closes or newer data arrives (the next check warms for that).
      const current = async () =>
        !closed && (await options.version().catch(() => version)) === version;
      running = pathsToWarm(app, options, views).then(async (list) => {
        const concurrency = options.concurrency ?? 1;
        await warm(app, list, { onWarmed: options.onWarmed, concurrency, current });
        if (await current()) options.onDone?.(version, list.length, performance.now() - started);
      });
      try {
        await running;
      } finally {
        running = undefined;
      }
    };

    app.addHook('onReady', async () => {
      void check();
      const every = options.intervalMs ?? 5000;
      if (every > 0) timer = setInterval(() => void check(), every).unref();
    });
    app.addHook('onClose', async () => {
      closed = true;
      clearInterval(timer);
      await running;
    });
  },
  { name: 'lantern-warm-up' },
);
