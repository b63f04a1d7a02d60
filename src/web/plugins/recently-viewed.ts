/**
 * "Recently viewed": after a successful GET of an HTML page under /la/, /measure/, /region/ or
 * /compare, the page's path and title go into a first-party cookie (`lantern_recent`, the last
 * 8, HttpOnly, SameSite=Lax) that the home page lists. Nothing is stored on the server and
 * nothing is sent anywhere else; the about page says so.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { pathOf, withQuery } from '../url.js';

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

/** The page's title as the page named it; else a label made from the path. */
export function recentTitle(title: string | undefined, path: string): string {
  const fallback = pathOf(path).split('/').filter(Boolean).join(' › ');
  return (title?.replace(/\s+/g, ' ').trim() || fallback).slice(0, maxTitle);
}

/** Adds `item` first, without duplicates, keeping the newest `maxItems`. */
export function addRecent(items: RecentItem[], item: RecentItem): RecentItem[] {
  return [item, ...items.filter((x) => x.path !== item.path)].slice(0, maxItems);
}

function trackable(request: FastifyRequest, reply: FastifyReply): string | undefined {
  if (request.method !== 'GET' || reply.statusCode !== 200) return undefined;
  if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return undefined;
  const path = withQuery(request.url, {});
  return trackedPath.test(path) && path.length <= maxPath ? path : undefined;
}

/** Sets the cookie on each tracked page; the title comes from Page.render or the page cache. */
export const recentlyViewed = fp(
  async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      const path = trackable(request, reply);
      if (!path) return payload;
      const items = addRecent(readRecent(request.headers.cookie), {
        path,
        title: recentTitle(request.lanternPageTitle, path),
      });
      reply.header(
        'set-cookie',
        `${recentCookie}=${encodeURIComponent(JSON.stringify(items))}; Path=/; Max-Age=${oneYear}; HttpOnly; SameSite=Lax`,
      );
      return payload;
    });
  },
  { name: 'lantern-recently-viewed' },
);
