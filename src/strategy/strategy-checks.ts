/**
 * The checks on a strategy that one field cannot make alone: the period's years in order; keys,
 * local measure codes and a local measure's years unique; the LA and every measure code named
 * (measure, local, cohortMeasure, a gap's compareWith) existing, with "did you mean"; and, in
 * strategy-checks-targets.ts, each target suiting its measure (no band, rank or relative target
 * on a local measure; a direction where one is needed; no band target where the DfE publishes no
 * quartile bands), its years in order and its floor no better than the target. The LA and the
 * bands are checked when the catalogue knows them (hasLa, hasBands). Every strategy read (a file,
 * a demo copy; the web forms, once built) passes through these after the schema, so a problem
 * reads the same wherever it is found. Pure.
 */
import type { StrategyDocument, StrategyMeasure } from './strategy-schema.js';
import {
  targetProblems,
  unknownMeasure,
  type MeasureCatalogue,
  type PathProblem,
} from './strategy-checks-targets.js';

export type { MeasureCatalogue, PathProblem };

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
  if (catalogue.hasLa?.(doc.la) === false) {
    problems.push({
      path: ['la'],
      message: `must be a 3-digit LA code that exists in Lantern, got ${doc.la}: each LA's scorecard in the web app, and \`lantern areas\`, show the codes`,
    });
  }
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
  if (m.measure !== undefined && !catalogue.has(m.measure))
    problems.push(unknownMeasure(m.measure, [...path, 'measure'], catalogue));
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
    problems.push(unknownMeasure(m.cohortMeasure, [...path, 'cohortMeasure'], catalogue));
  }
  const polarity =
    m.measure !== undefined
      ? catalogue.polarityOf(m.measure)
      : m.local !== undefined
        ? locals.get(m.local)?.polarity
        : undefined;
  const on = { code: m.measure, local: m.local !== undefined, polarity, doc, catalogue };
  m.targets.forEach((t, n) => {
    for (const p of targetProblems(t, on)) {
      problems.push({ path: [...path, 'targets', n, ...p.path], message: p.message });
    }
  });
  return problems;
}
