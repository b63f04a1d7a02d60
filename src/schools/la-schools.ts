import { comparisonKinds } from './comparison.js';
import { englandCode } from '../measures/areas.js';
import type { HeadlineFigure } from './headlines.js';
import type { LaInspection } from './inspections.repository.js';
import { ofstedOutcome, type OfstedOutcome } from './ofsted-outcome.js';
import type { Reading } from './profile.js';
import type { AreaFigureRow, SchoolFigureRow, SchoolRecord } from './schools.repository.js';

/** A column of the LA's schools list: one headline figure in the latest year the LA's schools have it. */
export interface ListColumn {
  figure: HeadlineFigure;
  yearLabel: string;
}

export interface ListedSchool {
  school: SchoolRecord;
  /** The latest inspection that graded something (ofsted-outcome.ts), with its start date. */
  ofsted: OfstedOutcome;
  inspectedOn: string | null;
  /** By `${publication}:${code}`: the school's figure in the column's year. */
  figures: Record<string, Reading | null>;
  /** By the same key: England's published figure for the school's phase in that year. */
  england: Record<string, Reading | null>;
}

export const columnKey = (f: Pick<HeadlineFigure, 'publication' | 'code'>) =>
  `${f.publication}:${f.code}`;

/** The latest year of each figure among these rows; figures no school has are left out. */
export function listColumns(figures: HeadlineFigure[], rows: SchoolFigureRow[]): ListColumn[] {
  const latest = new Map<string, { label: string; number: number }>();
  for (const r of rows) {
    if (r.value === null && r.marker === null) continue;
    const k = `${r.publication}:${r.code}`;
    const held = latest.get(k);
    if (!held || r.yearNumber > held.number)
      latest.set(k, { label: r.yearLabel, number: r.yearNumber });
  }
  return figures.flatMap((figure) => {
    const year = latest.get(columnKey(figure));
    return year ? [{ figure, yearLabel: year.label }] : [];
  });
}

/** Each school with its figure in every column's year, and England's beside it. */
export function listSchools(
  schools: SchoolRecord[],
  columns: ListColumn[],
  rows: SchoolFigureRow[],
  englandRows: AreaFigureRow[],
  inspections: LaInspection[] = [],
): ListedSchool[] {
  const latest = new Map(inspections.map((i) => [i.urn, i]));
  const byKey = new Map<string, SchoolFigureRow>();
  for (const r of rows) byKey.set(`${r.urn}|${r.publication}:${r.code}|${r.yearLabel}`, r);
  const england = new Map<string, AreaFigureRow>();
  for (const r of englandRows)
    if (r.areaCode === englandCode)
      england.set(`${r.rowKind}|${r.publication}:${r.code}|${r.yearLabel}`, r);
  return schools.map((school) => {
    const figures: Record<string, Reading | null> = {};
    const nationally: Record<string, Reading | null> = {};
    for (const c of columns) {
      const k = columnKey(c.figure);
      const own = byKey.get(`${school.urn}|${k}|${c.yearLabel}`);
      figures[k] = own ? { value: own.value, marker: own.marker } : null;
      const kind = comparisonKinds('england', school.phase).find((kd) =>
        england.has(`${kd}|${k}|${c.yearLabel}`),
      );
      const e = kind ? england.get(`${kind}|${k}|${c.yearLabel}`)! : null;
      nationally[k] = e ? { value: e.value, marker: e.marker } : null;
    }
    const inspection = latest.get(school.urn) ?? null;
    return {
      school,
      ofsted: ofstedOutcome(inspection),
      inspectedOn: inspection?.startDate ?? null,
      figures,
      england: nationally,
    };
  });
}

export interface ListFilters {
  phase?: string;
  type?: string;
  trust?: string;
  /** An ofsted-outcome.ts key: only schools whose latest outcome it is. */
  ofsted?: string;
  /** Column key: only schools whose figure is worse than England's for their phase. */
  belowEngland?: string;
  /** Only schools whose overall absence is above England's (attendance below the national average). */
  attendanceBelowEngland?: boolean;
}

/** "Worse than England" follows the figure's polarity: below for attainment, above for absence. */
export function worseThanEngland(
  figure: HeadlineFigure,
  own: Reading | null,
  england: Reading | null,
): boolean {
  if (own?.value == null || england?.value == null || figure.polarity === null) return false;
  return figure.polarity === 'high' ? own.value < england.value : own.value > england.value;
}

export function filterSchools(
  list: ListedSchool[],
  columns: ListColumn[],
  f: ListFilters,
): ListedSchool[] {
  const below = columns.find((c) => columnKey(c.figure) === f.belowEngland);
  const absence = columns.find(
    (c) => c.figure.publication === 'absence' && c.figure.code === 'PERCTOT',
  );
  return list.filter((s) => {
    if (f.phase && s.school.phase !== f.phase) return false;
    if (f.type && s.school.schoolType !== f.type) return false;
    if (f.trust && s.school.trust !== f.trust) return false;
    if (f.ofsted && s.ofsted.key !== f.ofsted) return false;
    if (
      below &&
      !worseThanEngland(
        below.figure,
        s.figures[columnKey(below.figure)] ?? null,
        s.england[columnKey(below.figure)] ?? null,
      )
    )
      return false;
    if (f.attendanceBelowEngland) {
      if (!absence) return false;
      const k = columnKey(absence.figure);
      if (!worseThanEngland(absence.figure, s.figures[k] ?? null, s.england[k] ?? null))
        return false;
    }
    return true;
  });
}
