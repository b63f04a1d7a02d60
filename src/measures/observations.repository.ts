import type { Queryable } from '../core/db.js';

export interface ObservationRow {
  measureCode: string;
  areaCode: number;
  yearLabel: string;
  yearNumber: number;
  value: number | null;
  suppression: string | null;
}

/** Batches of this many rows keep each statement's parameter arrays a sensible size. */
const batchSize = 20_000;

/**
 * Writes observations, replacing any with the same (measure, area, year label).
 * `unnest` of arrays works the same on PGlite and on a PostgreSQL server.
 */
export async function upsertObservations(
  tx: Queryable,
  rows: ObservationRow[],
  releaseId: number,
  onProgress: (done: number) => void = () => {},
): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await tx.query(
      `insert into observation (measure_code, area_code, year_label, year_number, value, suppression, release_id)
       select m, a, yl, yn, v, s, $7 from unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::float8[], $6::text[])
         as t(m, a, yl, yn, v, s)
       on conflict (measure_code, area_code, year_label) do update
         set year_number = excluded.year_number, value = excluded.value, suppression = excluded.suppression,
             release_id = excluded.release_id`,
      [
        batch.map((r) => r.measureCode),
        batch.map((r) => r.areaCode),
        batch.map((r) => r.yearLabel),
        batch.map((r) => r.yearNumber),
        batch.map((r) => r.value),
        batch.map((r) => r.suppression),
        releaseId,
      ],
    );
    onProgress(Math.min(start + batchSize, rows.length));
  }
}

interface ObservationDbRow {
  measure_code: string;
  area_code: number;
  year_label: string;
  year_number: number;
  value: number | null;
  suppression: string | null;
}

export async function listObservations(
  db: Queryable,
  measureCodes?: string[],
): Promise<ObservationRow[]> {
  const rows = await db.query<ObservationDbRow>(
    `select measure_code, area_code, year_label, year_number, value, suppression from observation
      ${measureCodes ? 'where measure_code = any($1::text[])' : ''}`,
    measureCodes ? [measureCodes] : [],
  );
  return rows.map((r) => ({
    measureCode: r.measure_code,
    areaCode: r.area_code,
    yearLabel: r.year_label,
    yearNumber: r.year_number,
    value: r.value,
    suppression: r.suppression,
  }));
}
