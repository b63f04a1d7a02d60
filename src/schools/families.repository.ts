import type { Queryable } from '../core/db.js';

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
 * For each column, its newest year with at least one published value (or `yearLabel` itself,
 * when it has one then); a column with none is left out. Labels are "2018/19", so their text
 * order is their year order and each lookup is one backward scan of the measure index.
 */
export async function latestFigureYears(
  db: Queryable,
  keys: readonly FigureKey[],
  yearLabel?: string,
): Promise<FigureYear[]> {
  if (keys.length === 0) return [];
  const params: unknown[] = [keys.map((k) => k.publication), keys.map((k) => k.code)];
  if (yearLabel !== undefined) params.push(yearLabel);
  return db.query<FigureYear>(
    `select k.publication, k.code, y.year_label as "yearLabel", y.year_number as "yearNumber"
       from unnest($1::text[], $2::text[]) as k(publication, code)
       cross join lateral (
         select o.year_label, o.year_number from school_observation o
          where o.publication = k.publication and o.code = k.code and o.value is not null
            ${yearLabel !== undefined ? 'and o.year_label = $3' : ''}
          order by o.year_label desc limit 1) y`,
    params,
  );
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
       from unnest($2::text[], $3::text[], $4::text[]) with ordinality
            as k(publication, code, year_label, i)
       join school_observation o
         on o.publication = k.publication and o.code = k.code and o.year_label = k.year_label
       join school s on s.urn = o.urn
      where s.phase = $1`,
    [
      phase,
      columns.map((c) => c.publication),
      columns.map((c) => c.code),
      columns.map((c) => c.yearLabel),
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
    `select o.urn, o.publication, o.code, o.value, o.marker
       from unnest($2::text[], $3::text[], $4::text[]) as k(publication, code, year_label)
       join school_observation o
         on o.publication = k.publication and o.code = k.code and o.year_label = k.year_label
      where o.urn = any($1::int[])`,
    [
      urns,
      columns.map((c) => c.publication),
      columns.map((c) => c.code),
      columns.map((c) => c.yearLabel),
    ],
  );
}
