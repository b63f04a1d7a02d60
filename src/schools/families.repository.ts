import type { Queryable } from '../core/db.js';
import { academicYear } from './academic-year.js';

/** A stored column of one publication (a family variable or outcome). */
export interface FigureKey {
  publication: string;
  code: string;
}

export interface FigureYear extends FigureKey {
  yearLabel: string;
  yearNumber: number;
}

/**
 * For each column, its newest year with at least one published value (or `year` itself, when
 * it has one then); a column with none is left out. Each lookup is one backward scan of the
 * measure index (measure id, year).
 */
export async function latestFigureYears(
  db: Queryable,
  keys: readonly FigureKey[],
  year?: number,
): Promise<FigureYear[]> {
  if (keys.length === 0) return [];
  const params: unknown[] = [keys.map((k) => k.publication), keys.map((k) => k.code)];
  if (year !== undefined) params.push(year);
  const rows = await db.query<Omit<FigureYear, 'yearLabel'>>(
    `select m.publication, m.code, y.year_number as "yearNumber"
       from unnest($1::text[], $2::text[]) as k(publication, code)
       join school_measure m on m.publication = k.publication and m.code = k.code
       cross join lateral (
         select o.year_number from school_observation o
          where o.measure_id = m.id and o.value is not null
            ${year !== undefined ? 'and o.year_number = $3' : ''}
          order by o.year_number desc limit 1) y`,
    params,
  );
  return rows.map((r) => ({ ...r, yearLabel: academicYear(r.yearNumber).label }));
}

/** A school of the phase as the register holds it: what a family row shows and the pool needs. */
export interface PhaseSchool {
  urn: number;
  name: string;
  laCode: number | null;
  schoolType: string | null;
  typeGroup: string | null;
  status: string | null;
}

export async function schoolsOfPhase(db: Queryable, phase: string): Promise<PhaseSchool[]> {
  return db.query<PhaseSchool>(
    `select urn, name, la_code as "laCode", school_type as "schoolType", type_group as "typeGroup",
            status
       from school where phase = $1 order by urn`,
    [phase],
  );
}

/** One stored cell of a school of the phase: its value, or the marker published instead. */
export interface PhaseFigure extends FigureKey {
  urn: number;
  value: number | null;
  marker: string | null;
}

/**
 * Every figure the schools of a phase have for these columns, each in its own year (a marker
 * is a null value): one query for all the columns, each an index range of
 * `school_observation_measure_idx`. The query returns each row's column number rather than its
 * code, to carry less, and the row gets its column's codes back here.
 */
export async function figuresOfPhase(
  db: Queryable,
  phase: string,
  columns: readonly FigureYear[],
): Promise<(FigureKey & { urn: number; value: number | null })[]> {
  if (columns.length === 0) return [];
  const rows = await db.query<{ urn: number; i: number; value: number | null }>(
    `select o.urn, k.i::int as i, o.value
       from unnest($2::text[], $3::text[], $4::int[]) with ordinality
            as k(publication, code, year_number, i)
       join school_measure m on m.publication = k.publication and m.code = k.code
       join school_observation o on o.measure_id = m.id and o.year_number = k.year_number
       join school s on s.urn = o.urn
      where s.phase = $1`,
    [
      phase,
      columns.map((c) => c.publication),
      columns.map((c) => c.code),
      columns.map((c) => c.yearNumber),
    ],
  );
  return rows.map((r) => {
    const { publication, code } = columns[r.i - 1]!;
    return { urn: r.urn, publication, code, value: r.value };
  });
}

/** The outcome figures of a family (the school and its members) in one year. */
export async function figuresOfSchoolsInYear(
  db: Queryable,
  urns: readonly number[],
  columns: readonly FigureYear[],
): Promise<PhaseFigure[]> {
  if (columns.length === 0 || urns.length === 0) return [];
  return db.query<PhaseFigure>(
    `select o.urn, m.publication, m.code, o.value, o.marker
       from unnest($2::text[], $3::text[], $4::int[]) as k(publication, code, year_number)
       join school_measure m on m.publication = k.publication and m.code = k.code
       join school_observation o on o.measure_id = m.id and o.year_number = k.year_number
      where o.urn = any($1::int[])`,
    [
      urns,
      columns.map((c) => c.publication),
      columns.map((c) => c.code),
      columns.map((c) => c.yearNumber),
    ],
  );
}
