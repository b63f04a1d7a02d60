import type { Queryable } from '../core/db.js';
import type { Quartiles } from './quantiles.js';

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

/** Every stored year's cut points of every measure (benchmark_cut_points, written at import). */
export async function readAllCutPoints(
  db: Queryable,
): Promise<{ measureCode: string; yearLabel: string; cutPoints: Quartiles | null }[]> {
  const rows = await db.query<{
    measure_code: string;
    year_label: string;
    la_count: number;
    q0: number | null;
    q25: number | null;
    q50: number | null;
    q75: number | null;
    q100: number | null;
  }>(
    'select measure_code, year_label, la_count, q0, q25, q50, q75, q100 from benchmark_cut_points',
  );
  return rows.map((r) => ({
    measureCode: r.measure_code,
    yearLabel: r.year_label,
    cutPoints:
      r.la_count > 0 &&
      r.q0 !== null &&
      r.q25 !== null &&
      r.q50 !== null &&
      r.q75 !== null &&
      r.q100 !== null
        ? { q0: r.q0, q25: r.q25, q50: r.q50, q75: r.q75, q100: r.q100 }
        : null,
  }));
}
