import type { Queryable } from '../core/db.js';
import { englandCode, type Area } from '../measures/areas.js';
import { listAreas } from '../measures/areas.repository.js';
import { schoolInspections, type StoredInspection } from './inspections.repository.js';
import { listSchoolLinksAround } from './register.repository.js';
import { continuesSeries, predecessors, successors, type LinkedSchool } from './succession.js';
import { ComparisonFigures } from './comparison.js';
import { gapRows, type GapRow } from './gaps.js';
import { LineageFigures, profileSections, type ProfileSection } from './profile.js';
import {
  areaFigures,
  figuresOfSchools,
  findSchool,
  type AreaFigureRow,
  type SchoolFigureRow,
  type SchoolRecord,
} from './schools.repository.js';

export type { StoredInspection };

export interface SchoolProfile {
  school: SchoolRecord;
  la: Area | null;
  /** The school's URN and its predecessors', newest first: whose figures the time series joins. */
  lineage: number[];
  /** The schools it was before a conversion or merger (GIAS links), nearest first. */
  predecessors: LinkedSchool[];
  /** The schools it became, when it closed to become another. */
  successors: LinkedSchool[];
  sections: ProfileSection[];
  /** Disadvantaged pupils against the others, by year, with England's gap (gaps.ts). */
  gaps: GapRow[];
  /** Ofsted inspections of the school and its predecessors, newest first, both frameworks. */
  inspections: StoredInspection[];
  /** Every stored figure of the school and its predecessors (the JSON and "all figures" table). */
  figures: SchoolFigureRow[];
}

/**
 * What a profile reads besides the school's own rows: the same for every school of an LA, so the
 * web app keeps them per data version (web/services/schools.service.ts). Without that, 2,500
 * rows of LA and England figures were read again for every profile (docs/performance.md).
 */
export interface ProfileContext {
  areas(): Promise<Area[]>;
  /** Every stored LA or England row of one area, every publication, oldest year first. */
  areaFigures(areaCode: number): Promise<AreaFigureRow[]>;
}

/** The context read straight from the store (the CLI, tests). */
export function storeContext(db: Queryable): ProfileContext {
  return {
    areas: () => listAreas(db),
    areaFigures: (areaCode) => areaFigures(db, [areaCode]),
  };
}

/** The LA's and England's rows of the publications the school has figures in, oldest first. */
async function comparisonRows(
  context: ProfileContext,
  laCode: number | null,
  figures: SchoolFigureRow[],
): Promise<AreaFigureRow[]> {
  const publications = new Set(figures.map((f) => f.publication));
  const codes = laCode === null ? [englandCode] : [laCode, englandCode];
  const rows = (await Promise.all(codes.map((c) => context.areaFigures(c)))).flat();
  return rows
    .filter((r) => publications.has(r.publication))
    .sort((a, b) => a.yearNumber - b.yearNumber);
}

/** A school's profile, or null when Lantern holds nothing about the URN. */
export async function loadSchoolProfile(
  db: Queryable,
  urn: number,
  context: ProfileContext = storeContext(db),
): Promise<SchoolProfile | null> {
  const school = await findSchool(db, urn);
  const links = await listSchoolLinksAround(db, urn, { follow: continuesSeries });
  const before = predecessors(urn, links);
  const lineage = [urn, ...before.map((p) => p.urn)];
  const figures = await figuresOfSchools(db, lineage);
  const inspections = (await Promise.all(lineage.map((u) => schoolInspections(db, u))))
    .flat()
    .sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
  if (!school && figures.length === 0 && inspections.length === 0) return null;
  const record = school ?? unnamedSchool(urn);
  const la = (await context.areas()).find((a) => a.code === record.laCode) ?? null;
  const comparisons = await comparisonRows(context, record.laCode, figures);
  const lineageFigures = new LineageFigures(figures, lineage);
  const sections = profileSections(urn, record, lineageFigures, comparisons);
  const gaps = gapRows(
    (p, c, y) => {
      const f = lineageFigures.get(p, c, y);
      return f ? { value: f.value, marker: f.marker } : null;
    },
    (p) => lineageFigures.years(p),
    new ComparisonFigures(comparisons),
    record.phase,
  );
  return {
    school: record,
    la,
    lineage,
    predecessors: before,
    successors: successors(urn, links),
    sections,
    gaps,
    inspections,
    figures,
  };
}

/** A URN with figures (the census, absence) that no file with names has listed yet. */
function unnamedSchool(urn: number): SchoolRecord {
  return {
    urn,
    name: `School ${urn}`,
    laCode: null,
    estab: null,
    phase: null,
    schoolType: null,
    typeGroup: null,
    status: null,
    trust: null,
    openDate: null,
    closeDate: null,
    capacity: null,
    pupils: null,
    religiousCharacter: null,
    gender: null,
    ageLow: null,
    ageHigh: null,
    postcode: null,
    source: 'none',
  };
}

/** The `lantern school --format json` shape: the contract (urn, name, laCode, phase, measures). */
export function schoolJson(p: SchoolProfile) {
  const { school } = p;
  return {
    urn: school.urn,
    name: school.name,
    laCode: school.laCode,
    laName: p.la?.name ?? null,
    phase: school.phase,
    type: school.schoolType,
    typeGroup: school.typeGroup,
    status: school.status,
    trust: school.trust,
    openDate: school.openDate,
    closeDate: school.closeDate,
    predecessors: p.predecessors.map((s) => ({
      urn: s.urn,
      name: s.name,
      linkType: s.linkType,
      date: s.date,
    })),
    successors: p.successors.map((s) => ({
      urn: s.urn,
      name: s.name,
      linkType: s.linkType,
      date: s.date,
    })),
    measures: p.figures
      .filter((f) => f.text === null)
      .map((f) => ({
        code: f.code,
        publication: f.publication,
        year: f.yearLabel,
        value: f.value,
        marker: f.marker,
        ...(f.urn === school.urn ? {} : { urn: f.urn }),
      })),
    gaps: gapsJson(p.gaps),
    inspections: p.inspections.map((i) => ({
      urn: i.urn,
      inspectionNumber: i.inspectionNumber,
      framework: i.framework,
      type: i.inspectionType,
      startDate: i.startDate,
      publicationDate: i.publicationDate,
      overallEffectiveness: i.overallEffectiveness,
      safeguarding: i.safeguarding,
      categoryOfConcern: i.categoryOfConcern,
      judgements: i.judgements,
    })),
    descriptions: p.figures
      .filter((f) => f.text !== null)
      .map((f) => ({ code: f.code, publication: f.publication, year: f.yearLabel, text: f.text })),
  };
}

/** Gaps as JSON: each year's disadvantaged and other pupils' figures, the gap and England's. */
export function gapsJson(gaps: GapRow[]) {
  return gaps.map((g) => ({
    id: g.definition.id,
    label: g.definition.label,
    disadvantagedCode: g.definition.disadvantaged,
    othersCode: g.definition.others,
    trend: g.trend,
    years: g.years.map((y) => ({
      year: y.yearLabel,
      disadvantaged: y.disadvantaged?.value ?? null,
      disadvantagedMarker: y.disadvantaged?.marker ?? null,
      others: y.others?.value ?? null,
      othersMarker: y.others?.marker ?? null,
      gap: y.gap,
      englandGap: y.englandGap,
      versusEngland: y.versusEngland,
    })),
  }));
}
