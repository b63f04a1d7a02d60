import type { Queryable } from '../core/db.js';

/** Which release (imported file) each measure's metadata came from: code → release id. */
export async function listMeasureReleaseIds(db: Queryable): Promise<Map<string, number | null>> {
  const rows = await db.query<{ code: string; release_id: number | null }>(
    'select code, release_id from measure',
  );
  return new Map(rows.map((r) => [r.code, r.release_id]));
}
