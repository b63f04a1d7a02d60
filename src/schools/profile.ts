import { ComparisonFigures } from './comparison.js';
import {
  headlineFigures,
  notPublishedReason,
  smallCohort,
  type HeadlineFigure,
  type HeadlineGroup,
} from './headlines.js';
import type { AreaFigureRow, SchoolFigureRow } from './schools.repository.js';

/** A published value or its marker (SUPP ...); null when the file had nothing. */
export interface Reading {
  value: number | null;
  marker: string | null;
}

export interface ProfileYear {
  yearLabel: string;
  yearNumber: number;
  school: Reading | null;
  /** "Not published: ..." for a year the DfE published no such figure. */
  notPublished: string | null;
  la: Reading | null;
  england: Reading | null;
  interval: { lower: number; upper: number } | null;
  cohort: number | null;
  smallCohort: boolean;
  /** The URN the figure was published under, when it is a predecessor's (before a conversion). */
  fromUrn: number | null;
}

export interface ProfileRow {
  figure: HeadlineFigure;
  years: ProfileYear[];
  /** Cohort-weighted mean of the last three years with a figure, when single years are noisy. */
  threeYear: { value: number; years: string[] } | null;
}

export interface ProfileSection {
  group: HeadlineGroup;
  rows: ProfileRow[];
}

/** Figures by (publication, code, year): the school's own first, then its predecessors' newest first. */
export class LineageFigures {
  private readonly byKey = new Map<string, SchoolFigureRow>();

  constructor(rows: SchoolFigureRow[], lineage: number[]) {
    const rank = new Map(lineage.map((u, i) => [u, i]));
    for (const r of rows) {
      const k = key(r.publication, r.code, r.yearLabel);
      const held = this.byKey.get(k);
      if (!held || (rank.get(r.urn) ?? 99) < (rank.get(held.urn) ?? 99)) this.byKey.set(k, r);
    }
  }

  get(publication: string, code: string, yearLabel: string): SchoolFigureRow | undefined {
    return this.byKey.get(key(publication, code, yearLabel));
  }

  years(publication: string): { label: string; number: number }[] {
    const seen = new Map<string, number>();
    for (const r of this.byKey.values())
      if (r.publication === publication) seen.set(r.yearLabel, r.yearNumber);
    return [...seen]
      .map(([label, number]) => ({ label, number }))
      .sort((a, b) => a.number - b.number);
  }
}

function key(publication: string, code: string, year: string): string {
  return `${publication}|${code}|${year}`;
}

/**
 * The profile's sections: each headline figure for every year the school (or its predecessor)
 * has the publication, with the years between that the DfE did not publish said as such, and the
 * LA's and England's published figure beside it.
 */
export function profileSections(
  urn: number,
  school: { laCode: number | null; phase: string | null },
  figures: LineageFigures,
  comparisons: AreaFigureRow[],
): ProfileSection[] {
  const compare = new ComparisonFigures(comparisons);
  const sections: ProfileSection[] = [];
  for (const [group, list] of Object.entries(headlineFigures) as [
    HeadlineGroup,
    HeadlineFigure[],
  ][]) {
    const rows = list
      .map((figure) => profileRow(urn, figure, school, figures, compare))
      .filter((r) => r.years.some((y) => y.school !== null));
    if (rows.length > 0) sections.push({ group, rows });
  }
  return sections;
}

function profileRow(
  urn: number,
  figure: HeadlineFigure,
  school: { laCode: number | null; phase: string | null },
  figures: LineageFigures,
  compare: ComparisonFigures,
): ProfileRow {
  const { publication, code } = figure;
  const years = withUnpublishedYears(figures.years(publication), publication, code).map((y) => {
    const own = figures.get(publication, code, y.label);
    const cohortRow = figure.cohort ? figures.get(publication, figure.cohort, y.label) : undefined;
    const cohort = cohortRow?.value ?? null;
    const lower = figure.interval
      ? figures.get(publication, figure.interval.lower, y.label)?.value
      : null;
    const upper = figure.interval
      ? figures.get(publication, figure.interval.upper, y.label)?.value
      : null;
    // A count (pupils on roll) is the school's size, not something to compare with a total.
    const compared = figure.unit !== 'count';
    const la = compared
      ? compare.la(school.laCode, school.phase, publication, code, y.label)
      : null;
    const england = compared ? compare.england(school.phase, publication, code, y.label) : null;
    return {
      yearLabel: y.label,
      yearNumber: y.number,
      school: own ? { value: own.value, marker: own.marker } : null,
      // A year the DfE did not publish says so, whether the file left the cell out or wrote z.
      notPublished: own?.value != null ? null : notPublishedReason(publication, code, y.number),
      la: la ? { value: la.value, marker: la.marker } : null,
      england: england ? { value: england.value, marker: england.marker } : null,
      interval: lower != null && upper != null ? { lower, upper } : null,
      cohort,
      smallCohort: cohort !== null && cohort < smallCohort,
      fromUrn: own && own.urn !== urn ? own.urn : null,
    };
  });
  return { figure, years, threeYear: threeYearAverage(figure, years) };
}

/** Adds the years between the first and last that the DfE did not publish (2019/20 ...). */
function withUnpublishedYears(
  years: { label: string; number: number }[],
  publication: string,
  code: string,
): { label: string; number: number }[] {
  if (years.length === 0) return years;
  const have = new Set(years.map((y) => y.number));
  const out = [...years];
  for (let n = years[0]!.number; n <= years.at(-1)!.number; n++) {
    if (!have.has(n) && notPublishedReason(publication, code, n))
      out.push({ label: `${n}/${String((n + 1) % 100).padStart(2, '0')}`, number: n });
  }
  return out.sort((a, b) => a.number - b.number);
}

/**
 * The mean of the last three published years weighted by each year's cohort (as the DfE's own
 * three-year averages are), for percentages and scores with a cohort; null with fewer than three.
 */
export function threeYearAverage(
  figure: HeadlineFigure,
  years: ProfileYear[],
): ProfileRow['threeYear'] {
  if (!figure.cohort || figure.unit === 'count' || figure.unit === 'progress') return null;
  const usable = years.filter((y) => y.school?.value != null && y.cohort !== null && y.cohort > 0);
  const last = usable.slice(-3);
  if (last.length < 3) return null;
  const weight = last.reduce((s, y) => s + y.cohort!, 0);
  const value = last.reduce((s, y) => s + y.school!.value! * y.cohort!, 0) / weight;
  return { value, years: last.map((y) => y.yearLabel) };
}
