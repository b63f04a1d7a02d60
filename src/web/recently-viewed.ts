/**
 * "Recently viewed": after a successful GET of an HTML page under /la/, /measure/, /region/ or
 * /compare, the page's path and title go into a first-party cookie (`lantern_recent`, the last
 * 8, HttpOnly, SameSite=Lax) that the home page lists. Nothing is stored on the server and
 * nothing is sent anywhere else; the about page says so.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

export const recentCookie = 'lantern_recent';
const maxItems = 8;
const maxPath = 400;
const maxTitle = 120;
const trackedPath = /^\/(la\/|measure\/|region\/|compare(\?|$))/;
const oneYear = 60 * 60 * 24 * 365;

export interface RecentItem {
  path: string;
  title: string;
}

/** The cookie's items, keeping only well-formed ones (it comes from the browser: trust nothing). */
export function readRecent(cookieHeader: string | undefined): RecentItem[] {
  const raw = cookieHeader
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${recentCookie}=`))
    ?.slice(recentCookie.length + 1);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(raw));
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter(
        (x): x is RecentItem =>
          typeof x === 'object' &&
          x !== null &&
          typeof (x as RecentItem).path === 'string' &&
          typeof (x as RecentItem).title === 'string' &&
          trackedPath.test((x as RecentItem).path) &&
          (x as RecentItem).path.length <= maxPath,
      )
      .map((x) => ({ path: x.path, title: x.title.slice(0, maxTitle) }))
      .slice(0, maxItems);
  } catch {
    return [];
  }
}

/** The page's own title, without " – Lantern"; else a label made from the path. */
export function pageTitle(html: string, path: string): string {
  const m = /<title[^>]*>([^<]{1,300})<\/title>/.exec(html.slice(0, 4000));
  const title = m?.[1]
    ?.replace(/\s+/g, ' ')
    .replace(/\s*[–-]\s*Lantern\s*$/, '')
    .trim();
  const decoded = title
    ?.replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  return (decoded || path.split('?')[0]!.split('/').filter(Boolean).join(' › ')).slice(0, maxTitle);
}

/** Adds `item` first, without duplicates, keeping the newest `maxItems`. */
export function addRecent(items: RecentItem[], item: RecentItem): RecentItem[] {
  return [item, ...items.filter((x) => x.path !== item.path)].slice(0, maxItems);
}

function trackable(request: FastifyRequest, reply: FastifyReply): string | undefined {
  if (request.method !== 'GET' || reply.statusCode !== 200) return undefined;
  if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return undefined;
  const url = new URL(request.url, 'http://lantern.local');
  url.searchParams.delete('download');
  url.searchParams.delete('table');
  const path = `${url.pathname}${url.search}`;
  return trackedPath.test(path) && path.length <= maxPath ? path : undefined;
}

const plugin: FastifyPluginAsync = async (app) => {
  app.addHook('onSend', async (request, reply, payload) => {
    const path = trackable(request, reply);
    // A page from the page cache may go out compressed: its HTML is on the request.
    const html = typeof payload === 'string' ? payload : request.lanternPageHtml;
    if (!path || html === undefined) return payload;
    const items = addRecent(readRecent(request.headers.cookie), {
      path,
      title: pageTitle(html, path),
    });
    reply.header(
      'set-cookie',
      `${recentCookie}=${encodeURIComponent(JSON.stringify(items))}; Path=/; Max-Age=${oneYear}; HttpOnly; SameSite=Lax`,
    );
    return payload;
  });
};

// Applies to the whole app, not only routes registered inside it (what fastify-plugin does).
(plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export const recentlyViewed = plugin;
