import type { Queryable } from '../core/db.js';

/** One LA's observations, every measure and year (the area index makes this quick). */
export async function readLaObservations(
  db: Queryable,
  laCode: number,
): Promise<{ measureCode: string; yearLabel: string; yearNumber: number; value: number | null }[]> {
  const rows = await db.query<{
    measure_code: string;
    year_label: string;
    year_number: number;
    value: number | null;
  }>('select measure_code, year_label, year_number, value from observation where area_code = $1', [
    laCode,
  ]);
  return rows.map((r) => ({
    measureCode: r.measure_code,
    yearLabel: r.year_label,
    yearNumber: r.year_number,
    value: r.value,
  }));
}
