import type { Queryable } from '../../../src/core/db.js';

/** The reference areas as the oracles need them, read from the store (data, not importer code). */
export interface AreaRefs {
  laCodes: Set<number>;
  /** '933' → 933 */
  laByOldCode: Map<string, number>;
  /** Current and former GSS codes → LA; a current code wins. */
  laByGss: Map<string, number>;
  regionByGss: Map<string, number>;
  /** Lower-case region name → code: 'london (inner)' → 987. */
  regionByName: Map<string, number>;
  /** Every area code: LAs, regions 980-990, England 970. */
  areaCodes: Set<number>;
}

export async function readAreaRefs(db: Queryable): Promise<AreaRefs> {
  const rows = await db.query<{
    code: number;
    kind: string;
    name: string;
    gss_code: string | null;
    former_gss_codes: string[];
  }>('select code, kind, name, gss_code, former_gss_codes from area order by code');
  const refs: AreaRefs = {
    laCodes: new Set(),
    laByOldCode: new Map(),
    laByGss: new Map(),
    regionByGss: new Map(),
    regionByName: new Map(),
    areaCodes: new Set(rows.map((r) => r.code)),
  };
  for (const r of rows.filter((a) => a.kind === 'la'))
    for (const g of r.former_gss_codes) if (!refs.laByGss.has(g)) refs.laByGss.set(g, r.code);
  for (const r of rows) {
    if (r.kind === 'la') {
      refs.laCodes.add(r.code);
      refs.laByOldCode.set(String(r.code), r.code);
      if (r.gss_code) refs.laByGss.set(r.gss_code, r.code);
    } else if (r.kind === 'region') {
      if (r.gss_code) refs.regionByGss.set(r.gss_code, r.code);
      refs.regionByName.set(r.name.toLowerCase(), r.code);
    }
  }
  return refs;
}

/** A stored observation's value and marker. */
export interface Obs {
  value: number | null;
  suppression: string | null;
}

/** measure → year label → area → observation */
export type ObsByMeasure = Map<string, Map<string, Map<number, Obs>>>;

export function addObs(map: ObsByMeasure, measure: string, year: string, area: number, o: Obs) {
  const years = map.get(measure) ?? new Map<string, Map<number, Obs>>();
  map.set(measure, years);
  const areas = years.get(year) ?? new Map<number, Obs>();
  years.set(year, areas);
  areas.set(area, o);
}

export function hasObs(map: ObsByMeasure, measure: string, year: string, area: number): boolean {
  return map.get(measure)?.get(year)?.has(area) ?? false;
}

/** The observations of these measures in the store. */
export async function storedObservations(db: Queryable, measures: string[]): Promise<ObsByMeasure> {
  const rows = await db.query<{
    measure_code: string;
    area_code: number;
    year_label: string;
    value: number | null;
    suppression: string | null;
  }>(
    `select measure_code, area_code, year_label, value, suppression from observation
      where measure_code = any($1::text[])`,
    [measures],
  );
  const map: ObsByMeasure = new Map();
  for (const r of rows)
    addObs(map, r.measure_code, r.year_label, r.area_code, {
      value: r.value,
      suppression: r.suppression,
    });
  return map;
}

const show = (o: Obs | undefined) =>
  o === undefined
    ? 'nothing'
    : o.value !== null
      ? String(o.value)
      : `no value (marker ${JSON.stringify(o.suppression)})`;

/** Differences between what the store holds and what it should, as sentences (at most `limit`). */
export function observationDifferences(
  stored: ObsByMeasure,
  wanted: ObsByMeasure,
  limit = 8,
): string[] {
  const out: string[] = [];
  const measures = new Set([...stored.keys(), ...wanted.keys()]);
  for (const m of measures) {
    const years = new Set([...(stored.get(m)?.keys() ?? []), ...(wanted.get(m)?.keys() ?? [])]);
    for (const y of years) {
      const s = stored.get(m)?.get(y) ?? new Map<number, Obs>();
      const w = wanted.get(m)?.get(y) ?? new Map<number, Obs>();
      if (s.size !== w.size)
        out.push(`${m} ${y}: ${s.size} observations stored, the file says ${w.size}`);
      for (const a of new Set([...s.keys(), ...w.keys()])) {
        const so = s.get(a);
        const wo = w.get(a);
        const same =
          // -0 and 0 are the same figure (the store keeps 0 for a published -0).
          so !== undefined &&
          wo !== undefined &&
          so.value === wo.value &&
          so.suppression === wo.suppression;
        if (!same) out.push(`${m} ${y} area ${a}: stored ${show(so)}, the file says ${show(wo)}`);
      }
    }
  }
  return out.length > limit ? [...out.slice(0, limit), `... and ${out.length - limit} more`] : out;
}
