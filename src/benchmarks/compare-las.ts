/**
 * Which LAs a "build your own" comparison takes in, pure: LAs one by one, every current LA of a
 * region, an LA and its statistical neighbours, and a saved set (a name and LA codes in the URL).
 */
import { isInRegion, type Area } from '../measures/areas.js';
import { findLocalAuthority } from '../measures/area-lookup.js';
import type { NeighbourSet } from '../measures/neighbours.repository.js';
import { setLasCodes, type ChosenLa, type CompareQuery, type Problem } from './compare.js';

/** The LAs (each once, first way in wins) and region groups a query names. */
export interface ResolvedLas {
  las: ChosenLa[];
  regions: { code: number; name: string }[];
}

interface Resolving extends ResolvedLas {
  areas: Area[];
  byCode: Map<number, Area>;
  set: NeighbourSet | undefined;
  problems: Problem[];
  add(a: Area, via: string): void;
}

/** Resolves the query's LAs, groups and saved set, adding a problem for each one not found. */
export function resolveLas(
  q: CompareQuery,
  areas: Area[],
  set: NeighbourSet | undefined,
  problems: Problem[],
): ResolvedLas {
  const las: ChosenLa[] = [];
  const r: Resolving = {
    las,
    regions: [],
    areas,
    byCode: new Map(areas.map((a) => [a.code, a])),
    set,
    problems,
    add(a, via) {
      if (!las.some((x) => x.code === a.code)) las.push({ code: a.code, name: a.name, via });
    },
  };
  for (const text of q.la) {
    const a = findLocalAuthority(areas, text);
    if (a) r.add(a, 'chosen');
    else problems.push({ field: 'la', message: `No local authority has the code "${text}".` });
  }
  for (const g of q.group) addGroup(r, g);
  addSavedSet(r, q);
  return { las: r.las, regions: r.regions };
}

/** `region:<code>` (its current LAs, by name) or `sn:<LA code>` (the LA, then its neighbours). */
function addGroup(r: Resolving, g: string): void {
  const [kind, codeText = ''] = g.split(':');
  const code = /^\d{3}$/.test(codeText) ? Number(codeText) : NaN;
  const area = r.byCode.get(code);
  if (kind === 'region' && area?.kind === 'region') {
    r.regions.push({ code: area.code, name: area.name });
    r.areas
      .filter((a) => a.kind === 'la' && a.status === 'current' && isInRegion(a, code, r.byCode))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .forEach((a) => r.add(a, area.name));
  } else if (kind === 'sn' && area?.kind === 'la') {
    const neighbours = r.set?.neighbours.get(code);
    if (!neighbours) {
      r.problems.push({
        field: 'group',
        message: `No statistical neighbours are loaded for ${area.name} (${code}).`,
      });
      return;
    }
    const via = `${area.name}'s statistical neighbours`;
    r.add(area, via);
    for (const n of neighbours) {
      const a = r.byCode.get(n.code);
      if (a) r.add(a, via);
    }
  } else {
    r.problems.push({
      field: 'group',
      message:
        kind === 'region' || kind === 'sn'
          ? `"${g}": ${kind === 'region' ? 'no region' : 'no local authority'} has the code "${codeText}".`
          : `"${g}" is not a group: use region:<code> (region:990) or sn:<LA code> (sn:933).`,
    });
  }
}

/** A saved set: a name and the LA codes, both from the URL. */
function addSavedSet(r: Resolving, q: CompareQuery): void {
  if (q.setLas) {
    const via = q.setName || 'Saved set';
    for (const text of setLasCodes(q.setLas)) {
      const a = findLocalAuthority(r.areas, text);
      if (a) r.add(a, via);
      else
        r.problems.push({
          field: 'setlas',
          message: `The set's "${text}" is not a local authority code (use 3-digit codes such as 933).`,
        });
    }
  } else if (q.setName) {
    r.problems.push({
      field: 'setlas',
      message: 'Enter the LA codes of the set, or clear its name.',
    });
  }
}
