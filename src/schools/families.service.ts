import type { Queryable } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import { formatCount } from '../core/format.js';
import { listAreas } from '../measures/areas.repository.js';
import {
  familySize,
  nearestSchools,
  standardise,
  variablesForPhase,
  type Candidate,
  type FamilyVariable,
  type Standardised,
} from './families.js';
import {
  isIndependent,
  poolCandidates,
  resolvePool,
  type FamilyPool,
  type PoolKind,
} from './families-pool.js';
import {
  judgeFamily,
  outcomeForPhase,
  outcomeReadings,
  type FamilyOutcome,
  type OutcomeJudgement,
} from './families-outcomes.js';
import {
  figuresOfPhase,
  figuresOfSchoolsInYear,
  latestFigureYears,
  schoolsOfPhase,
  type FigureKey,
  type FigureYear,
  type PhaseSchool,
} from './families.repository.js';
import { findSchool } from './schools.repository.js';
import { parseAcademicYear } from './academic-year.js';

export interface FamilyOptions {
  /** How many similar schools (default 20, 1 to 50). */
  size?: number;
  /** Variable ids or DfE codes; default: prior attainment, FSM6, EAL, SEN support. */
  variables?: readonly string[];
  pool?: PoolKind;
  /** The outcome's DfE code; default: the phase's first (P8MEA, PTRWM_EXP). */
  outcome?: string;
  /** One year for every variable and the outcome; default: each one's latest. */
  year?: string;
}

/** A variable as used: its year, the pool's mean and spread, and the school's own figure. */
export interface FamilyVariableUse {
  variable: FamilyVariable;
  yearLabel: string;
  mean: number;
  sd: number;
  value: number;
  z: number;
}

export interface FamilyMemberRow {
  urn: number;
  name: string;
  laCode: number | null;
  laName: string | null;
  distance: number;
  /** The member's figures by variable id. */
  values: Record<string, number>;
  judgement: OutcomeJudgement | null;
}

export interface Family {
  school: PhaseSchool & { phase: string; laName: string | null };
  pool: FamilyPool;
  size: number;
  variables: FamilyVariableUse[];
  /** Schools of the phase in the pool with every variable, the school included. */
  compared: number;
  excluded: Standardised['excluded'];
  members: FamilyMemberRow[];
  outcome: {
    outcome: FamilyOutcome;
    yearLabel: string;
    school: OutcomeJudgement;
    ranked: number;
  } | null;
  /** URNs of the members markedly better for all or for disadvantaged pupils, nearest first. */
  toLearnFrom: number[];
  /** What was left out and why, in words. */
  notes: string[];
}

const yearKey = (k: FigureKey) => `${k.publication}|${k.code}`;

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < familySize.min || size > familySize.max)
    throw lanternError(
      'LANTERN_USAGE',
      `A family has ${familySize.min} to ${familySize.max} schools, not ${size}.`,
    );
  return size;
}

/**
 * The variables with figures, each in its latest year (or the year asked for); of an id's two
 * sources the first that has figures. A default variable without any is left out, and said.
 */
function usableVariables(
  variables: FamilyVariable[],
  years: Map<string, FigureYear>,
  options: FamilyOptions,
  notes: string[],
): UsedVariable[] {
  const asked = (options.variables?.length ?? 0) > 0;
  const inYear = options.year ? ` in ${options.year}` : '';
  const used: UsedVariable[] = [];
  for (const id of new Set(variables.map((v) => v.id))) {
    const sources = variables.filter((v) => v.id === id);
    const held = sources.flatMap((v) => {
      const year = years.get(yearKey(v));
      return year ? [{ variable: v, year }] : [];
    });
    if (held[0]) {
      used.push(held[0]);
      continue;
    }
    const columns = sources.map((v) => `${v.publication} ${v.code}`).join(' or ');
    const what = `No school has a published figure for ${sources[0]!.label} (${columns})${inYear}`;
    const why = sources.find((v) => v.whenMissing)?.whenMissing;
    if (asked)
      throw lanternError('LANTERN_YEAR_NOT_FOUND', `${what}.`, {
        hint: 'Import the file that has it, or choose other variables with --variables.',
      });
    notes.push(`${what}, so it is left out${why ? `: ${why}` : ''}.`);
  }
  if (used.length === 0)
    throw lanternError('LANTERN_YEAR_NOT_FOUND', `No family variable has figures${inYear}.`);
  return used;
}

function ownFigures(school: PhaseSchool, candidates: Candidate[], used: UsedVariable[]): void {
  if (isIndependent(school))
    throw lanternError(
      'LANTERN_USAGE',
      `${school.name} (URN ${school.urn}) is an independent school: families are of state-funded schools.`,
    );
  const own = candidates.find((c) => c.urn === school.urn);
  const gaps = used.filter((u) => !Number.isFinite(own?.values[u.variable.id]));
  if (gaps.length > 0)
    throw lanternError(
      'LANTERN_USAGE',
      `${school.name} (URN ${school.urn}) has no published figure for ${gaps.map((g) => `${g.variable.label} in ${g.year.yearLabel}`).join(', ')}, so it has no family on these variables.`,
      { hint: 'Choose other variables with --variables, or another year with --year.' },
    );
}

type UsedVariable = { variable: FamilyVariable; year: FigureYear };

/** A school's family of similar schools, or null when the register has no school with the URN. */
/** The year asked for (--year 2018/19) as its first year; a year that is none is refused. */
function chosenYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = parseAcademicYear(text);
  if (!year)
    throw lanternError('LANTERN_USAGE', `"${text}" is not an academic year.`, {
      hint: 'Give the year as 2018/19.',
    });
  return year.first;
}

export async function loadFamily(
  db: Queryable,
  urn: number,
  options: FamilyOptions = {},
): Promise<Family | null> {
  const record = await findSchool(db, urn);
  if (!record) return null;
  const phase = record.phase;
  if (!phase)
    throw lanternError(
      'LANTERN_USAGE',
      `${record.name} (URN ${urn}) has no phase in the register, so Lantern cannot tell which schools are like it.`,
      { hint: "Import GIAS, which says every school's phase." },
    );
  const size = checkSize(options.size ?? familySize.default);
  const variables = variablesForPhase(phase, options.variables);
  const outcome = outcomeForPhase(phase, options.outcome);
  const keys: FigureKey[] = [...variables, ...(outcome ? [outcome.figure] : [])];
  const found = await latestFigureYears(db, keys, chosenYear(options.year));
  const years = new Map(found.map((y) => [yearKey(y), y]));
  const notes: string[] = [];
  const used = usableVariables(variables, years, options, notes);
  const family = await findFamily(db, urn, phase, used, options.pool ?? 'england', size);
  const yearsUsed = [...new Set(used.map((u) => u.year.yearLabel))];
  if (yearsUsed.length > 1)
    notes.push(
      `The variables come from different years (${yearsUsed.join(', ')}), and a school needs every figure: ${formatCount(family.excluded.schools)} schools were left out. --year takes one year for all.`,
    );
  const outcomeYear = outcome ? years.get(yearKey(outcome.figure)) : undefined;
  if (outcome && !outcomeYear)
    notes.push(
      `No school has a published ${outcome.figure.label} (${outcome.figure.code})${options.year ? ` in ${options.year}` : ''}, so the family is not ranked.`,
    );
  const judged =
    outcome && outcomeYear
      ? await judgeOutcome(db, urn, family.members, outcome, outcomeYear, notes)
      : null;
  return {
    ...family,
    size,
    outcome: judged?.outcome ?? null,
    toLearnFrom: judged?.toLearnFrom ?? [],
    notes,
  };
}

/** Reads the phase's schools and figures, and finds the school's nearest in the pool. */
async function findFamily(
  db: Queryable,
  urn: number,
  phase: string,
  used: UsedVariable[],
  poolKind: PoolKind,
  size: number,
) {
  const schools = await schoolsOfPhase(db, phase);
  const figures = await figuresOfPhase(
    db,
    phase,
    used.map((u) => u.year),
  );
  const areas = await listAreas(db);
  const school = schools.find((s) => s.urn === urn)!;
  const pool = resolvePool(poolKind, school.laCode, areas);
  const variables = used.map((u) => u.variable);
  const candidates = poolCandidates(schools, figures, variables, pool);
  ownFigures(school, candidates, used);
  const std = standardise(
    candidates,
    variables.map((v) => v.id),
  );
  const laName = (code: number | null) => areas.find((a) => a.code === code)?.name ?? null;
  const byUrn = new Map(schools.map((s) => [s.urn, s]));
  const valuesOf = new Map(candidates.map((c) => [c.urn, c.values as Record<string, number>]));
  const members: FamilyMemberRow[] = nearestSchools(std, urn, size).map((n) => {
    const s = byUrn.get(n.urn)!;
    const la = { laCode: s.laCode, laName: laName(s.laCode) };
    return { ...n, name: s.name, ...la, values: valuesOf.get(n.urn)!, judgement: null };
  });
  return {
    school: { ...school, phase, laName: laName(school.laCode) },
    pool,
    variables: variableUses(std, used, valuesOf.get(urn)!),
    compared: std.urns.length,
    excluded: std.excluded,
    members,
  };
}

function variableUses(
  std: Standardised,
  used: UsedVariable[],
  own: Record<string, number>,
): FamilyVariableUse[] {
  return used.map((u, v) => {
    const value = own[u.variable.id]!;
    const [mean, sd] = [std.means[v]!, std.sds[v]!];
    const z = sd > 0 ? (value - mean) / sd : 0;
    return { variable: u.variable, yearLabel: u.year.yearLabel, mean, sd, value, z };
  });
}

/** Reads the family's outcome figures in the outcome's year, then ranks and judges the members. */
async function judgeOutcome(
  db: Queryable,
  urn: number,
  members: FamilyMemberRow[],
  outcome: FamilyOutcome,
  year: FigureYear,
  notes: string[],
): Promise<{ outcome: NonNullable<Family['outcome']>; toLearnFrom: number[] }> {
  const columns = [year, { ...year, code: outcome.disadvantaged.code }];
  const rows = await figuresOfSchoolsInYear(db, [urn, ...members.map((m) => m.urn)], columns);
  if (!rows.some((r) => r.code === outcome.disadvantaged.code))
    notes.push(
      `No school in the family has a published ${outcome.disadvantaged.label} (${outcome.disadvantaged.code}) for ${year.yearLabel}, so none is judged for disadvantaged pupils.`,
    );
  const memberUrns = members.map((m) => m.urn);
  const judged = judgeFamily(urn, memberUrns, outcomeReadings(rows, outcome), outcome);
  const byUrn = new Map(judged.members.map((j) => [j.urn, j]));
  for (const m of members) m.judgement = byUrn.get(m.urn) ?? null;
  const { school, ranked, toLearnFrom } = judged;
  return { outcome: { outcome, yearLabel: year.yearLabel, school, ranked }, toLearnFrom };
}
