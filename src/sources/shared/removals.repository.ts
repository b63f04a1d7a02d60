import type { Queryable } from '../../core/db.js';
import { AreaSets, type AreaNames } from './removals.js';

/**
 * The areas the store holds a figure for (a value or a marker: removals.ts holdsFigure), per
 * measure and year, for these measures.
 * One row per measure and year with its areas as an array: about 1 s for LAIT's 640k observations
 * on PGlite, where one row per observation takes 4 s.
 */
export async function observationAreasHeld(
  tx: Queryable,
  measureCodes: string[],
): Promise<AreaSets> {
  const rows = await tx.query<{ m: string; y: string; a: number[] }>(
    `select measure_code as m, year_label as y, array_agg(area_code) as a
       from observation
      where measure_code = any($1::text[]) and (value is not null or suppression is not null)
      group by measure_code, year_label`,
    [measureCodes],
  );
  return toSets(rows);
}

/** The LAs with neighbours in each of these statistical-neighbour sets (by version). */
export async function neighbourLasHeld(tx: Queryable, versions: string[]): Promise<AreaSets> {
  const rows = await tx.query<{ m: string; y: string; a: number[] }>(
    `select 'statistical neighbours' as m, set_version as y, array_agg(distinct la_code) as a
       from statistical_neighbour where set_version = any($1::text[]) group by set_version`,
    [versions],
  );
  return toSets(rows);
}

function toSets(rows: { m: string; y: string; a: number[] }[]): AreaSets {
  const sets = new AreaSets();
  for (const r of rows) for (const area of r.a) sets.add(r.m, r.y, Number(area));
  return sets;
}

/** Every area's kind and name, for saying which areas an import would remove. */
export async function areaNames(db: Queryable): Promise<AreaNames> {
  const rows = await db.query<{ code: number; kind: string; name: string }>(
    'select code, kind, name from area',
  );
  return new Map(rows.map((r) => [r.code, { kind: r.kind, name: r.name }]));
}
