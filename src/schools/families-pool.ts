/**
 * Which schools a family is drawn from (docs/methods.md "Families of similar schools"): England,
 * the school's region or its own LA, and only state-funded schools. Pure.
 */
import { lanternError } from '../core/errors.js';
import { isInRegion, type Area } from '../measures/areas.js';
import type { Candidate } from './families.js';

export type PoolKind = 'england' | 'region' | 'la';

/** The schools a family is drawn from (and standardised over). */
export interface FamilyPool {
  kind: PoolKind;
  /** The region's or LA's code; null for England. */
  code: number | null;
  name: string;
  /** The LAs in the pool; null for England (every school, whatever its LA). */
  laCodes: ReadonlySet<number> | null;
}

/**
 * England, the school's region (London as a whole for Inner and Outer London boroughs, as the
 * London Challenge families were London-wide) or the school's own LA.
 */
export function resolvePool(kind: PoolKind, laCode: number | null, areas: Area[]): FamilyPool {
  if (kind === 'england') return { kind, code: null, name: 'England', laCodes: null };
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const la = laCode === null ? undefined : byCode.get(laCode);
  if (!la)
    throw lanternError(
      'LANTERN_USAGE',
      `The school has no LA Lantern knows, so it has no ${kind} pool.`,
      {
        hint: 'Use --pool england.',
      },
    );
  if (kind === 'la') return { kind, code: la.code, name: la.name, laCodes: new Set([la.code]) };
  let region = la.regionCode === null ? undefined : byCode.get(la.regionCode);
  if (region?.parentCode != null) region = byCode.get(region.parentCode) ?? region;
  if (!region)
    throw lanternError('LANTERN_USAGE', `${la.name} has no region in Lantern's area list.`, {
      hint: 'Use --pool la or --pool england.',
    });
  const laCodes = areas.filter((a) => a.kind === 'la' && isInRegion(a, region.code, byCode));
  return {
    kind,
    code: region.code,
    name: region.name,
    laCodes: new Set(laCodes.map((a) => a.code)),
  };
}

export function inPool(pool: FamilyPool, laCode: number | null): boolean {
  return pool.laCodes === null || (laCode !== null && pool.laCodes.has(laCode));
}

/** Independent schools publish no census intake figures and are outside LA monitoring. */
export function isIndependent(s: { schoolType: string | null; typeGroup: string | null }): boolean {
  return (
    s.typeGroup === 'Independent schools' ||
    /^IND/.test(s.schoolType ?? '') ||
    /independent/i.test(s.schoolType ?? '')
  );
}

/** A stored figure of a school, as the repository reads it. */
interface PoolFigure {
  urn: number;
  publication: string;
  code: string;
  value: number | null;
}

/**
 * The schools that could be in the family: of the phase (the caller's `schools`), not
 * independent, in the pool, and with a figure or a marker for at least one of the variables
 * in its year (so a school that did not exist that year is not counted as excluded). Each
 * carries its figures by variable id; a marker is a missing figure.
 */
export function poolCandidates(
  schools: readonly {
    urn: number;
    laCode: number | null;
    schoolType: string | null;
    typeGroup: string | null;
  }[],
  figures: readonly PoolFigure[],
  variables: readonly { id: string; publication: string; code: string }[],
  pool: FamilyPool,
): Candidate[] {
  const idOf = new Map(variables.map((v) => [`${v.publication}|${v.code}`, v.id]));
  const eligible = new Set(
    schools.filter((s) => !isIndependent(s) && inPool(pool, s.laCode)).map((s) => s.urn),
  );
  const values = new Map<number, Record<string, number | null>>();
  for (const f of figures) {
    const id = idOf.get(`${f.publication}|${f.code}`);
    if (id === undefined || !eligible.has(f.urn)) continue;
    let row = values.get(f.urn);
    if (!row) values.set(f.urn, (row = {}));
    row[id] = f.value;
  }
  return [...values].map(([urn, v]) => ({ urn, values: v }));
}
