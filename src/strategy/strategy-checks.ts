/**
 * The checks on a strategy that one field cannot make alone: keys unique, references that
 * resolve, targets that suit their measure. The file reader and the web forms both call these
 * after the schema, so a problem reads the same wherever it is found. Pure.
 */
import { parseYearLabel } from '../sources/lait/year-label.js';
import type { StrategyDocument, StrategyMeasure, Target } from './strategy-schema.js';

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
}

/** Fills in the keys a file left out (p1, p1-a2, p1-a2-m1, p1-a2-m1-t1, p1-a2-x1, p1-r1). */
export function withKeys(doc: StrategyDocument): StrategyDocument {
  return {
    ...doc,
    priorities: doc.priorities.map((p, i) => {
      const pk = p.key ?? `p${i + 1}`;
      return {
        ...p,
        key: pk,
        risks: p.risks.map((r, j) => ({ ...r, key: r.key ?? `${pk}-r${j + 1}` })),
        aims: p.aims.map((a, j) => {
          const ak = a.key ?? `${pk}-a${j + 1}`;
          return {
            ...a,
            key: ak,
            measures: a.measures.map((m, k) => {
              const mk = m.key ?? `${ak}-m${k + 1}`;
              return {
                ...m,
                key: mk,
                targets: m.targets.map((t, n) => ({ ...t, key: t.key ?? `${mk}-t${n + 1}` })),
              };
            }),
            actions: a.actions.map((x, k) => ({ ...x, key: x.key ?? `${ak}-x${k + 1}` })),
          };
        }),
      };
    }),
  };
}

type Keyed = { path: PropertyKey[]; key: string | undefined; what?: string };

/** Every problem in a checked (schema-valid, keys filled) strategy; empty when it is sound. */
export function strategyProblems(
  doc: StrategyDocument,
  catalogue: MeasureCatalogue,
): PathProblem[] {
  const problems: PathProblem[] = [];
  if (doc.period.to < doc.period.from) {
    problems.push({ path: ['period', 'to'], message: 'is before "from"' });
  }
  const locals = new Map(doc.localMeasures.map((m) => [m.code, m]));
  doc.localMeasures.forEach((m, i) =>
    duplicates(
      m.values.map((v, j) => ({ path: ['localMeasures', i, 'values', j, 'year'], key: v.year })),
      'year',
      problems,
    ),
  );
  duplicates(
    doc.localMeasures.map((m, i) => ({ path: ['localMeasures', i, 'code'], key: m.code })),
    'local measure code',
    problems,
  );
  // One list: a key names a page (/strategies/…/p1-a2), so no two parts of a strategy share one.
  const keys: Keyed[] = [];
  const key = (what: string, path: PropertyKey[], k: string | undefined) =>
    keys.push({ path: [...path, 'key'], key: k, what });
  doc.priorities.forEach((p, i) => {
    const pp = ['priorities', i];
    key('priority', pp, p.key);
    p.risks.forEach((r, j) => key('risk', [...pp, 'risks', j], r.key));
    p.aims.forEach((a, j) => {
      const ap = [...pp, 'aims', j];
      key('aim', ap, a.key);
      a.actions.forEach((x, k) => key('action', [...ap, 'actions', k], x.key));
      a.measures.forEach((m, k) => {
        const mp = [...ap, 'measures', k];
        key('measure', mp, m.key);
        m.targets.forEach((t, n) => key('target', [...mp, 'targets', n], t.key));
        problems.push(...measureProblems(m, mp, doc, locals, catalogue));
      });
    });
  });
  duplicates(keys, 'key', problems);
  return problems;
}

function duplicates(keyed: Keyed[], what: string, problems: PathProblem[]): void {
  const seen = new Map<string, Keyed>();
  for (const k of keyed) {
    if (k.key === undefined) continue;
    const first = seen.get(k.key);
    if (first) {
      const owner = first.what ? `the ${first.what} at ` : '';
      problems.push({
        path: k.path,
        message: `repeats the ${what} "${k.key}", already used by ${owner}${fieldName(first.path.slice(0, -1))}`,
      });
    } else seen.set(k.key, k);
  }
}

/** "priorities[1].aims[2].title": list positions counted from 1, as people count. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part + 1}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function measureProblems(
  m: StrategyMeasure,
  path: PropertyKey[],
  doc: StrategyDocument,
  locals: Map<string, StrategyDocument['localMeasures'][number]>,
  catalogue: MeasureCatalogue,
): PathProblem[] {
  const problems: PathProblem[] = [];
  const unknownMeasure = (code: string, at: PropertyKey[]) => {
    const near = catalogue.suggest(code);
    problems.push({
      path: at,
      message: `no measure has the code "${code}"${near.length ? `: did you mean ${near.map((c) => `"${c}"`).join(' or ')}?` : ' (`lantern measures --search <words>` lists them)'}`,
    });
  };
  if (m.measure !== undefined && !catalogue.has(m.measure))
    unknownMeasure(m.measure, [...path, 'measure']);
  if (m.local !== undefined && !locals.has(m.local)) {
    problems.push({
      path: [...path, 'local'],
      message: `no local measure has the code "${m.local}": define it under "localMeasures"`,
    });
  }
  if (
    m.cohortMeasure !== undefined &&
    !catalogue.has(m.cohortMeasure) &&
    !locals.has(m.cohortMeasure)
  ) {
    unknownMeasure(m.cohortMeasure, [...path, 'cohortMeasure']);
  }
  const polarity =
    m.measure !== undefined
      ? catalogue.polarityOf(m.measure)
      : m.local !== undefined
        ? locals.get(m.local)?.polarity
        : undefined;
  m.targets.forEach((t, n) => {
    for (const p of targetProblems(t, { local: m.local !== undefined, polarity, doc, catalogue })) {
      problems.push({ path: [...path, 'targets', n, ...p.path], message: p.message });
    }
  });
  return problems;
}

const yearOf = (label: string) => parseYearLabel(label)!.yearNumber;

function targetProblems(
  t: Target,
  on: {
    local: boolean;
    polarity: 'high' | 'low' | null | undefined;
    doc: StrategyDocument;
    catalogue: MeasureCatalogue;
  },
): PathProblem[] {
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
  if (t.kind === 'trajectory' && yearOf(t.from) >= yearOf(t.by)) {
    problems.push({ path: ['from'], message: `must be a year before "by" (${t.by})` });
  }
  if (t.kind === 'gap') {
    if (
      !on.catalogue.has(t.compareWith) &&
      !on.doc.localMeasures.some((l) => l.code === t.compareWith)
    ) {
      problems.push({
        path: ['compareWith'],
        message: `no measure has the code "${t.compareWith}"`,
      });
    }
    if (t.from !== undefined && yearOf(t.from) >= yearOf(t.by)) {
      problems.push({ path: ['from'], message: `must be a year before "by" (${t.by})` });
    }
  }
  return problems;
}
