/**
 * The SYNTHETIC demo schools: pure and seeded, so the same seed always gives the same schools.
 * For every current LA a few primary and secondary schools named "Demo ... (synthetic)", URNs
 * from 900000 (no real school's), with four academic years (2021/22 to 2024/25) of census, KS2 or
 * KS4 and absence figures under the performance tables' column names, the LA and England rows
 * those files carry (totalled from the demo schools), and Ofsted inspections on both scales. A
 * school's figures are drawn around its LA's own demo figures (demo-school-anchors.ts), so an
 * LA's schools and its LA pages tell one story. Nothing here is a real school or official figure.
 */
import type { Area } from '../measures/areas.js';
import type { InspectionRecord } from '../schools/inspections.repository.js';
import type { FiguresOf, MeasureColumn } from '../schools/observations.repository.js';
import type { SchoolListing } from '../schools/register.repository.js';
import type { DemoData } from './demo-data.js';
import { demoInspections } from './demo-inspections.js';
import { laAnchors, type LaAnchors } from './demo-school-anchors.js';
import { absenceYear, censusYear } from './demo-school-context.js';
import { ks2Year } from './demo-school-ks2.js';
import { ks4Year } from './demo-school-ks4.js';
import {
  demoMeasureColumns,
  demoSchoolPublications,
  type DemoSchoolPublication,
} from './demo-school-measures.js';
import { demoSchoolYears, type DemoSchool, type SchoolYear } from './demo-school-model.js';
import { demoSchoolRegister } from './demo-school-register.js';
import { areaTotals, type AreaKey, type Totalled } from './demo-school-totals.js';

export { demoSchoolSuppressedMarker, demoSchoolYears, demoUrnBase } from './demo-school-model.js';

/** One publication's figures for one year: what one performance-tables file would hold. */
export interface DemoSchoolFile {
  publication: DemoSchoolPublication;
  year: { label: string; first: number };
  schools: FiguresOf<number>[];
  areas: FiguresOf<AreaKey>[];
}

export interface DemoSchoolsData {
  schools: SchoolListing[];
  measures: { publication: DemoSchoolPublication; columns: MeasureColumn[] }[];
  files: DemoSchoolFile[];
  inspections: InspectionRecord[];
}

function yearFiles(
  register: DemoSchool[],
  year: SchoolYear,
  anchors: LaAnchors,
  seed: string,
): { files: DemoSchoolFile[]; rolls: Map<number, number> } {
  const rows: Record<DemoSchoolPublication, Totalled[]> = {
    census: [],
    ks2: [],
    ks4: [],
    absence: [],
  };
  const rolls = new Map<number, number>();
  for (const school of register) {
    const census = censusYear(school, year, seed);
    rolls.set(school.listing.urn, census.nor);
    rows.census.push({ school, row: census.row, pupils: census.nor });
    const results =
      school.phase === 'Primary'
        ? ks2Year(school, year, census, anchors, seed)
        : ks4Year(school, year, census, anchors, seed);
    const cohort = results.figures[0]!.value!; // TELIG or TPUP
    rows[school.phase === 'Primary' ? 'ks2' : 'ks4'].push({ school, row: results, pupils: cohort });
    const absence = absenceYear(school, year, anchors, seed);
    rows.absence.push({ school, row: absence, pupils: census.nor });
  }
  const files = demoSchoolPublications.map((publication) => ({
    publication,
    year: { label: year.label, first: year.first },
    schools: rows[publication].map((r) => ({ key: r.row.urn, figures: r.row.figures })),
    areas: areaTotals(publication, rows[publication]),
  }));
  return { files, rolls };
}

/** The demo schools of the current LAs among `areas`, tied to the demo LA data set `data`. */
export function generateDemoSchools(
  areas: readonly Area[],
  data: Pick<DemoData, 'seed' | 'profiles' | 'observations'>,
): DemoSchoolsData {
  const las = areas
    .filter((a) => a.kind === 'la' && a.status === 'current')
    .sort((a, b) => a.code - b.code);
  const regionNames = new Map(
    areas.filter((a) => a.kind === 'region').map((a) => [a.code, a.name]),
  );
  const profiles = new Map(data.profiles.map((p) => [p.laCode, p]));
  const register = demoSchoolRegister(las, regionNames, profiles, data.seed);
  const anchors = laAnchors(data.observations);
  const files: DemoSchoolFile[] = [];
  let rolls = new Map<number, number>();
  for (const year of demoSchoolYears) {
    const made = yearFiles(register, year, anchors, data.seed);
    files.push(...made.files);
    rolls = made.rolls;
  }
  return {
    // The register's pupil number is the latest census's.
    schools: register.map((s) => ({ ...s.listing, pupils: rolls.get(s.listing.urn) ?? null })),
    measures: demoSchoolPublications.map((publication) => ({
      publication,
      columns: demoMeasureColumns(publication),
    })),
    files,
    inspections: register.flatMap((s) => demoInspections(s, data.seed)),
  };
}

/** How many figures the demo schools hold (school rows, then LA and England rows). */
export function countDemoSchoolFigures(d: DemoSchoolsData): { schools: number; areas: number } {
  const count = (rows: FiguresOf<unknown>[]) => rows.reduce((n, r) => n + r.figures.length, 0);
  return {
    schools: d.files.reduce((n, f) => n + count(f.schools), 0),
    areas: d.files.reduce((n, f) => n + count(f.areas), 0),
  };
}
