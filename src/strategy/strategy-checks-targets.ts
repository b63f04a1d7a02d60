/**
 * The checks on one target (strategy-checks.ts makes the rest): that it suits its measure, that
 * its years run the right way, that a gap's other measure exists, and that its floor is not
 * better than the target itself. Also what the checks know of the store (the catalogue). Pure.
 */
import { parseYearLabel } from '../sources/lait/year-label.js';
import type { StrategyDocument, Target } from './strategy-schema.js';

export interface PathProblem {
  path: PropertyKey[];
  message: string;
  /** A field the format does not have, under `path`: the problem points at its name. */
  unknownField?: string;
}

/** What the store knows of a Lantern measure code: its polarity, or undefined when unknown. */
export interface MeasureCatalogue {
  has(code: string): boolean;
  polarityOf(code: string): 'high' | 'low' | null | undefined;
  /** Near codes for a code that matched nothing (did you mean). */
  suggest(code: string): string[];
  /**
   * Whether the DfE publishes quartile bands for a known measure (src/benchmarks/bands.ts
   * hasBands). Left out, band targets are not checked against it.
   */
  hasBands?(code: string): boolean;
  /** Whether an LA has this 3-digit code. Left out, the strategy's LA is not checked here. */
  hasLa?(code: number): boolean;
}

/** "no measure has the code …": for a measure, a cohort measure or a gap's other measure alike. */
export function unknownMeasure(
  code: string,
  at: PropertyKey[],
  catalogue: MeasureCatalogue,
): PathProblem {
  const near = catalogue.suggest(code);
  return {
    path: at,
    message: `no measure has the code "${code}"${near.length ? `: did you mean ${near.map((c) => `"${c}"`).join(' or ')}?` : ' (`lantern measures --search <words>` lists them)'}`,
  };
}

/** The measure a target is set on, as the checks see it. */
export interface TargetsMeasure {
  /** Its Lantern measure code, when it has one. */
  code: string | undefined;
  local: boolean;
  polarity: 'high' | 'low' | null | undefined;
  doc: StrategyDocument;
  catalogue: MeasureCatalogue;
}

const yearOf = (label: string) => parseYearLabel(label)!.yearNumber;

/** A target's problems, with paths from the target. */
export function targetProblems(t: Target, on: TargetsMeasure): PathProblem[] {
  const problems: PathProblem[] = [...suitsMeasure(t, on)];
  if (t.kind === 'trajectory' && yearOf(t.from) >= yearOf(t.by)) {
    problems.push({ path: ['from'], message: `must be a year before "by" (${t.by})` });
  }
  if (t.kind === 'gap') {
    if (
      !on.catalogue.has(t.compareWith) &&
      !on.doc.localMeasures.some((l) => l.code === t.compareWith)
    ) {
      problems.push(unknownMeasure(t.compareWith, ['compareWith'], on.catalogue));
    }
    if (t.from !== undefined && yearOf(t.from) >= yearOf(t.by)) {
      problems.push({ path: ['from'], message: `must be a year before "by" (${t.by})` });
    }
  }
  const floor = floorProblem(t, on.polarity);
  if (floor !== undefined) problems.push({ path: ['floor'], message: floor });
  return problems;
}

/** Whether the target can be judged on its measure at all. */
function suitsMeasure(t: Target, on: TargetsMeasure): PathProblem[] {
  const problems: PathProblem[] = [];
  const comparative = t.kind === 'band' || t.kind === 'rank' || t.kind === 'relative';
  if (comparative && on.local) {
    problems.push({
      path: ['kind'],
      message: `a ${t.kind} target compares LAs, and a local measure is held only for this LA: use a value or trajectory target`,
    });
  }
  const needsDirection =
    comparative ||
    t.kind === 'gap' ||
    ((t.kind === 'value' || t.kind === 'trajectory') && t.comparison === undefined);
  if (needsDirection && on.polarity === null) {
    problems.push({
      path: t.kind === 'value' || t.kind === 'trajectory' ? ['comparison'] : ['kind'],
      message:
        t.kind === 'value' || t.kind === 'trajectory'
          ? 'the measure has no better direction: say "comparison: at-least" or "at-most"'
          : `the measure has no better direction, so a ${t.kind} target cannot say which way is better`,
    });
  }
  // No polarity is the problem above; a measure with a direction may still have no bands.
  if (
    t.kind === 'band' &&
    on.code !== undefined &&
    on.polarity !== null &&
    on.catalogue.has(on.code) &&
    on.catalogue.hasBands?.(on.code) === false
  ) {
    problems.push({
      path: ['band'],
      message:
        'the DfE publishes no quartile bands for this measure, so a band target cannot be judged: use a value, relative or rank target instead',
    });
  }
  return problems;
}

/** The worst band each band goal accepts. */
const worstBand = { 'top-quartile': 'A', 'top-half': 'B', 'not-bottom-quartile': 'C' } as const;
const amber = 'a floor is the worst result still reported amber rather than red';

/** Why the target's floor is better than the target itself; undefined when it is not. */
function floorProblem(t: Target, polarity: 'high' | 'low' | null | undefined): string | undefined {
  if (t.floor === undefined) return undefined;
  switch (t.kind) {
    case 'value':
    case 'trajectory': {
      // As the status reads it (target-terms wantsHigher); no direction at all is refused above.
      if (t.comparison === undefined && polarity === null) return undefined;
      const higher = t.comparison !== undefined ? t.comparison === 'at-least' : polarity !== 'low';
      if (higher ? t.floor <= t.value : t.floor >= t.value) return undefined;
      return `the floor of ${t.floor} is ${higher ? 'above' : 'below'} the target of ${t.value}: ${amber}, so give a floor of ${t.value} or ${higher ? 'less' : 'more'}`;
    }
    case 'band': {
      const worst = worstBand[t.band];
      if (t.floor >= worst) return undefined;
      return `the floor of band ${t.floor} is better than the target, which band ${worst} already meets: ${amber}, so give a floor of band ${worst} or a lower band`;
    }
    case 'rank':
      if (t.floor >= t.rank) return undefined;
      return `the floor of rank ${t.floor} is better than the target of rank ${t.rank}: ${amber}, so give a floor of ${t.rank} or more`;
    case 'relative': {
      const within = t.within ?? 0;
      if (t.floor >= within) return undefined;
      return `the floor of ${t.floor} is better than the target, which allows ${within} on the wrong side of the comparator: ${amber}, so give a floor of ${within} or more`;
    }
    case 'gap':
      if (t.atMost === undefined || t.floor >= t.atMost) return undefined;
      return `the floor, a gap of ${t.floor}, is smaller than the target gap of ${t.atMost}: ${amber}, so give a floor of ${t.atMost} or more`;
  }
}
