/**
 * What a family is ranked on, and the one rule for "markedly better" (docs/methods.md
 * "Families of similar schools"): a similar school whose figure is above the school's by at
 * least the outcome's threshold, for all its pupils or for its disadvantaged pupils.
 */
import { lanternError } from '../core/errors.js';
import { primaryPhases, secondaryPhases } from './families.js';
import { headlineFigure, type HeadlineFigure } from './headlines.js';

export interface FamilyOutcome {
  figure: HeadlineFigure;
  /** The same figure for the school's disadvantaged pupils (FSM6, looked after, adopted from care). */
  disadvantaged: HeadlineFigure;
  /** How far above the school a similar school must be to do markedly better, in the figure's units. */
  markedlyBetterBy: number;
  phases: readonly string[];
}

function outcome(publication: string, code: string, disadvantagedCode: string, by: number) {
  const h = headlineFigure(publication, code)!;
  const disadvantaged: HeadlineFigure = {
    publication,
    code: disadvantagedCode,
    label: `${h.label}, disadvantaged pupils`,
    short: `${h.short} disadv.`,
    unit: h.unit,
    decimals: h.decimals,
    polarity: h.polarity,
  };
  const phases = publication === 'ks2' ? primaryPhases : secondaryPhases;
  return { figure: h, disadvantaged, markedlyBetterBy: by, phases };
}

/**
 * The thresholds: 5 percentage points for a percentage (about one pupil in twenty); 0.2 for
 * Progress 8 (a fifth of a grade in each subject, about the half-width of a typical school's
 * 95% confidence interval); 2 points for Attainment 8 (the same fifth of a grade across its ten
 * slots). The first outcome of a phase is its default: Progress 8 for secondaries, as their
 * families have no prior attainment in the headline KS4 file; RWM expected for primaries.
 */
export const familyOutcomes: readonly FamilyOutcome[] = [
  outcome('ks2', 'PTRWM_EXP', 'PTRWM_EXP_FSM6CLA1A', 5),
  outcome('ks2', 'PTRWM_HIGH', 'PTRWM_HIGH_FSM6CLA1A', 5),
  outcome('ks4', 'P8MEA', 'P8MEA_FSM6CLA1A', 0.2),
  outcome('ks4', 'ATT8SCR', 'ATT8SCR_FSM6CLA1A', 2),
  outcome('ks4', 'PTL2BASICS_94', 'PTFSM6CLA1ABASICS_94', 5),
  outcome('ks4', 'PTL2BASICS_95', 'PTFSM6CLA1ABASICS_95', 5),
];

/** The outcome asked for (by its DfE code), or the phase's default; null for a phase with none. */
export function outcomeForPhase(phase: string, code?: string): FamilyOutcome | null {
  const choices = familyOutcomes.filter((o) => o.phases.includes(phase));
  if (code === undefined || code.trim() === '') return choices[0] ?? null;
  const found = choices.find((o) => o.figure.code === code.trim().toUpperCase());
  if (!found)
    throw lanternError('LANTERN_USAGE', `${code} is not a family outcome for ${phase} schools.`, {
      hint:
        choices.length > 0
          ? `Choose from ${choices.map((o) => o.figure.code).join(', ')}.`
          : `Lantern has no outcome to rank ${phase} schools on.`,
    });
  return found;
}

/** A published figure or its marker (SUPP, NE ...), as stored. */
export interface OutcomeReading {
  value: number | null;
  marker: string | null;
}

export interface OutcomeJudgement {
  urn: number;
  outcome: OutcomeReading | null;
  disadvantaged: OutcomeReading | null;
  /** 1 = the best figure in the family, the school included; ties share a rank; null: no figure. */
  rank: number | null;
  /** Null for the school itself, or when either school has no figure. */
  markedlyBetter: boolean | null;
  markedlyBetterForDisadvantaged: boolean | null;
}

// Published figures have one or two decimals: a difference of 0.2 may compute as 0.19999999999999998.
const tolerance = 1e-9;

/** The rule: the similar school's figure is above the school's by at least `by`. */
export function markedlyBetter(
  similar: number | null | undefined,
  school: number | null | undefined,
  by: number,
): boolean | null {
  if (similar == null || school == null) return null;
  return similar - school >= by - tolerance;
}

/** Ranks, highest figure first (every outcome here is higher-is-better), ties on the best rank. */
export function rankHighFirst(
  rows: readonly { urn: number; value: number | null }[],
): Map<number, number> {
  const values = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
  const ranks = new Map<number, number>();
  for (const r of rows)
    if (r.value !== null) ranks.set(r.urn, 1 + values.filter((v) => v > r.value!).length);
  return ranks;
}

/**
 * The family ranked on the outcome, with the similar schools that do markedly better for all
 * pupils or for disadvantaged pupils: the ones to learn from, most similar first.
 */
export function judgeFamily(
  schoolUrn: number,
  memberUrns: readonly number[],
  readings: ReadonlyMap<
    number,
    { outcome: OutcomeReading | null; disadvantaged: OutcomeReading | null }
  >,
  outcome: FamilyOutcome,
): {
  school: OutcomeJudgement;
  members: OutcomeJudgement[];
  ranked: number;
  toLearnFrom: number[];
} {
  const urns = [schoolUrn, ...memberUrns];
  const ranks = rankHighFirst(
    urns.map((urn) => ({ urn, value: readings.get(urn)?.outcome?.value ?? null })),
  );
  const own = readings.get(schoolUrn);
  const judge = (urn: number): OutcomeJudgement => {
    const r = readings.get(urn);
    const self = urn === schoolUrn;
    const by = outcome.markedlyBetterBy;
    return {
      urn,
      outcome: r?.outcome ?? null,
      disadvantaged: r?.disadvantaged ?? null,
      rank: ranks.get(urn) ?? null,
      markedlyBetter: self ? null : markedlyBetter(r?.outcome?.value, own?.outcome?.value, by),
      markedlyBetterForDisadvantaged: self
        ? null
        : markedlyBetter(r?.disadvantaged?.value, own?.disadvantaged?.value, by),
    };
  };
  const members = memberUrns.map(judge);
  const toLearnFrom = members
    .filter((m) => m.markedlyBetter === true || m.markedlyBetterForDisadvantaged === true)
    .map((m) => m.urn);
  return { school: judge(schoolUrn), members, ranked: ranks.size, toLearnFrom };
}

export type FamilyReadings = Map<
  number,
  { outcome: OutcomeReading | null; disadvantaged: OutcomeReading | null }
>;

/** Stored outcome rows (both codes, one year) by URN. */
export function outcomeReadings(
  rows: readonly { urn: number; code: string; value: number | null; marker: string | null }[],
  outcome: FamilyOutcome,
): FamilyReadings {
  const readings: FamilyReadings = new Map();
  for (const r of rows) {
    const held = readings.get(r.urn) ?? { outcome: null, disadvantaged: null };
    const reading = { value: r.value, marker: r.marker };
    if (r.code === outcome.figure.code) held.outcome = reading;
    else if (r.code === outcome.disadvantaged.code) held.disadvantaged = reading;
    readings.set(r.urn, held);
  }
  return readings;
}
