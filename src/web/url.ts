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
