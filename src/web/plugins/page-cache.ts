import { gzipSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { canonicalUrl } from '../url.js';

/**
 * Whole responses cached per URL and data version: HTML pages, and the JSON API's data
 * answers. Lantern's pages and API answers depend only on their URL and the data (no per-user
 * content except the home page's "recently viewed", which is not cached), so a response made
 * once can be sent again until the next import, as stored bytes: no rendering, no JSON
 * serialising (a whole scorecard is 1.1 MB of JSON), no compressing. This is what keeps the
 * scorecard, all-LAs and API answers fast under load (docs/performance.md). Scripts are allowed
 * by the CSP through a hash, not a per-response nonce, so cached pages stay valid.
 */
export const cacheablePath =
  /^\/(la|measure|region|compare|methods|about|api\/v1\/(la|measures|region|compare))(\/|\?|$)/;
export const cacheableType = /^(text\/html|application\/json)/;

export interface PageCacheOptions {
  version: () => Promise<number>;
  /** Bytes kept at most, plain and gzipped (least recently used go first). */
  maxBytes?: number;
}

interface Entry {
  version: number;
  type: string;
  body: Buffer;
  /** The page's title, for hooks that need it without reading the HTML (recently viewed). */
  title: string | undefined;
  /** Compressed once when cached: the full scorecard is ~380 KB of HTML and ~35 KB gzipped. */
  gzip: Buffer;
}

declare module 'fastify' {
  interface FastifyRequest {
    lanternPageVersion?: number;
    /** The page's cache key: its canonical URL (url.ts), read after the route's schema. */
    lanternCacheKey?: string;
    /** The title of the page being sent (set by Page.render, or from the cache). */
    lanternPageTitle?: string;
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

/** A map of entries holding at most `maxBytes`, least recently used dropped first. */
function entryStore(maxBytes: number) {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const size = (e: Entry) => e.body.length + e.gzip.length;
  const drop = (key: string) => {
    const old = entries.get(key);
    if (!old) return;
    bytes -= size(old);
    entries.delete(key);
  };
  return {
    get(key: string, version: number): Entry | undefined {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (hit.version !== version) {
        drop(key); // made from older data: its bytes are freed now, not when evicted
        return undefined;
      }
      // Most recently used last, so the oldest go first when the store is full.
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    },
    set(key: string, entry: Entry): void {
      drop(key);
      entries.set(key, entry);
      bytes += size(entry);
      for (const k of entries.keys()) {
        if (bytes <= maxBytes) break;
        drop(k);
      }
    },
  };
}

export const pageCache = fp<PageCacheOptions>(
  async (app, options) => {
    const store = entryStore(options.maxBytes ?? 256 * 1024 * 1024);
    const cacheable = (request: FastifyRequest) =>
      request.method === 'GET' && cacheablePath.test(request.url);

    // Looked up once the route's schema has checked and trimmed the parameters (a refused
    // request never reaches the cache), keyed by what they mean: `?utm=x` is the same page.
    app.addHook('preHandler', async (request, reply) => {
      if (!cacheable(request)) return;
      const version = await options.version();
      const key = canonicalUrl(request);
      request.lanternPageVersion = version;
      request.lanternCacheKey = key;
      const hit = store.get(key, version);
      if (!hit) return;
      if (hit.title !== undefined) request.lanternPageTitle = hit.title;
      reply
        .code(200)
        .type(hit.type)
        .header('x-lantern-cache', 'hit')
        .header('vary', 'Accept-Encoding');
      if (acceptsGzip(request.headers['accept-encoding'])) {
        return reply.header('content-encoding', 'gzip').send(hit.gzip);
      }
      return reply.send(hit.body);
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const version = request.lanternPageVersion;
      const key = request.lanternCacheKey;
      if (version === undefined || key === undefined) return payload;
      if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      if (reply.getHeader('x-lantern-cache') === 'hit') return payload;
      const type = String(reply.getHeader('content-type') ?? '');
      if (!cacheableType.test(type)) return payload;
      const body = Buffer.from(payload);
      store.set(key, {
        version,
        type,
        body,
        title: request.lanternPageTitle,
        gzip: gzipSync(body),
      });
      reply.header('vary', 'Accept-Encoding');
      return payload;
    });
  },
  { name: 'lantern-page-cache' },
);
