/**
 * Finding LAs and measures from one search box: pure, no I/O. LAs by name (typo-tolerant) or
 * code (3-digit or 9-character, exact); measures by the words of their name, code or topic,
 * each word typo-tolerant and all words required (adding a word narrows the results).
 */
import Fuse from 'fuse.js';
import type { Area } from './areas.js';
import type { Measure } from './measure.js';

/** Where a hit links to (the web app's pages): search itself knows no URLs. */
export interface SearchLinks {
  la(code: number): string;
  measure(code: string): string;
}

export interface LaHit {
  code: number;
  name: string;
  gssCode: string | null;
  regionName: string | null;
  href: string;
}

export interface MeasureHit {
  code: string;
  name: string;
  topic: string;
  href: string;
}

export interface SearchResults {
  query: string;
  las: LaHit[];
  measures: MeasureHit[];
}

/**
 * Words LA analysts type for what the DfE's measure names spell out, and the reverse. A Map, not
 * an object: a typed word is looked up, and "constructor" must find nothing, not Object's.
 */
const synonyms = new Map<string, string[]>(
  Object.entries({
    ks1: ['key', 'stage', '1'],
    ks2: ['key', 'stage', '2'],
    ks4: ['key', 'stage', '4'],
    ks5: ['key', 'stage', '5'],
    rwm: ['reading', 'writing', 'mathematics', 'maths'],
    maths: ['mathematics'],
    mathematics: ['maths'],
    cla: ['children', 'looked', 'after'],
    lac: ['children', 'looked', 'after', 'cla'],
    cin: ['children', 'in', 'need'],
    fsm: ['free', 'school', 'meals'],
    dap: ['disadvantaged'],
    sen: ['special', 'educational', 'needs', 'send'],
    ehcp: ['education', 'health', 'care', 'plan'],
    neet: ['not', 'in', 'education', 'employment', 'training'],
    gld: ['good', 'level', 'development'],
    eyfs: ['early', 'years', 'foundation', 'stage'],
    p8: ['progress', '8'],
    a8: ['attainment', '8'],
    exclusions: ['exclusion', 'suspensions'],
    suspensions: ['exclusions', 'fixed'],
    perabnew: ['persistent', 'absence'],
    sevperabnew: ['severe', 'persistent', 'absence'],
  }),
);

/** Words of a name or code: "KS2RWM_Expected_STD" → ks2, rwm, ks2rwm, expected, std. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    const lower = raw.toLowerCase();
    out.push(lower);
    // camelCase and letter/digit runs inside codes: "KS2RWM" → "ks2", "rwm"; "SFPriPerAbNew" → "pri", "per"...
    const parts =
      raw.match(
        /[A-Z]{2,}\d*(?=[A-Z][a-z]|$|[^A-Za-z\d])|[A-Z]{1,2}\d+|[A-Z]?[a-z]+|\d+|[A-Z]+/g,
      ) ?? [];
    if (parts.length > 1) for (const p of parts) out.push(p.toLowerCase());
  }
  return out;
}

function withSynonyms(tokens: string[]): string[] {
  const out = new Set(tokens);
  for (const t of tokens) for (const s of synonyms.get(t) ?? []) out.add(s);
  return [...out];
}

interface MeasureDoc {
  measure: Measure;
  text: string;
}

interface LaDoc {
  hit: LaHit;
  name: string;
}

const laCodePattern = /^\d{3}$/;
const gssPattern = /^[EWSN]\d{8}$/i;

/** LAs by code (3-digit or 9-character, exact) or name (contained, else typo-tolerant). */
function laFinder(areas: Area[], links: SearchLinks): (q: string) => LaHit[] {
  const regionName = new Map(areas.filter((a) => a.kind === 'region').map((a) => [a.code, a.name]));
  const las: LaDoc[] = areas
    .filter((a) => a.kind === 'la')
    .map((a) => ({
      hit: {
        code: a.code,
        name: a.status === 'current' ? a.name : `${a.name} (former)`,
        gssCode: a.gssCode,
        regionName: a.regionCode === null ? null : (regionName.get(a.regionCode) ?? null),
        href: links.la(a.code),
      },
      name: a.name,
    }));
  const laByCode = new Map(areas.filter((a) => a.kind === 'la').map((a) => [a.code, a]));
  const laFuse = new Fuse(las, {
    keys: ['name'],
    threshold: 0.2,
    ignoreLocation: true,
    includeScore: true,
  });
  return (q) => {
    if (laCodePattern.test(q)) {
      const a = laByCode.get(Number(q));
      return a ? las.filter((d) => d.hit.code === a.code).map((d) => d.hit) : [];
    }
    if (gssPattern.test(q)) {
      const upper = q.toUpperCase();
      const a = [...laByCode.values()].find(
        (x) => x.gssCode === upper || x.formerGssCodes.includes(upper),
      );
      return a ? las.filter((d) => d.hit.code === a.code).map((d) => d.hit) : [];
    }
    const folded = q.toLowerCase();
    const contains = las.filter((d) => d.name.toLowerCase().includes(folded));
    if (contains.length) return contains.map((d) => d.hit);
    return laFuse.search(q).map((r) => r.item.hit);
  };
}

/** Measures by exact code first, then by all the words (each typo-tolerant, synonyms included). */
function measureFinder(measures: Measure[], links: SearchLinks): (q: string) => MeasureHit[] {
  const docs: MeasureDoc[] = measures.map((m) => ({
    measure: m,
    text: withSynonyms(words(`${m.name} ${m.topic} ${m.code}`)).join(' '),
  }));
  const measureFuse = new Fuse(docs, {
    keys: ['text'],
    useTokenSearch: true,
    tokenMatch: 'all',
    tokenize: (t: string) => withSynonyms(words(t)),
    threshold: 0.25,
    ignoreLocation: true,
    includeScore: true,
  });
  return (q) => {
    const exact = docs.find((d) => d.measure.code.toLowerCase() === q.toLowerCase());
    const found = measureFuse.search(q).map((r) => r.item.measure);
    const list = exact ? [exact.measure, ...found.filter((m) => m !== exact.measure)] : found;
    return list.map((m) => ({
      code: m.code,
      name: m.name,
      topic: m.topic,
      href: links.measure(m.code),
    }));
  };
}

/** Builds the indexes once (areas and measures change only on import); `search` is then fast. */
export function createSearchIndex(areas: Area[], measures: Measure[], links: SearchLinks) {
  const findLas = laFinder(areas, links);
  const findMeasures = measureFinder(measures, links);
  const measureHits = (query: string, limit: number): MeasureHit[] => {
    const q = query.trim().slice(0, 100);
    return q ? findMeasures(q).slice(0, limit) : [];
  };
  return {
    search(query: string, options: { limit?: number } = {}): SearchResults {
      const q = query.trim().slice(0, 100);
      if (!q) return { query: q, las: [], measures: [] };
      const limit = options.limit ?? 50;
      const isCode = laCodePattern.test(q) || gssPattern.test(q);
      return {
        query: q,
        las: findLas(q).slice(0, limit),
        measures: isCode ? [] : findMeasures(q).slice(0, limit),
      };
    },
    /** Measures only (the compare page's measure picker, `/api/v1/measures?q=`). */
    measures(query: string, limit = 50): MeasureHit[] {
      return measureHits(query, limit);
    },
    /** Those of `items` whose measure matches `query`, best first (at most `limit`). */
    matching<T extends { measure: Measure }>(items: T[], query: string, limit = 100): T[] {
      const byCode = new Map(items.map((s) => [s.measure.code, s]));
      return measureHits(query, limit)
        .map((hit) => byCode.get(hit.code))
        .filter((s) => s !== undefined);
    },
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
