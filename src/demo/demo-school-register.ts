/**
 * The SYNTHETIC demo schools' register: for every current LA, 5-10 primary and 2-4 secondary
 * schools named "Demo ... (synthetic)", with URNs from 900000 (demo-school-model.ts), a GIAS-like
 * type, and a trust for the academies. Each school's intake and effectiveness are drawn once
 * from seeded streams keyed by its URN, so adding an LA never changes another LA's schools.
 */
import type { Area } from '../measures/areas.js';
import type { SchoolListing } from '../schools/register.repository.js';
import type { DemoProfile } from './demo-data.js';
import { clamp, demoSchoolUrn, type DemoSchool } from './demo-school-model.js';
import { randomStream, type Random } from './random.js';

/** Schools per LA: City of London has one primary school, the Isles of Scilly a handful of pupils. */
const tinyLaCounts: Record<number, { primary: number; secondary: number }> = {
  201: { primary: 1, secondary: 0 },
  420: { primary: 2, secondary: 1 },
};

/** The first school number of each phase: URN 9LLL01.. for primaries, 9LLL51.. for secondaries. */
const firstNumber = { Primary: 1, Secondary: 51 } as const;

interface SchoolType {
  schoolType: string;
  typeGroup: string;
  academy: boolean;
  religiousCharacter: string;
}

const maintained = 'Local authority maintained schools';
const type = (
  schoolType: string,
  typeGroup: string,
  religiousCharacter = 'Does not apply',
): SchoolType => ({
  schoolType,
  typeGroup,
  academy: typeGroup !== maintained,
  religiousCharacter,
});

/** A GIAS type for the school: more sponsored academies among the more disadvantaged schools. */
function chooseType(phase: DemoSchool['phase'], disadvantage: number, r: Random): SchoolType {
  const u = r.next();
  const faith = r.next() < 0.6 ? 'Church of England' : 'Roman Catholic';
  const sponsored = (phase === 'Primary' ? 0.06 : 0.14) * (1 + Math.max(0, disadvantage));
  if (u < sponsored) return type('Academy sponsor led', 'Academies');
  const academies = phase === 'Primary' ? 0.42 : 0.8;
  if (phase === 'Secondary' && u < sponsored + 0.05) return type('Free schools', 'Free Schools');
  if (u < academies)
    return type('Academy converter', 'Academies', r.next() < 0.25 ? faith : 'Does not apply');
  const v = r.next();
  if (v < 0.55) return type('Community school', maintained);
  if (v < 0.8) return type('Voluntary aided school', maintained, faith);
  if (v < 0.92 && phase === 'Primary')
    return type('Voluntary controlled school', maintained, 'Church of England');
  return type('Foundation school', maintained);
}

/** Pupils on roll: village primaries of 40-95 pupils, most of 150-600; secondaries of 500-1,900. */
function chooseRoll(phase: DemoSchool['phase'], laCode: number, r: Random): number {
  if (laCode === 420) return phase === 'Primary' ? 55 + Math.round(25 * r.next()) : 190;
  if (phase === 'Secondary') return Math.round(clamp(1050 * Math.exp(0.3 * r.normal()), 480, 1900));
  if (r.next() < 0.12) return 40 + Math.round(55 * r.next());
  return Math.round(clamp(270 * Math.exp(0.35 * r.normal()), 120, 630));
}

function schoolCounts(la: Area, p: DemoProfile, seed: string) {
  const tiny = tinyLaCounts[la.code];
  if (tiny) return tiny;
  const r = randomStream(`${seed}|schools|count|${la.code}`);
  const size = Math.log(p.cohort / 3600) / 0.5;
  return {
    primary: Math.round(clamp(7 + 1.5 * size + 0.8 * r.normal(), 5, 10)),
    secondary: Math.round(clamp(2.6 + 0.6 * size + 0.5 * r.normal(), 2, 4)),
  };
}

const trustLetters = ['A', 'B', 'C', 'D', 'E'];

function listing(
  la: Area,
  regionName: string,
  urn: number,
  phase: DemoSchool['phase'],
  number: number,
  t: SchoolType,
  r: Random,
): SchoolListing {
  const kind = t.schoolType === 'Free schools' ? 'Free School' : t.academy ? 'Academy' : 'School';
  const sixthForm = phase === 'Secondary' && r.next() < 0.55;
  const converted = t.academy ? 2011 + Math.floor(r.next() * 10) : null;
  return {
    urn,
    name: `Demo ${phase} ${kind} ${number} (synthetic)`,
    laCode: la.code,
    phase,
    schoolType: t.schoolType,
    typeGroup: t.typeGroup,
    status: 'Open',
    trust: t.academy
      ? `Demo ${regionName} Learning Trust ${trustLetters[Math.floor(r.next() * trustLetters.length)]} (synthetic)`
      : null,
    openDate: converted === null ? null : `${converted}-09-01`,
    religiousCharacter: t.religiousCharacter,
    gender: 'Mixed',
    ageLow: phase === 'Primary' ? (r.next() < 0.35 ? 3 : 4) : 11,
    ageHigh: phase === 'Primary' ? 11 : sixthForm ? 18 : 16,
  };
}

function demoSchool(
  la: Area,
  regionName: string,
  p: DemoProfile,
  phase: DemoSchool['phase'],
  index: number,
  seed: string,
): DemoSchool {
  const urn = demoSchoolUrn(la.code, firstNumber[phase] + index);
  const r = randomStream(`${seed}|school|${urn}|register`);
  const disadvantage = r.normal();
  const t = chooseType(phase, disadvantage, r);
  const roll = chooseRoll(phase, la.code, r);
  const l = listing(la, regionName, urn, phase, index + 1, t, r);
  l.capacity = Math.round((roll * (1 + 0.2 * r.next())) / 10) * 10;
  return {
    listing: l,
    laCode: la.code,
    phase,
    sixthForm: l.ageHigh === 18,
    roll,
    disadvantage,
    laDisadvantage: 0.5 * p.deprivation - 0.2,
    eal: 0.75 * (p.diversity - 0.55) + 0.7 * r.normal(),
    sen: 0.25 * r.normal() + 0.1 * disadvantage,
    ehcp: 0.35 * r.normal(),
    quality: 0.3 * p.effectiveness + 0.95 * r.normal(),
  };
}

/** The demo schools of these LAs, by LA then URN. */
export function demoSchoolRegister(
  las: readonly Area[],
  regionNames: ReadonlyMap<number, string>,
  profiles: ReadonlyMap<number, DemoProfile>,
  seed: string,
): DemoSchool[] {
  return las.flatMap((la) => {
    const p = profiles.get(la.code);
    if (!p) return [];
    const counts = schoolCounts(la, p, seed);
    const region = regionNames.get(la.regionCode ?? 0) ?? 'England';
    return [
      ...Array.from({ length: counts.primary }, (_, i) =>
        demoSchool(la, region, p, 'Primary', i, seed),
      ),
      ...Array.from({ length: counts.secondary }, (_, i) =>
        demoSchool(la, region, p, 'Secondary', i, seed),
      ),
    ];
  });
}
