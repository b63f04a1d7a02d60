import type { Queryable } from '../core/db.js';
import type { SchoolForMeasures } from './ofsted-measures.js';

interface Row {
  urn: number;
  la_code: number;
  pupils: number | null;
  framework: 'graded' | 'report-card' | null;
  overall_effectiveness: string | null;
  safeguarding: string | null;
  judgements: Record<string, string> | string | null;
  start_date: string | null;
}

/**
 * Every open school with an LA, its pupils and its latest graded inspection with an overall
 * grade and latest report card (DISTINCT ON keeps the newest of each per school).
 */
export async function schoolsForOfstedMeasures(db: Queryable): Promise<SchoolForMeasures[]> {
  const rows = await db.query<Row>(
    `with open_school as (
       select s.urn, s.la_code, coalesce(s.pupils, (
         select o.value from school_observation o join school_measure m on m.id = o.measure_id
          where o.urn = s.urn and m.publication = 'census' and m.code = 'NOR' and o.value is not null
          order by o.year_number desc limit 1))::int as pupils
         from school s where s.la_code is not null and coalesce(s.status, '') <> 'Closed'),
     latest as (
       select distinct on (i.urn, i.framework) i.urn, i.framework, i.overall_effectiveness,
              i.safeguarding, i.judgements, to_char(i.start_date, 'YYYY-MM-DD') as start_date
         from school_inspection i
        where i.framework = 'report-card' or i.overall_effectiveness in ('1', '2', '3', '4')
        order by i.urn, i.framework, i.start_date desc nulls last, i.inspection_number desc)
     select o.urn, o.la_code, o.pupils, l.framework, l.overall_effectiveness, l.safeguarding,
            l.judgements, l.start_date
       from open_school o left join latest l on l.urn = o.urn
      order by o.urn`,
  );
  const byUrn = new Map<number, SchoolForMeasures>();
  for (const r of rows) {
    const s = byUrn.get(r.urn) ?? {
      urn: r.urn,
      laCode: r.la_code,
      pupils: r.pupils,
      graded: null,
      reportCard: null,
    };
    byUrn.set(r.urn, s);
    if (!r.framework) continue;
    const judgements =
      typeof r.judgements === 'string' ? JSON.parse(r.judgements) : (r.judgements ?? {});
    const inspection = {
      framework: r.framework,
      overallEffectiveness: r.overall_effectiveness,
      safeguarding: r.safeguarding,
      judgements,
      startDate: r.start_date,
    };
    if (r.framework === 'graded') s.graded = inspection;
    else s.reportCard = inspection;
  }
  return [...byUrn.values()];
}
