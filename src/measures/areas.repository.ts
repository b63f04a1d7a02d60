import type { Queryable } from '../core/db.js';
import { readReferenceAreas, type Area } from './areas.js';

/** Puts the reference list of areas in the database (idempotent; names and codes are refreshed). */
export async function ensureReferenceAreas(
  db: Queryable,
  areas: Area[] = readReferenceAreas(),
): Promise<void> {
  // Regions first: LAs refer to them.
  const ordered = [...areas].sort(
    (a, b) => rankKind(a.kind) - rankKind(b.kind) || (a.parentCode ?? 0) - (b.parentCode ?? 0),
  );
  for (const a of ordered) {
    await db.query(
      `insert into area (code, kind, name, gss_code, former_gss_codes, region_code, parent_code, la_type, status, successor_codes, ended_on)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (code) do update set kind = excluded.kind, name = excluded.name, gss_code = excluded.gss_code,
         former_gss_codes = excluded.former_gss_codes, region_code = excluded.region_code, parent_code = excluded.parent_code,
         la_type = excluded.la_type, status = excluded.status, successor_codes = excluded.successor_codes, ended_on = excluded.ended_on`,
      [
        a.code,
        a.kind,
        a.name,
        a.gssCode,
        a.formerGssCodes,
        a.regionCode,
        a.parentCode,
        a.laType,
        a.status,
        a.successorCodes,
        a.endedOn,
      ],
    );
  }
}

function rankKind(kind: Area['kind']): number {
  return kind === 'england' ? 0 : kind === 'region' ? 1 : 2;
}

interface AreaRow {
  code: number;
  kind: Area['kind'];
  name: string;
  gss_code: string | null;
  former_gss_codes: string[];
  region_code: number | null;
  parent_code: number | null;
  la_type: string | null;
  status: Area['status'];
  successor_codes: number[];
  ended_on: string | Date | null;
}

export async function listAreas(db: Queryable): Promise<Area[]> {
  const rows = await db.query<AreaRow>(
    `select code, kind, name, gss_code, former_gss_codes, region_code, parent_code, la_type, status, successor_codes,
            to_char(ended_on, 'YYYY-MM-DD') as ended_on
       from area order by case kind when 'england' then 0 when 'region' then 1 else 2 end, code`,
  );
  return rows.map((r) => ({
    code: r.code,
    kind: r.kind,
    name: r.name,
    gssCode: r.gss_code,
    formerGssCodes: r.former_gss_codes ?? [],
    regionCode: r.region_code,
    parentCode: r.parent_code,
    laType: r.la_type,
    status: r.status,
    successorCodes: r.successor_codes ?? [],
    endedOn: r.ended_on === null ? null : String(r.ended_on),
  }));
}
