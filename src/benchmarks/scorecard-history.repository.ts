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

/**
 * Every LA value in each measure's second-newest year (by year number, then label): the year
 * the scorecard's "moved band" compares with. Regions and England are not LAs, so not included.
 */
export async function readPreviousYearLaValues(
  db: Queryable,
): Promise<{ measureCode: string; yearLabel: string; value: number }[]> {
  const rows = await db.query<{ measure_code: string; year_label: string; value: number }>(
    `with years as (
       select measure_code, year_label,
              row_number() over (partition by measure_code order by year_number desc, year_label collate "C" desc) as n
         from (select distinct measure_code, year_label, year_number from observation) d
     )
     select o.measure_code, o.year_label, o.value
       from observation o
       join years y on y.measure_code = o.measure_code and y.year_label = o.year_label and y.n = 2
       join area a on a.code = o.area_code and a.kind = 'la'
      where o.value is not null`,
  );
  return rows.map((r) => ({
    measureCode: r.measure_code,
    yearLabel: r.year_label,
    value: r.value,
  }));
}
