import { gzipSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Whole HTML pages cached per URL and data version. Lantern's pages depend only on their URL
 * and the data (no per-user content except the home page's "recently viewed", which is not
 * cached), so a page rendered once can be sent again until the next import. This is what keeps
 * the scorecard and all-LAs pages fast under load (docs/performance.md). Scripts are allowed by
 * the CSP through a hash, not a per-response nonce, so cached pages stay valid.
 */
const cacheablePath = /^\/(la|measure|region|compare|methods|about)(\/|\?|$)/;

export interface PageCacheOptions {
  version: () => Promise<number>;
  /** Bytes of HTML kept at most (oldest pages are dropped first). */
  maxBytes?: number;
}

interface Entry {
  version: number;
  body: string;
  /** The page's title, for hooks that need it without reading the HTML (recently viewed). */
  title: string | undefined;
  /** Compressed once when cached: a full scorecard is ~880 KB of HTML and ~60 KB gzipped. */
  gzip: Buffer;
}

declare module 'fastify' {
  interface FastifyRequest {
    lanternPageVersion?: number;
    /** The title of the page being sent (set by Page.render, or from the cache). */
    lanternPageTitle?: string;
  }
}

const acceptsGzip = (header: string | string[] | undefined) =>
  /\bgzip\b/.test(String(header ?? ''));

export const pageCache = fp<PageCacheOptions>(
  async (app, options) => {
    const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    const entries = new Map<string, Entry>();
    let bytes = 0;

    const remember = (key: string, entry: Entry) => {
      const old = entries.get(key);
      if (old) {
        bytes -= old.body.length + old.gzip.length;
        entries.delete(key);
      }
      entries.set(key, entry);
      bytes += entry.body.length + entry.gzip.length;
      for (const [k, e] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(k);
        bytes -= e.body.length + e.gzip.length;
      }
    };

    const cacheable = (request: FastifyRequest) =>
      request.method === 'GET' && cacheablePath.test(request.url);

    app.addHook('onRequest', async (request, reply) => {
      if (!cacheable(request)) return;
      const version = await options.version();
      request.lanternPageVersion = version;
      const hit = entries.get(request.url);
      if (hit && hit.version === version) {
        // Most recently used last, so the oldest go first when the cache is full.
        entries.delete(request.url);
        entries.set(request.url, hit);
        if (hit.title !== undefined) request.lanternPageTitle = hit.title;
        reply
          .code(200)
          .type('text/html; charset=utf-8')
          .header('x-lantern-cache', 'hit')
          .header('vary', 'Accept-Encoding');
        if (acceptsGzip(request.headers['accept-encoding'])) {
          return reply.header('content-encoding', 'gzip').send(hit.gzip);
        }
        return reply.send(hit.body);
      }
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const version = request.lanternPageVersion;
      if (version === undefined || reply.statusCode !== 200 || typeof payload !== 'string')
        return payload;
      if (reply.getHeader('x-lantern-cache') === 'hit') return payload;
      if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
      remember(request.url, {
        version,
        body: payload,
        title: request.lanternPageTitle,
        gzip: gzipSync(payload),
      });
      reply.header('vary', 'Accept-Encoding');
      return payload;
    });
  },
  { name: 'lantern-page-cache' },
);
