/**
 * Families of similar schools (issue 10; docs/methods.md "Families of similar schools"): for a
 * school, the N schools of its phase whose intake is nearest to its own, on variables put on
 * one scale (z-scores over the pool) and compared by Euclidean distance with equal weights, as
 * the London Challenge families were. Pure: the service reads the figures, this does the sums.
 */
import { lanternError } from '../core/errors.js';
import { headlineFigure } from './headlines.js';

/** One intake figure a family can be matched on: a stored column of one publication. */
export interface FamilyVariable {
  /** What users type: `--variables fsm6,eal`. */
  id: string;
  publication: string;
  /** The file's own column name (ADR 0015). */
  code: string;
  label: string;
  short: string;
  decimals: number;
  /** The phases this column describes (null: every phase, as the census does). */
  phases: readonly string[] | null;
  /** Said when no school has the column, and the variable is left out. */
  whenMissing?: string;
}

/** GIAS phases with KS2 results, and with KS4 results. */
export const primaryPhases: readonly string[] = ['Primary', 'Middle deemed primary'];
export const secondaryPhases: readonly string[] = [
  'Secondary',
  'Middle deemed secondary',
  'All-through',
];

const fromHeadlines = (
  id: string,
  publication: string,
  code: string,
  phases: readonly string[] | null,
) => {
  const h = headlineFigure(publication, code)!;
  return { id, publication, code, label: h.label, short: h.short, decimals: h.decimals, phases };
};

export const familyVariables: readonly FamilyVariable[] = [
  {
    id: 'prior-attainment',
    publication: 'ks2',
    code: 'TKS1AVERAGE',
    label: "KS2 cohort's average KS1 point score (prior attainment)",
    short: 'KS1 APS',
    decimals: 1,
    phases: primaryPhases,
  },
  // Two sources for secondaries, as neither is in the headline KS4 file: the full KS4 file
  // (ks4final), used when stored, else the EES "information about schools" file.
  {
    id: 'prior-attainment',
    publication: 'ks4',
    code: 'KS2APS',
    label: "KS4 cohort's average KS2 point score (prior attainment)",
    short: 'KS2 APS',
    decimals: 1,
    phases: secondaryPhases,
    whenMissing:
      'the headline KS4 file (ks4provisional) has no prior-attainment column; the full KS4 file (ks4final) and the EES "information about schools" file have one',
  },
  fromHeadlines(
    'prior-attainment',
    'ees-information-about-schools',
    'ks2_scaledscore_average',
    secondaryPhases,
  ),
  fromHeadlines('fsm6', 'census', 'PNUMFSMEVER', null),
  fromHeadlines('eal', 'census', 'PNUMEAL', null),
  fromHeadlines('sen-support', 'census', 'PSENELK', null),
  fromHeadlines('ehcp', 'census', 'PSENELSE', null),
  fromHeadlines('pupils', 'census', 'NOR', null),
  fromHeadlines('disadvantaged', 'ks2', 'PTFSM6CLA1A', primaryPhases),
  {
    id: 'disadvantaged',
    publication: 'ks4',
    code: 'PTFSM6CLA1A',
    label: 'Disadvantaged pupils in the KS4 cohort',
    short: 'Disadvantaged %',
    decimals: 0,
    phases: secondaryPhases,
  },
];

/**
 * Prior attainment, deprivation, language and SEN, as the London Challenge families used; SEN
 * support only, because adding EHC plans as well would count SEN twice in an equal-weight sum.
 */
export const defaultVariableIds: readonly string[] = [
  'prior-attainment',
  'fsm6',
  'eal',
  'sen-support',
];

export const familySize = { default: 20, min: 1, max: 50 } as const;

function appliesTo(v: FamilyVariable, phase: string): boolean {
  return v.phases === null || v.phases.includes(phase);
}

/**
 * The variables asked for (by id or DfE code), or the defaults, as they apply to the phase. An id
 * with two sources (secondary prior attainment) gives both, in order: the service keeps the first
 * that has figures.
 */
export function variablesForPhase(phase: string, asked?: readonly string[]): FamilyVariable[] {
  const words = asked && asked.length > 0 ? asked : defaultVariableIds;
  const chosen: FamilyVariable[] = [];
  for (const word of words) {
    const w = word.trim();
    const byCode = familyVariables.filter((f) => f.code === w.toUpperCase() || f.code === w);
    const found = (
      byCode.length > 0 ? byCode : familyVariables.filter((f) => f.id === w.toLowerCase())
    ).filter((f) => appliesTo(f, phase));
    if (found.length === 0) {
      if (!asked || asked.length === 0) continue; // a default that does not apply to the phase
      const choices = [
        ...new Set(familyVariables.filter((f) => appliesTo(f, phase)).map((f) => f.id)),
      ];
      throw lanternError('LANTERN_USAGE', `"${w}" is not a family variable for ${phase} schools.`, {
        hint: `Choose from ${choices.join(', ')} (or their DfE column names).`,
      });
    }
    for (const v of found) if (!chosen.includes(v)) chosen.push(v);
  }
  return chosen;
}

/** A school that could be in a family: its figures by variable id (null: missing or suppressed). */
export interface Candidate {
  urn: number;
  values: Readonly<Record<string, number | null | undefined>>;
}

/**
 * The pool's schools with every variable, on one scale, in URN order (so a tie in distance
 * goes to the smaller URN). `z` and `raw` are row-major: school i, variable v at i × k + v.
 */
export interface Standardised {
  variableIds: readonly string[];
  urns: Int32Array;
  raw: Float64Array;
  z: Float64Array;
  means: Float64Array;
  /** Population standard deviations (the pool is all the schools, not a sample of them). */
  sds: Float64Array;
  /** Schools left out for a missing figure: how many, and how many lacked each variable. */
  excluded: { schools: number; byVariable: Record<string, number> };
}

/** z = (value − pool mean) ÷ pool standard deviation; a variable every school shares scores 0. */
export function standardise(
  candidates: readonly Candidate[],
  variableIds: readonly string[],
): Standardised {
  const k = variableIds.length;
  const byVariable = Object.fromEntries(variableIds.map((id) => [id, 0]));
  const complete = candidates.filter((c) => {
    const gaps = variableIds.filter((id) => !Number.isFinite(c.values[id]));
    for (const id of gaps) byVariable[id]! += 1;
    return gaps.length === 0;
  });
  complete.sort((a, b) => a.urn - b.urn);
  const n = complete.length;
  const urns = Int32Array.from(complete, (c) => c.urn);
  const raw = new Float64Array(n * k);
  complete.forEach((c, i) => variableIds.forEach((id, v) => (raw[i * k + v] = c.values[id]!)));
  const means = new Float64Array(k);
  const sds = new Float64Array(k);
  const z = new Float64Array(n * k);
  for (let v = 0; v < k; v++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += raw[i * k + v]!;
    const mean = n > 0 ? sum / n : 0;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (raw[i * k + v]! - mean) ** 2;
    const sd = n > 0 ? Math.sqrt(squares / n) : 0;
    means[v] = mean;
    sds[v] = sd;
    for (let i = 0; i < n; i++) z[i * k + v] = sd > 0 ? (raw[i * k + v]! - mean) / sd : 0;
  }
  const excluded = { schools: candidates.length - n, byVariable };
  return { variableIds, urns, raw, z, means, sds, excluded };
}

/** Euclidean distance between two schools' z-scores, every variable weighted the same. */
export function familyDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let v = 0; v < a.length; v++) sum += (a[v]! - b[v]!) ** 2;
  return toNinePlaces(Math.sqrt(sum));
}

/**
 * Distances are kept to 9 decimal places: two schools equally far from the school in exact
 * arithmetic (one 0.5 above it, one 0.5 below) can differ in the last binary digit, and
 * must tie, so that the smaller URN goes first as documented.
 */
const toNinePlaces = (d: number) => Math.round(d * 1e9) / 1e9;

/**
 * The `size` schools nearest school i, nearest first, into idx/dist from `at`: one pass keeping
 * a sorted buffer (a partial selection, not a sort of the whole pool). Schools come in URN order
 * and an equal distance never displaces one already held, so ties go to the smaller URN.
 */
function selectNearest(
  s: Standardised,
  i: number,
  size: number,
  idx: Int32Array,
  dist: Float64Array,
  at: number,
): number {
  const k = s.variableIds.length;
  const n = s.urns.length;
  const z = s.z;
  let count = 0;
  if (size <= 0) return 0;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    let sum = 0;
    for (let v = 0; v < k; v++) {
      const d = z[i * k + v]! - z[j * k + v]!;
      sum += d * d;
    }
    const distance = toNinePlaces(Math.sqrt(sum));
    if (count === size && distance >= dist[at + size - 1]!) continue;
    let p = count < size ? count++ : size - 1;
    for (; p > 0 && dist[at + p - 1]! > distance; p--) {
      dist[at + p] = dist[at + p - 1]!;
      idx[at + p] = idx[at + p - 1]!;
    }
    dist[at + p] = distance;
    idx[at + p] = j;
  }
  return count;
}

export interface Neighbour {
  urn: number;
  distance: number;
}

/** The family of one school of the standardised pool: never the school itself. */
export function nearestSchools(s: Standardised, urn: number, size: number): Neighbour[] {
  const i = s.urns.indexOf(urn);
  if (i < 0) return [];
  const idx = new Int32Array(size);
  const dist = new Float64Array(size);
  const count = selectNearest(s, i, size, idx, dist, 0);
  return Array.from({ length: count }, (_, r) => ({ urn: s.urns[idx[r]!]!, distance: dist[r]! }));
}

/**
 * Every school's family at once (the benchmark, and any all-schools table): row i holds school
 * i's members as URNs, nearest first, with their distances; `width` slots a row.
 */
export function allFamilies(
  s: Standardised,
  size: number,
): { width: number; urns: Int32Array; distances: Float64Array } {
  const n = s.urns.length;
  const width = Math.min(size, Math.max(0, n - 1));
  const idx = new Int32Array(n * width);
  const distances = new Float64Array(n * width);
  for (let i = 0; i < n; i++) selectNearest(s, i, width, idx, distances, i * width);
  const urns = Int32Array.from(idx, (j) => s.urns[j]!);
  return { width, urns, distances };
}
