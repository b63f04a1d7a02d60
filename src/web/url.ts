import type { FastifyRequest } from 'fastify';
/**
 * The one rule for a page's own URL: the view's choices stay, the download parameters
 * (download, table) and one-off actions go. Used for download links, "recently viewed", the
 * JSON links and bad-choice options.
 */
const transient = ['download', 'table'];

/** `currentUrl` with some query parameters set (undefined removes one) and the download ones dropped. */
export function withQuery(currentUrl: string, changes: Record<string, string | undefined>): string {
  const url = new URL(currentUrl, 'http://lantern.local');
  for (const k of transient) url.searchParams.delete(k);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  return `${url.pathname}${url.search}`;
}

/** The path without its query: "/la/933/measure/X?year=2025" → "/la/933/measure/X". */
export function pathOf(url: string): string {
  return url.split('?')[0]!;
}

/**
 * A request's URL as Lantern reads it, after its route schema (route-schemas.ts): the route's
 * path with each parameter re-encoded, then only the declared query parameters, in the order the
 * schema declares them. Two addresses that mean the same page give the same URL (`?utm=x` and
 * `%39%33%33` change nothing), so it is the page cache's key and the base of every link a page
 * makes to itself. A request no route matched keeps the URL it came with.
 */
export function canonicalUrl(request: FastifyRequest): string {
  const { url: pattern, schema } = request.routeOptions;
  const declared = (schema?.querystring as { properties?: object } | undefined)?.properties;
  if (pattern === undefined || declared === undefined) return request.url;
  const params = (request.params ?? {}) as Record<string, unknown>;
  const path = pattern.replace(/:(\w+)/g, (_m, name: string) =>
    encodeURIComponent(String(params[name] ?? '')),
  );
  const given = (request.query ?? {}) as Record<string, unknown>;
  const query = new URLSearchParams();
  for (const name of Object.keys(declared))
    for (const value of [given[name]].flat())
      if (value !== undefined) query.append(name, String(value));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
