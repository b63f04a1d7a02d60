/**
 * SYNTHETIC Ofsted inspections of the demo schools, grades as published (ADR 0015) in the words
 * schools/ofsted-grades.ts names: every school has a graded inspection under the education
 * inspection framework (September 2019 to July 2025; from September 2024 with no overall
 * effectiveness grade, 'Not judged'), some an earlier one under the 2012 framework (2014/15),
 * and some a report card (from 10 November 2025). Grades follow the school's effectiveness, with
 * noise. Inspection numbers are "DEMO-<urn>-<n>", which no real inspection has.
 */
import type { InspectionRecord } from '../schools/inspections.repository.js';
import {
  framework2012Judgements,
  gradedScale,
  oeifJudgements,
  reportCardAreas,
  reportCardScale,
} from '../schools/ofsted-grades.js';
import type { DemoSchool } from './demo-school-model.js';
import { randomStream, type Random } from './random.js';

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at = (date: string) => Date.parse(`${date}T00:00:00Z`);

type Windows = readonly (readonly [number, number])[];
const windows = (list: [string, string][]): Windows => list.map(([a, b]) => [at(a), at(b)]);

/** A day from Monday to Thursday in one of the windows (terms Ofsted inspected in), from `after`. */
function dateIn(spans: Windows, r: Random, after: number): string | null {
  const open = spans
    .map(([from, to]) => [Math.max(from, after), to] as const)
    .filter(([f, t]) => t > f);
  const length = open.reduce((s, [from, to]) => s + (to - from), 0);
  let t = r.next() * length;
  for (const [from, to] of open) {
    if (t < to - from) {
      const d = from + Math.floor(t / day) * day;
      const weekday = new Date(d).getUTCDay(); // 0 Sunday
      const shift = weekday === 5 ? -1 : weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
      return iso(d + shift * day);
    }
    t -= to - from;
  }
  return null;
}

const eifWindows = windows([
  ['2019-09-09', '2020-03-13'], // inspections stopped for COVID-19 in March 2020
  ['2021-09-06', '2024-07-19'],
  ['2024-09-09', '2025-07-18'],
]);
const framework2012Window = windows([['2014-09-08', '2015-07-17']]);
const reportCardWindows = windows([
  ['2025-11-10', '2025-12-17'],
  ['2026-01-05', '2026-07-17'],
  ['2026-09-07', '2026-10-16'],
]);

/** '1'..'4' from a standard normal: about 16% Outstanding, 74% Good, 8% RI, 2% Inadequate. */
function gradeOf(z: number): number {
  return z > 1 ? 1 : z > -1.28 ? 2 : z > -1.96 ? 3 : 4;
}

/** A key judgement: usually the overall grade, sometimes one either side. */
function near(grade: number, r: Random): string {
  const n = r.normal();
  return String(Math.min(4, Math.max(1, grade + (n < -1.3 ? -1 : n > 1.3 ? 1 : 0))));
}

function record(s: DemoSchool, n: number, start: string, r: Random, days: number) {
  const s0 = at(start);
  return {
    urn: s.listing.urn,
    inspectionNumber: `DEMO-${s.listing.urn}-${n}`,
    inspectionType: 'S5 Inspection',
    startDate: start,
    endDate: iso(s0 + days * day),
    publicationDate: iso(s0 + (20 + Math.floor(r.next() * 16)) * day),
  };
}

function graded(s: DemoSchool, n: number, start: string, r: Random): InspectionRecord {
  const grade = gradeOf((s.quality + 0.55 * r.normal()) / 1.14);
  const eif = start >= '2019-09-01';
  const judgements: Record<string, string> = {};
  const names = eif ? oeifJudgements.slice(0, 4) : framework2012Judgements;
  for (const name of names) judgements[name] = near(grade, r);
  if (eif) {
    judgements['Safeguarding is effective?'] = grade === 4 && r.next() < 0.5 ? 'No' : 'Yes';
    judgements['Early years provision (where applicable)'] =
      s.phase === 'Primary' ? near(grade, r) : '9';
    judgements['Sixth form provision (where applicable)'] = s.sixthForm ? near(grade, r) : '9';
  }
  const leadership = judgements[names[names.length - 1]!];
  return {
    ...record(s, n, start, r, 1),
    framework: 'graded',
    // From September 2024 graded inspections give no overall effectiveness grade.
    overallEffectiveness: start >= '2024-09-01' ? 'Not judged' : gradedScale[grade - 1]!.grade,
    categoryOfConcern: grade === 4 ? (leadership === '4' ? 'SM' : 'SWK') : null,
    safeguarding: null,
    judgements,
  };
}

/** A report-card area: mostly Expected standard, some Strong, a few at either end. */
function areaGrade(z: number): string {
  const i = z > 2 ? 0 : z > 0.75 ? 1 : z > -1.3 ? 2 : z > -2.05 ? 3 : 4;
  return reportCardScale[i]!;
}

function reportCard(s: DemoSchool, n: number, start: string, r: Random): InspectionRecord {
  const school = r.normal();
  const judgements: Record<string, string> = {};
  for (const area of reportCardAreas) {
    const applies =
      (area !== 'Early years (where applicable)' || s.phase === 'Primary') &&
      (area !== 'Post-16 provision (where applicable)' || s.sixthForm);
    judgements[area] = applies
      ? areaGrade((s.quality + 0.3 * school + 0.5 * r.normal()) / 1.16)
      : 'Not applicable';
  }
  const safeguarding = r.next() < 0.012 ? 'Not met' : 'Met';
  const urgent = Object.values(judgements).includes('Urgent improvement');
  const leadershipUrgent = judgements['Leadership and governance'] === 'Urgent improvement';
  return {
    ...record(s, n, start, r, 2),
    framework: 'report-card',
    overallEffectiveness: null,
    categoryOfConcern:
      safeguarding === 'Not met' || leadershipUrgent ? 'SM' : urgent ? 'RSI' : null,
    safeguarding,
    judgements,
  };
}

/** A demo school's inspections, oldest first. */
export function demoInspections(s: DemoSchool, seed: string): InspectionRecord[] {
  const r = randomStream(`${seed}|school|${s.listing.urn}|ofsted`);
  // An academy is inspected under its own URN from about a year after it opened.
  const after = s.listing.openDate ? at(s.listing.openDate) + 365 * day : 0;
  const list: InspectionRecord[] = [];
  const add = (make: typeof graded, spans: Windows, chance: number, earliest = after) => {
    if (r.next() >= chance) return;
    const start = dateIn(spans, r, earliest);
    if (start) list.push(make(s, list.length + 1, start, r));
  };
  add(graded, framework2012Window, 0.4);
  add(graded, eifWindows, 1);
  add(reportCard, reportCardWindows, 0.3, 0);
  return list;
}
