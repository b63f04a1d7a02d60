import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Measure } from '../src/measures/measure.js';
import type { NeighbourSet } from '../src/measures/neighbours.repository.js';

/**
 * The reference each Lantern figure is measured against, in the same run: DuckDB doing the
 * same work. DuckDB is a dev dependency used only here.
 */
export async function openDuckDb(
  file = ':memory:',
): Promise<{ connection: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** DuckDB loading the LAIT parquet into a table (the import reference). */
export async function duckdbLoadParquet(
  connection: DuckDBConnection,
  parquet: string,
): Promise<void> {
  await connection.run('drop table if exists bds');
  await connection.run(
    `create table bds as select * from read_parquet('${parquet.replace(/'/g, "''")}')`,
  );
}

/** The engine's other inputs as the tables `allBenchmarksSql` reads: polarity, sn and la_region. */
export async function duckdbLoadEngineInputs(
  connection: DuckDBConnection,
  measures: Pick<Measure, 'code' | 'polarity'>[],
  neighbourSet: NeighbourSet | undefined,
): Promise<void> {
  await connection.run('create table polarity (m varchar, p varchar)');
  await connection.run(
    `insert into polarity values ${measures.map((m) => `('${m.code.replace(/'/g, "''")}', ${m.polarity ? `'${m.polarity}'` : 'null'})`).join(',')}`,
  );
  await connection.run('create table sn (la integer, nb integer)');
  const snValues = [...(neighbourSet?.neighbours ?? new Map())].flatMap(([la, list]) =>
    list.map((n: { code: number }) => `(${la}, ${n.code})`),
  );
  await connection.run(`insert into sn values ${snValues.join(',')}`);
  await connection.run('create table la_region (la integer, region integer)');
  await connection.run(
    `insert into la_region values ${[...(neighbourSet?.regions ?? new Map())].map(([la, r]) => `(${la}, ${r})`).join(',')}`,
  );
}

/**
 * One DuckDB query computing, for every measure × year × LA, what Lantern's engine computes:
 * type-7 cut points, min-tie ranks by polarity, quartile band, SN average and count, region and
 * England values and change from the previous year. Expects tables `bds` (the parquet),
 * `polarity(m, p)` and `sn(la, nb)` and `la_region(la, region)`.
 */
export const allBenchmarksSql = `
with b as (
  select "Short Desc" as m, "Years" as y, cast(substr("Years", 1, 4) as integer) as yn,
         cast("LA Number" as integer) as a, try_cast(nullif("Values", '-') as double) as v
  from bds where "Short Desc" in (select m from polarity)
),
la as (select * from b where a < 970),
q as (
  select m, y, count(v) as n, quantile_cont(v, [0, 0.25, 0.5, 0.75, 1]) as qs from la group by m, y
),
r as (
  select la.m, la.y, la.yn, la.a, la.v, p.p,
         case when la.v is null then null
              when p.p = 'high' then rank() over (partition by la.m, la.y, la.v is null order by la.v desc)
              when p.p = 'low' then rank() over (partition by la.m, la.y, la.v is null order by la.v asc) end as rnk,
         lead(la.v) over (partition by la.m, la.a order by la.yn desc) as prev_v
  from la join polarity p on p.m = la.m
),
s as (
  select la.m, la.y, sn.la as a, avg(nbv.v) as sn_avg, count(nbv.v) as sn_n
  from la join sn on sn.la = la.a
  join la as nbv on nbv.m = la.m and nbv.y = la.y and nbv.a = sn.nb
  group by la.m, la.y, sn.la
)
select r.m, r.y, r.a, r.v, r.rnk, q.n,
       case when r.v is null or r.p is null then null
            when r.p = 'low' then case when r.v <= q.qs[2] then 'A' when r.v <= q.qs[3] then 'B' when r.v <= q.qs[4] then 'C' else 'D' end
            else case when r.v <= q.qs[2] then 'D' when r.v <= q.qs[3] then 'C' when r.v <= q.qs[4] then 'B' else 'A' end end as band,
       s.sn_avg, s.sn_n, reg.v as region_v, eng.v as england_v, r.v - r.prev_v as change
from r
join q on q.m = r.m and q.y = r.y
left join s on s.m = r.m and s.y = r.y and s.a = r.a
left join la_region lr on lr.la = r.a
left join b as reg on reg.m = r.m and reg.y = r.y and reg.a = lr.region
left join b as eng on eng.m = r.m and eng.y = r.y and eng.a = 970
`;
