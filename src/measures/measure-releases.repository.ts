import type { Queryable } from '../core/db.js';

/**
 * Which release (imported file) each measure's figures came from: code → release id. That is
 * the newest release among its observations (the BDS file for LAIT, the CSV for EES), falling
 * back to the release of its metadata (the data dictionary) for a measure with no figures yet.
 */
export async function listMeasureReleaseIds(db: Queryable): Promise<Map<string, number | null>> {
  const rows = await db.query<{ code: string; release_id: number | null }>(
    `select m.code, coalesce(o.release_id, m.release_id) as release_id
       from measure m
       left join (select measure_code, max(release_id) as release_id from observation group by measure_code) o
         on o.measure_code = m.code`,
  );
  return new Map(rows.map((r) => [r.code, r.release_id]));
}
