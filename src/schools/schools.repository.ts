import type { Queryable } from '../core/db.js';
import { academicYear } from './academic-year.js';

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

const areaFigureColumns = `publication, code, year_label as "yearLabel", year_number as "yearNumber",
  value, marker`;

/** A school figure row as stored: the year's label is made from its first year (academicYear). */
const storedFigure = `o.urn, m.publication, m.code, o.year_number as "yearNumber", o.value, o.marker,
  o.text_value as text`;

type StoredFigureRow = Omit<SchoolFigureRow, 'yearLabel'>;

const withYearLabel = (rows: StoredFigureRow[]): SchoolFigureRow[] =>
  rows.map((r) => ({ ...r, yearLabel: academicYear(r.yearNumber).label }));

/** Every figure of these schools (a school and its predecessors), oldest year first. */
export async function figuresOfSchools(db: Queryable, urns: number[]): Promise<SchoolFigureRow[]> {
  const rows = await db.query<StoredFigureRow>(
    `select ${storedFigure} from school_observation o join school_measure m on m.id = o.measure_id
      where o.urn = any($1::int[])
      order by o.year_number, m.publication, m.code, o.urn`,
    [urns],
  );
  return withYearLabel(rows);
}

/** One figure for many schools (the LA list's columns, a family's outcome), every year. */
export async function figureForSchools(
  db: Queryable,
  publication: string,
  codes: string[],
  urns: number[] | null,
): Promise<SchoolFigureRow[]> {
  const rows = await db.query<StoredFigureRow>(
    `select ${storedFigure} from school_observation o join school_measure m on m.id = o.measure_id
      where m.publication = $1 and m.code = any($2::text[])
        ${urns ? 'and o.urn = any($3::int[])' : ''}
      order by o.year_number`,
    urns ? [publication, codes, urns] : [publication, codes],
  );
  return withYearLabel(rows);
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

/** The LA's and England's rows for these publications (every publication: none given), every year. */
export async function areaFigures(
  db: Queryable,
  areaCodes: number[],
  publications?: string[],
): Promise<AreaFigureRow[]> {
  return db.query<AreaFigureRow>(
    `select area_code as "areaCode", row_kind as "rowKind", ${areaFigureColumns}
       from school_area_observation
      where area_code = any($1::int[]) ${publications ? 'and publication = any($2::text[])' : ''}
      order by year_number`,
    publications ? [areaCodes, publications] : [areaCodes],
  );
}

/** What a file's column means (its meta label), for the profile's "all figures" table. */
export async function measureLabels(
  db: Queryable,
): Promise<{ publication: string; code: string; label: string }[]> {
  return db.query('select publication, code, label from school_measure order by publication, code');
}
