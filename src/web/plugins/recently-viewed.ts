/**
 * "Recently viewed": after a successful GET of an HTML page of the published statistics under
 * /la/, /measure/, /region/ or /compare (never a strategy's page), the page's path and title go into a first-party cookie (`lantern_recent`, the last
 * 8 that fit in 1,000 bytes, HttpOnly, SameSite=Lax) that the home page lists. Nothing is stored
 * on the server and nothing is sent anywhere else; the about page says so.
 *
 * Browsers drop a cookie over 4 KB, and every request carries it: five long /compare URLs as
 * URL-encoded JSON came to 4 KB. So the value is compact (`path~title|path~title`, each part
 * percent-encoded only where a cookie needs it), a path over 600 bytes is not stored (a cut
 * link would be broken), titles are cut to 60 characters, and the oldest items that do not fit
 * in `maxCookieBytes` are dropped.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { pathOf, withQuery } from '../url.js';

export const recentCookie = 'lantern_recent';
/** The cookie's name and value at most, bytes. */
export const maxCookieBytes = 1000;
const maxItems = 8;
const maxPathBytes = 600;
const maxTitle = 60;
const trackedPath = /^\/(la\/|measure\/|region\/|compare(\?|$))/;

/**
 * A path this plugin may keep or list: a tracked page, short enough, and unchanged when a browser
 * reads it (so no dot segment, "%2e%2e", backslash or control character can lead elsewhere).
 */
function isTrackable(path: string): boolean {
  if (!trackedPath.test(path) || encodePart(path).length > maxPathBytes) return false;
  if (/[\u0000-\u001F\u007F-\u009F\\]/.test(path)) return false;
  try {
    const url = new URL(path, 'http://lantern.invalid');
    return url.pathname + url.search === path;
  } catch {
    return false;
  }
}
const oneYear = 60 * 60 * 24 * 365;

export interface RecentItem {
  path: string;
  title: string;
}

/** Percent-encodes what a cookie value cannot hold, and the separators `~`, `|` and `%`. */
function encodePart(text: string): string {
  return text.replace(/[^A-Za-z0-9!#$&'()*+\-./:<=>?@[\]^_`{}]/gu, (c) =>
    [...Buffer.from(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

function decodeItem(part: string): RecentItem | undefined {
  const [path, title, ...rest] = part.split('~');
  if (path === undefined || title === undefined || rest.length > 0) return undefined;
  try {
    return { path: decodeURIComponent(path), title: decodeURIComponent(title) };
  } catch {
    return undefined;
  }
}

/** The cookie's items, keeping only well-formed ones (it comes from the browser: trust nothing). */
export function readRecent(cookieHeader: string | undefined): RecentItem[] {
  const raw = cookieHeader
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${recentCookie}=`))
    ?.slice(recentCookie.length + 1);
  if (!raw) return [];
  return raw
    .split('|')
    .map(decodeItem)
    .filter((x): x is RecentItem => x !== undefined && isTrackable(x.path))
    .map((x) => ({ path: x.path, title: x.title.slice(0, maxTitle) }))
    .slice(0, maxItems);
}

/** The cookie's value: the newest items first, as many as fit in `maxCookieBytes`. */
export function recentCookieValue(items: RecentItem[]): string {
  let value = '';
  for (const item of items.slice(0, maxItems)) {
    const part = `${encodePart(item.path)}~${encodePart(item.title.slice(0, maxTitle))}`;
    const next = value ? `${value}|${part}` : part;
    if (recentCookie.length + 1 + next.length > maxCookieBytes) break;
    value = next;
  }
  return value;
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
  // The published statistics only: a strategy's or an account's page names what a shared
  // computer's next user must not see on the home page after the last one signed out.
  const access = (request.routeOptions.config as { access?: { permission?: string } }).access;
  if (access?.permission !== 'open-statistics') return undefined;
  if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return undefined;
  const path = withQuery(request.url, {});
  return isTrackable(path) ? path : undefined;
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
        `${recentCookie}=${recentCookieValue(items)}; Path=/; Max-Age=${oneYear}; HttpOnly; SameSite=Lax`,
      );
      return payload;
    });
  },
  { name: 'lantern-recently-viewed' },
);
