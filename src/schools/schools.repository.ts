import type { Queryable } from '../core/db.js';

/** A school as the register holds it. */
export interface SchoolRecord {
  urn: number;
  name: string;
  laCode: number | null;
  estab: number | null;
  phase: string | null;
  schoolType: string | null;
  typeGroup: string | null;
  status: string | null;
  trust: string | null;
  openDate: string | null;
  closeDate: string | null;
  capacity: number | null;
  pupils: number | null;
  religiousCharacter: string | null;
  gender: string | null;
  ageLow: number | null;
  ageHigh: number | null;
  postcode: string | null;
  source: string;
}

const schoolColumns = `urn, name, la_code as "laCode", estab, phase, school_type as "schoolType",
  type_group as "typeGroup", status, trust, to_char(open_date, 'YYYY-MM-DD') as "openDate",
  to_char(close_date, 'YYYY-MM-DD') as "closeDate", capacity, pupils,
  religious_character as "religiousCharacter", gender, age_low as "ageLow", age_high as "ageHigh",
  postcode, source`;

export async function findSchool(db: Queryable, urn: number): Promise<SchoolRecord | null> {
  const rows = await db.query<SchoolRecord>(`select ${schoolColumns} from school where urn = $1`, [
    urn,
  ]);
  return rows[0] ?? null;
}

export async function schoolsInLa(db: Queryable, laCode: number): Promise<SchoolRecord[]> {
  return db.query<SchoolRecord>(
    `select ${schoolColumns} from school where la_code = $1 order by name, urn`,
    [laCode],
  );
}

/** One stored figure of a school, with the publication and year it came from. */
export interface SchoolFigureRow {
  urn: number;
  publication: string;
  code: string;
  yearLabel: string;
  yearNumber: number;
  value: number | null;
  marker: string | null;
  text: string | null;
}

const figureColumns = `publication, code, year_label as "yearLabel", year_number as "yearNumber",
  value, marker, text_value as text`;

/** Every figure of these schools (a school and its predecessors), oldest year first. */
export async function figuresOfSchools(db: Queryable, urns: number[]): Promise<SchoolFigureRow[]> {
  return db.query<SchoolFigureRow>(
    `select urn, ${figureColumns} from school_observation where urn = any($1::int[])
      order by year_number, publication, code, urn`,
    [urns],
  );
}

/** One figure for many schools (the LA list's columns, a family's outcome), every year. */
export async function figureForSchools(
  db: Queryable,
  publication: string,
  codes: string[],
  urns: number[] | null,
): Promise<SchoolFigureRow[]> {
  return db.query<SchoolFigureRow>(
    `select urn, ${figureColumns} from school_observation
      where publication = $1 and code = any($2::text[]) ${urns ? 'and urn = any($3::int[])' : ''}
      order by year_number`,
    urns ? [publication, codes, urns] : [publication, codes],
  );
}

/** A stored LA or England row's figure: what a school is compared with. */
export interface AreaFigureRow {
  areaCode: number;
  rowKind: string;
  publication: string;
  code: string;
  yearLabel: string;
  yearNumber: number;
  value: number | null;
  marker: string | null;
}

/** The LA's and England's rows for these publications, every year. */
export async function areaFigures(
  db: Queryable,
  areaCodes: number[],
  publications: string[],
): Promise<AreaFigureRow[]> {
  return db.query<AreaFigureRow>(
    `select area_code as "areaCode", row_kind as "rowKind", ${figureColumns.replace(', text_value as text', '')}
       from school_area_observation
      where area_code = any($1::int[]) and publication = any($2::text[])
      order by year_number`,
    [areaCodes, publications],
  );
}

/** What a file's column means (its meta label), for the profile's "all figures" table. */
export async function measureLabels(
  db: Queryable,
): Promise<{ publication: string; code: string; label: string }[]> {
  return db.query('select publication, code, label from school_measure order by publication, code');
}
