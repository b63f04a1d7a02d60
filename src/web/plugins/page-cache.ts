import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import { cacheBudget } from '../../core/config.js';
import { canonicalUrl } from '../url.js';

/**
 * Whole responses cached per URL and data version: HTML pages, the JSON API's data answers and
 * the tables' CSV and XLSX downloads (an XLSX of a scorecard takes ~0.1 s of the one thread), of
 * the routes that say they are the same for everyone (`publicAnswer`, in `openStatistics`). A route must ask:
 * a page that differs by person or role (sign-in, restricted data) is never kept by default. Lantern's pages and API answers depend only on their URL and the data (no per-user
 * content except the home page's "recently viewed", which is not cached), so a response made
 * once can be sent again until the next import, as stored bytes: no rendering, no JSON
 * serialising (a whole scorecard is 1.1 MB of JSON), no compressing. This is what keeps the
 * scorecard, all-LAs and API answers fast under load (docs/performance.md). Scripts are allowed
 * by the CSP through a hash, not a per-response nonce, so cached pages stay valid.
 */
/**
 * The route config of an answer the same for everyone who may ask (its URL and the data decide
 * it): the page cache keeps it. Pages about one person or visible to some roles must not say so.
 */
export const publicAnswer = { pageCache: 'public' } as const;
export const cacheableType = /^(text\/html|application\/json)/;
/** Downloads (tables/download.ts), cached with their file name. */
const downloadType = /^(text\/csv|application\/vnd\.openxmlformats)/;
/** XLSX is a zip already: kept and sent as it is. */
const compressedType = /^application\/vnd\.openxmlformats/;

/** The default bound of the pages kept, bytes (LANTERN_CACHE_MB's share: core/config.ts). */
export const defaultPageCacheBytes = cacheBudget().pageBytes;

export interface PageCacheOptions {
  version: () => Promise<number>;
  /** Bytes kept at most, plain and gzipped (least recently used go first). */
  maxBytes?: number;
}

interface Entry {
  version: number;
  type: string;
  /**
   * The answer as made: kept when it has no gzip (XLSX), or once a client that refuses gzip has
   * asked for it. Browsers all take gzip, so most pages are kept compressed only: a school
   * profile is ~36 KB of HTML and ~4 KB gzipped, and 11,500 of them must not fill the budget.
   */
  body: Buffer | undefined;
  /** The page's title, for hooks that need it without reading the HTML (recently viewed). */
  title: string | undefined;
  /** Compressed once when cached (the full scorecard is ~197 KB of HTML, ~24 KB gzipped); none for XLSX. */
  gzip: Buffer | undefined;
  /** A download's Content-Disposition (its file name). */
  disposition: string | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'public': the page cache may keep the answer and send it to anyone (publicAnswer). */
    pageCache?: 'public';
  }
  interface FastifyInstance {
    /** Bytes the page cache holds (logs). */
    lanternPageCacheBytes: () => number;
  }
  interface FastifyRequest {
    lanternPageVersion?: number;
    /** The page's cache key: its canonical URL (url.ts), read after the route's schema. */
    lanternCacheKey?: string;
    /** The title of the page being sent (set by Page.render, or from the cache). */
    lanternPageTitle?: string;
    /** Set on the first request for a page not cached: tells the ones waiting for it. */
    lanternPageMade?: () => void;
  }
}

/** Whether Accept-Encoding allows gzip ("gzip;q=0" refuses it). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const gzip = String(header ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .find(([name]) => name?.trim().toLowerCase() === 'gzip' || name?.trim() === '*');
  if (!gzip) return false;
  const q = gzip.slice(1).find((p) => p.trim().startsWith('q='));
  return q === undefined || Number(q.trim().slice(2)) > 0;
}

/** Pages of one data version, at most `maxBytes` (body, gzip and key), least recently used out. */
function pageStore(maxBytes: number) {
  let current: number | undefined;
  const pages = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: (e, key) =>
      (e.body?.length ?? 0) + (e.gzip?.length ?? 0) + 2 * key.length + 200,
  });
  return {
    get(key: string, version: number): Entry | undefined {
      if (version !== current) {
        pages.clear(); // made from older data: their bytes are freed now, not when evicted
        current = version;
      }
      return pages.get(key);
    },
    set(key: string, entry: Entry): void {
      // A page made while an import landed is not kept for the newer data.
      if (entry.version === current) pages.set(key, entry);
    },
    bytes: () => pages.calculatedSize,
  };
}

/**
 * One page made at a time per key: concurrent first requests for a page (a crowd after an
 * import, or a visitor during warm-up) wait for the first one's answer and get it from the store.
 */
function firstRequests() {
  const making = new Map<string, Promise<void>>();
  return {
    /** The first request's promise when one is making `key`; else `request` becomes the first. */
    join(request: FastifyRequest, key: string): Promise<void> | undefined {
      const first = making.get(key);
      if (first) return first;
      let made!: () => void;
      const mine = new Promise<void>((resolve) => (made = resolve));
      making.set(key, mine);
      request.lanternPageMade = () => {
        if (making.get(key) === mine) making.delete(key);
        made();
      };
      return undefined;
    },
  };
}

/** The onSend hook that keeps a first answer (200, a page, API answer or download) in `store`. */
function keepAnswer(store: ReturnType<typeof pageStore>) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const version = request.lanternPageVersion;
    const key = request.lanternCacheKey;
    if (version === undefined || key === undefined) return payload;
    if (reply.statusCode !== 200 || reply.getHeader('x-lantern-cache') === 'hit') return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!cacheableType.test(type) && !downloadType.test(type)) return payload;
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    // Copied: gzipSync's answer is a view of zlib's 16 KB-or-larger output chunk, so a 4 KB page
    // kept as it is held ~24 KB (72 MB for 3,000 school profiles counted as 10 MB).
    const gzip = compressedType.test(type) ? undefined : Buffer.from(gzipSync(body));
    const sendsGzip = gzip !== undefined && acceptsGzip(request.headers['accept-encoding']);
    const disposition = reply.getHeader('content-disposition');
    store.set(key, {
      version,
      type,
      body: sendsGzip ? undefined : body,
      title: request.lanternPageTitle,
      gzip,
      disposition: typeof disposition === 'string' ? disposition : undefined,
    });
    reply.header('vary', 'Accept-Encoding');
    // Compressed once here, so @fastify/compress (app.ts) leaves it alone.
    if (sendsGzip) {
      reply.header('content-encoding', 'gzip');
      return gzip;
    }
    return payload;
  };
}

/** A page kept compressed only, asked for by a client that refuses gzip: kept plain from now on. */
function plainBody(store: ReturnType<typeof pageStore>, key: string, hit: Entry): Buffer {
  const body = gunzipSync(hit.gzip!);
  store.set(key, { ...hit, body });
  return body;
}

export const pageCache = fp<PageCacheOptions>(
  async (app, options) => {
    const store = pageStore(options.maxBytes ?? defaultPageCacheBytes);
    const first = firstRequests();
    app.decorate('lanternPageCacheBytes', store.bytes);
    const cacheable = (request: FastifyRequest) =>
      request.method === 'GET' && request.routeOptions.config?.pageCache === 'public';

    // Looked up once the route's schema has checked and trimmed the parameters (a refused
    // request never reaches the cache), keyed by what they mean: `?utm=x` is the same page.
    app.addHook('preHandler', async (request, reply) => {
      // Run again for the same request by reply.callNotFound() (a path naming nothing, an
      // unknown download table): it is the one making its page, so it must not wait for itself.
      if (!cacheable(request) || request.lanternCacheKey !== undefined) return;
      const version = await options.version();
      const key = canonicalUrl(request);
      request.lanternPageVersion = version;
      request.lanternCacheKey = key;
      let hit = store.get(key, version);
      if (!hit) {
        const making = first.join(request, key);
        if (!making) return;
        await making;
        hit = store.get(key, version);
        if (!hit) return; // the first answer was not kept (an error, a download): make it here
      }
      if (hit.title !== undefined) request.lanternPageTitle = hit.title;
      reply
        .code(200)
        .type(hit.type)
        .header('x-lantern-cache', 'hit')
        .header('vary', 'Accept-Encoding');
      if (hit.disposition) reply.header('content-disposition', hit.disposition);
      if (hit.gzip && acceptsGzip(request.headers['accept-encoding'])) {
        return reply.header('content-encoding', 'gzip').send(hit.gzip);
      }
      return reply.send(hit.body ?? plainBody(store, key, hit));
    });
    app.addHook('onSend', keepAnswer(store));
    // However the first request ends (answered, failed, client gone), the waiting ones go on.
    const made = async (request: FastifyRequest) => request.lanternPageMade?.();
    app.addHook('onResponse', made);
    app.addHook('onRequestAbort', made);
  },
  { name: 'lantern-page-cache' },
);
