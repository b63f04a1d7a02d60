import type { NotFound } from '../../core/errors.js';
import { pathOf, withQuery } from '../url.js';

export interface SuggestionLink {
  code: string;
  name: string;
  href: string;
}

/**
 * Links to the same kind of page for each "did you mean" suggestion: the path segment that
 * was not found gives way to the suggested code ("/la/933/measure/KS2RWM_Expected_ST" →
 * "/la/933/measure/KS2RWM_Expected_STD", "/api/v1/la/999/scorecard" → "/api/v1/la/933/scorecard").
 * An LA comes before a measure in every path, so an LA is looked for from the start and a
 * measure from the end; else the query parameter that held it. Without either: the LA's
 * scorecard or the measure's page.
 */
export function suggestionLinks(url: string, notFound: NotFound): SuggestionLink[] {
  const segments = pathOf(url).split('/');
  const matches = segments.map((s, i) => (safeDecode(s) === notFound.given ? i : -1));
  const found = matches.filter((i) => i >= 0);
  const at = notFound.kind === 'la' ? found[0] : found.at(-1);
  // Or a query parameter held it ("/measure/X?la=Somerst" → "/measure/X?la=933").
  const query = new URL(url, 'http://lantern.local').searchParams;
  const parameter = [...query.keys()].find((k) => query.get(k) === notFound.given);
  return notFound.suggestions.map((s) => {
    const code = encodeURIComponent(s.code);
    let href = notFound.kind === 'la' ? `/la/${code}` : `/measure/${code}`;
    if (at !== undefined) href = segments.map((seg, i) => (i === at ? code : seg)).join('/');
    else if (parameter) href = withQuery(url, { [parameter]: s.code });
    return { ...s, href };
  });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
