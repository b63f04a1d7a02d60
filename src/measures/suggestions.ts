/**
 * "Did you mean": the nearest LAs or measures to a code or name that matched nothing, from the
 * home page's search index (typo-tolerant names and words), plus codes one keystroke away
 * ("93" → 931, 933…; "E06000067" → E06000066). Pure, except `notFoundError`, which reads the
 * catalogue from the database when something was not found (once per import: see `catalogue`).
 */
import type { Queryable } from '../core/db.js';
import { lanternError, type LanternError, type NotFound } from '../core/errors.js';
import { createSearchIndex, type SearchIndex, type SearchLinks } from './search.js';
import type { Area } from './areas.js';
import type { Measure } from './measure.js';
import { listAreas } from './areas.repository.js';
import { listMeasures } from './measures.repository.js';

/** Suggestions carry codes; the web app makes the links for the page that was asked for. */
const noLinks: SearchLinks = { la: () => '', measure: () => '' };

export type Suggestion = NotFound['suggestions'][number];

const limit = 5;

/** The number of single-character insertions, deletions or substitutions from a to b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length]!;
}

const digits = (code: string) => Number(code.replace(/\D/g, ''));

/** LAs whose 3-digit or 9-character code is one keystroke from `given`: those it begins, then the closest. */
function nearCodes(las: Area[], given: string): Suggestion[] {
  const upper = given.toUpperCase();
  return las
    .map((a) => {
      const code = /^\d+$/.test(upper) ? String(a.code) : (a.gssCode ?? '');
      return { a, code, distance: editDistance(upper, code) };
    })
    .filter((c) => c.distance <= 1)
    .sort(
      (x, y) =>
        x.distance - y.distance ||
        Number(y.code.startsWith(upper)) - Number(x.code.startsWith(upper)) ||
        Math.abs(digits(x.code) - digits(upper)) - Math.abs(digits(y.code) - digits(upper)),
    )
    .map(({ a }) => ({ code: String(a.code), name: a.name }));
}

/** Up to 5 LAs near a code or name that matched none. */
export function suggestLas(index: SearchIndex, areas: Area[], given: string): Suggestion[] {
  const text = given.trim();
  if (/^(\d{1,4}|[EWSN]\d{7,9})$/i.test(text))
    return nearCodes(
      areas.filter((a) => a.kind === 'la'),
      text,
    ).slice(0, limit);
  return index
    .search(text, { limit })
    .las.map((hit) => ({ code: String(hit.code), name: hit.name }));
}

/** Typed as a code: one word of letters, digits and "_", with a "_", a digit or no lower case. */
function codeShaped(text: string): boolean {
  return /^\w+$/.test(text) && (/[_\d]/.test(text) || text === text.toUpperCase());
}

/**
 * Up to 5 measures near a code or words that matched none, from the search. For a code the
 * matches come nearest code first, and only codes within half their length of it (or holding
 * it) count: "KS2RWM_Expected_ST" gives "KS2RWM_Expected_STD" first, and "NOPE" nothing
 * rather than the measures with "non" in their names.
 */
export function suggestMeasures(
  index: SearchIndex,
  given: string,
  measures: Pick<Measure, 'code' | 'name'>[] = [],
): Suggestion[] {
  // "DEMO_KS2_RWM.csv" is the code with a download's ending.
  const text = given.trim().replace(/\.(csv|xlsx|json)$/i, '');
  let hits: Suggestion[] = index.measures(text, 50);
  if (codeShaped(text)) {
    const a = text.toLowerCase();
    // A code one or two keystrokes off ("DEMO_KS2_RWX") may share no word the search knows.
    const seen = new Set(hits.map((h) => h.code));
    const near = measures.filter((m) => {
      const b = m.code.toLowerCase();
      return !seen.has(m.code) && (a.includes(b) || b.includes(a) || editDistance(a, b) <= 2);
    });
    hits = [...hits, ...near]
      .map((hit, order) => ({ hit, order, b: hit.code.toLowerCase() }))
      .map((r) => ({ ...r, distance: editDistance(a, r.b) }))
      .filter((r) => r.b.includes(a) || a.includes(r.b) || r.distance <= r.b.length / 2)
      .sort((x, y) => x.distance - y.distance || x.order - y.order)
      .map((r) => r.hit);
  }
  return hits.slice(0, limit).map((hit) => ({ code: hit.code, name: hit.name }));
}

interface Catalogue {
  /** What the catalogue was read at: newest release, and how many areas and measures. */
  key: string;
  areas: Area[];
  measures: Measure[];
  index: SearchIndex;
}

/** Per database: a 404 reads one row to know the catalogue is unchanged, not the whole of it. */
const catalogues = new WeakMap<Queryable, Catalogue>();

/** The LAs, measures and search index, read and built again only when an import changed them. */
async function catalogue(db: Queryable): Promise<Catalogue> {
  const [row] = await db.query<{ release: number | null; areas: number; measures: number }>(
    `select (select max(id) from release) as release, (select count(*)::int from area) as areas,
       (select count(*)::int from measure) as measures`,
  );
  const key = JSON.stringify(row);
  const known = catalogues.get(db);
  if (known?.key === key) return known;
  const [areas, measures] = [await listAreas(db), await listMeasures(db)];
  const built = { key, areas, measures, index: createSearchIndex(areas, measures, noLinks) };
  catalogues.set(db, built);
  return built;
}

/** "Did you mean:" and one line per suggestion (code, then name); '' when there are none. */
export function didYouMean(suggestions: Suggestion[]): string {
  if (suggestions.length === 0) return '';
  const width = Math.max(...suggestions.map((s) => s.code.length));
  return ['Did you mean:', ...suggestions.map((s) => `  ${s.code.padEnd(width)}  ${s.name}`)].join(
    '\n',
  );
}

/**
 * LANTERN_AREA_NOT_FOUND or LANTERN_MEASURE_NOT_FOUND for `given`, its hint starting with the
 * nearest matches ("Did you mean: …") and `notFound` holding them for the web pages and API.
 */
export async function notFoundError(
  db: Queryable,
  kind: NotFound['kind'],
  given: string,
  message: string,
  hint: string,
): Promise<LanternError> {
  const { areas, measures, index } = await catalogue(db);
  const suggestions =
    kind === 'la' ? suggestLas(index, areas, given) : suggestMeasures(index, given, measures);
  const code = kind === 'la' ? 'LANTERN_AREA_NOT_FOUND' : 'LANTERN_MEASURE_NOT_FOUND';
  return lanternError(code, message, {
    hint: [didYouMean(suggestions), hint].filter(Boolean).join('\n'),
    notFound: { kind, given, suggestions },
  });
}

/** The measures the store holds, and near codes for one that matched none (strategy files). */
export async function measureCodes(db: Queryable): Promise<{
  measures: Measure[];
  suggest(code: string): string[];
}> {
  const c = await catalogue(db);
  return {
    measures: c.measures,
    suggest: (code) => suggestMeasures(c.index, code, c.measures).map((s) => s.code),
  };
}
