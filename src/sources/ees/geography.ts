import { englandCode, type Area } from '../../measures/areas.js';
import { invisibleNote, simplified } from './filters.js';

/** Lookups from the codes an EES file uses to Lantern's area codes. */
export interface AreaIndex {
  laByOldCode: Map<string, number>;
  laByGss: Map<string, number>;
  regionByGss: Map<string, number>;
}

export function buildAreaIndex(areas: Area[]): AreaIndex {
  const index: AreaIndex = { laByOldCode: new Map(), laByGss: new Map(), regionByGss: new Map() };
  for (const a of areas) {
    if (a.kind === 'la') {
      index.laByOldCode.set(String(a.code), a.code);
      // Former codes first, so a current code always wins if two areas ever shared one.
      for (const g of a.formerGssCodes) if (!index.laByGss.has(g)) index.laByGss.set(g, a.code);
    }
  }
  for (const a of areas) {
    if (a.kind === 'la' && a.gssCode) index.laByGss.set(a.gssCode, a.code);
    if (a.kind === 'region' && a.gssCode) index.regionByGss.set(a.gssCode, a.code);
  }
  return index;
}

export type AreaResolution =
  | { kind: 'area'; code: number }
  | { kind: 'ignored'; level: string }
  /** A blank level, or one that looks like a level Lantern reads but is not spelt as EES spells it. */
  | { kind: 'unclear'; level: string; expected: string }
  | { kind: 'problem'; column: string; value: string; expected: string };

export const geographicLevels = {
  national: 'National',
  regional: 'Regional',
  la: 'Local authority',
} as const;

/**
 * The other geographic levels EES publishes (its data standards' list): rows at these are skipped
 * and counted. A level outside this list and the three above is refused: it is no EES level, so
 * the file was changed by hand or cut, and its rows may be ones Lantern should read.
 */
export const otherEesLevels: readonly string[] = [
  'Local authority district',
  'Local skills improvement plan area',
  'Local enterprise partnership',
  'English devolved area',
  'Mayoral combined authority',
  'Opportunity area',
  'Parliamentary constituency',
  'Planning area',
  'Police force area',
  'RSC region',
  'Ward',
  'MAT',
  'Sponsor',
  'School',
  'Provider',
  'Institution',
];

/** What people write for the three levels Lantern reads, simplified (lower case, one space). */
const lookalikes = new Map<string, string>([
  ...['national', 'nation', 'england', 'country'].map(
    (w) => [w, geographicLevels.national] as const,
  ),
  ...['regional', 'region', 'regions', 'government office region', 'gor'].map(
    (w) => [w, geographicLevels.regional] as const,
  ),
  ...['local authority', 'local authorities', 'la', 'las', 'lea'].map(
    (w) => [w, geographicLevels.la] as const,
  ),
]);

/** A blank or look-alike level: refused, since its rows were almost certainly meant to be read. */
function unclearLevel(level: string): AreaResolution | undefined {
  if (level === '')
    return {
      kind: 'unclear',
      level,
      expected: 'a geographic_level (National, Regional, Local authority...)',
    };
  // An invisible character may stand for nothing or for a space ("Local\u200bauthority").
  const means = (['', ' '] as const)
    .map((invisibleAs) => lookalikes.get(simplified(level, invisibleAs).replace(/[-_]+/g, ' ')))
    .find((m) => m !== undefined);
  if (means === undefined) return undefined;
  return {
    kind: 'unclear',
    level,
    expected: `"${means}", exactly as EES writes it ("${level}" looks like it means ${means}${invisibleNote(level)}, but only the exact value is read)`,
  };
}

/**
 * National → England (970); Regional → the region whose GSS code is `region_code` (E12…, or E13000001/2
 * for Inner/Outer London); Local authority → by `old_la_code`, else by `new_la_code` (current or former
 * GSS code). A blank level, or one that looks like one of those three ("LA", "local authority"), is
 * unclear, and so is a level EES does not publish; the other EES levels (Local authority district,
 * Parliamentary constituency...) are ignored.
 */
export function resolveArea(
  row: Record<string, string | undefined>,
  index: AreaIndex,
): AreaResolution {
  const level = (row.geographic_level ?? '').trim();
  if (level === geographicLevels.national) return { kind: 'area', code: englandCode };
  if (level === geographicLevels.regional) {
    const code = (row.region_code ?? '').trim();
    const region = index.regionByGss.get(code);
    if (region !== undefined) return { kind: 'area', code: region };
    return {
      kind: 'problem',
      column: 'region_code',
      value: code,
      expected: 'a region code Lantern knows (E12000001 to E12000009, E13000001 or E13000002)',
    };
  }
  if (level === geographicLevels.la) {
    const old = (row.old_la_code ?? '').trim();
    const byOld = index.laByOldCode.get(old);
    if (byOld !== undefined) return { kind: 'area', code: byOld };
    const gss = (row.new_la_code ?? '').trim();
    const byGss = index.laByGss.get(gss);
    if (byGss !== undefined) return { kind: 'area', code: byGss };
    // The value is the cell itself; the row's other codes are context, told after the expectation.
    const name = (row.la_name ?? '').trim();
    const context = `${gss ? `new_la_code holds "${gss}"` : 'new_la_code is blank'}${name ? `, la_name "${name}"` : ''}`;
    return {
      kind: 'problem',
      column: 'old_la_code',
      value: old,
      expected: `a 3-digit LA code Lantern knows or, failing that, a new_la_code that is a current or former GSS code of an LA (see \`lantern areas\`); ${context}`,
    };
  }
  const unclear = unclearLevel(level);
  if (unclear) return unclear;
  if (otherEesLevels.includes(level)) return { kind: 'ignored', level };
  return {
    kind: 'unclear',
    level,
    expected: `a geographic level EES publishes (${[...Object.values(geographicLevels), ...otherEesLevels].join(', ')})`,
  };
}
