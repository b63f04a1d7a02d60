/**
 * LA measures made from school data (issue 10 part 4): the share of schools, and of pupils in
 * schools, by latest Ofsted outcome, for every LA, region and England, stored as Lantern
 * measures so that a strategy can set targets on them and the benchmark engine ranks and bands
 * them like any published figure. Pure: the rules are ofsted-grades.ts's; the method is in
 * docs/methods.md ("Ofsted measures made from school data").
 */
import { englandCode, isInRegion, type Area } from '../measures/areas.js';
import type { Measure } from '../measures/measure.js';
import type { ObservationRow } from '../measures/observations.repository.js';
import { goodOrOutstanding, noAreaBelowExpected, type InspectionGrades } from './ofsted-grades.js';

export interface SchoolForMeasures {
  urn: number;
  laCode: number;
  /** GIAS NumberOfPupils, or the school's latest census NOR; null when neither is held. */
  pupils: number | null;
  /** Its latest graded inspection with an overall effectiveness of 1 to 4. */
  graded: (InspectionGrades & { startDate: string | null }) | null;
  /** Its latest report card. */
  reportCard: (InspectionGrades & { startDate: string | null }) | null;
}

interface Definition {
  code: string;
  name: string;
  framework: 'graded' | 'reportCard';
  /** Pupils rather than schools. */
  pupils: boolean;
  test: (i: InspectionGrades) => boolean | null;
  description: string;
}

const graded = 'latest graded inspection (overall effectiveness 1 Outstanding or 2 Good)';
const card =
  'latest report card with no evaluation area below Expected standard and safeguarding Met';

const definitions: Definition[] = [
  {
    code: 'SCH_OFSTED_GOOD_SCHOOLS',
    name: 'Schools judged good or outstanding (%)',
    framework: 'graded',
    pupils: false,
    test: goodOrOutstanding,
    description: `Open schools whose ${graded}, as a percentage of open schools with such an inspection.`,
  },
  {
    code: 'SCH_OFSTED_GOOD_PUPILS',
    name: 'Pupils in schools judged good or outstanding (%)',
    framework: 'graded',
    pupils: true,
    test: goodOrOutstanding,
    description: `Pupils in open schools whose ${graded}, as a percentage of pupils in open schools with such an inspection.`,
  },
  {
    code: 'SCH_RC_EXPECTED_SCHOOLS',
    name: 'Schools with no report-card area below Expected standard (%)',
    framework: 'reportCard',
    pupils: false,
    test: noAreaBelowExpected,
    description: `Open schools whose ${card}, as a percentage of open schools with a report card.`,
  },
  {
    code: 'SCH_RC_EXPECTED_PUPILS',
    name: 'Pupils in schools with no report-card area below Expected standard (%)',
    framework: 'reportCard',
    pupils: true,
    test: noAreaBelowExpected,
    description: `Pupils in open schools whose ${card}, as a percentage of pupils in open schools with a report card.`,
  },
];

export const ofstedMeasureCodes = definitions.map((d) => d.code);

/** The measures as the store defines them (topic "Schools: Ofsted", higher is better). */
export const ofstedMeasures: Measure[] = definitions.map((d) => ({
  code: d.code,
  name: d.name,
  topic: 'Schools: Ofsted',
  polarity: 'high',
  decimalPlaces: 1,
  decimalPlacesPublished: false,
  yearType: 'Inspections held by Lantern, to the date in the year label',
  unitLabel: '%',
  chartTitle: d.name,
  description: d.description,
  methodology:
    'Lantern, from Ofsted management information and GIAS: docs/methods.md, "Ofsted measures made from school data".',
  source: 'Lantern, from Ofsted management information (school inspections) and GIAS',
  sourceLinks: null,
  lastUpdate: null,
  nextUpdate: null,
  noQuartile: false,
}));

export type OfstedYear = { label: string; number: number };

/**
 * "2026 (to 15 Jan)": the year and date of the newest inspection of the framework the figures
 * include (graded inspections ended in 2025; report cards began in November 2025).
 */
export function ofstedYear(
  schools: SchoolForMeasures[],
  framework: 'graded' | 'reportCard',
): OfstedYear | null {
  const dates = schools
    .map((s) => (framework === 'graded' ? s.graded : s.reportCard)?.startDate)
    .filter((d): d is string => !!d);
  if (dates.length === 0) return null;
  const latest = dates.reduce((a, b) => (a > b ? a : b));
  const [y, m, d] = latest.split('-');
  const month = new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleString('en-GB', {
    month: 'short',
    timeZone: 'UTC',
  });
  return { label: `${y} (to ${Number(d)} ${month})`, number: Number(y) };
}

/**
 * Each measure for every LA, region and England that has a school with such an inspection:
 * shares of schools (or pupils) counted over the schools themselves, never averaged over LAs.
 */
export function ofstedShares(schools: SchoolForMeasures[], areas: Area[]): ObservationRow[] {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const regions = areas.filter((a) => a.kind === 'region');
  const rows: ObservationRow[] = [];
  const years = {
    graded: ofstedYear(schools, 'graded'),
    reportCard: ofstedYear(schools, 'reportCard'),
  };
  for (const d of definitions) {
    const year = years[d.framework];
    if (!year) continue;
    const tally = new Map<number, { yes: number; all: number }>();
    const add = (code: number, weight: number, yes: boolean) => {
      const t = tally.get(code) ?? { yes: 0, all: 0 };
      t.all += weight;
      if (yes) t.yes += weight;
      tally.set(code, t);
    };
    for (const s of schools) {
      const inspection = d.framework === 'graded' ? s.graded : s.reportCard;
      const result = inspection ? d.test(inspection) : null;
      const weight = d.pupils ? s.pupils : 1;
      if (result === null || weight === null || weight <= 0) continue;
      const la = byCode.get(s.laCode);
      if (!la || la.kind !== 'la') continue;
      add(la.code, weight, result);
      add(englandCode, weight, result);
      for (const r of regions) if (isInRegion(la, r.code, byCode)) add(r.code, weight, result);
    }
    for (const [areaCode, t] of tally)
      if (t.all > 0)
        rows.push({
          measureCode: d.code,
          areaCode,
          yearLabel: year.label,
          yearNumber: year.number,
          value: (100 * t.yes) / t.all,
          suppression: null,
        });
  }
  return rows;
}
