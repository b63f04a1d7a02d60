/**
 * Strategy use cases: import a strategy file, export one, and judge every target on the
 * figures in the store now. Every change is someone's, in the audit log.
 */
import { audit, type Actor } from '../access/audit.service.js';
import type { Viewer } from '../access/policy.js';
import { withScope } from '../access/row-security.js';
import type { Database, Queryable } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import { hasBands } from '../benchmarks/bands.js';
import { listAreas } from '../measures/areas.repository.js';
import { measureCodes } from '../measures/suggestions.js';
import { readStrategyVersion } from './actions.repository.js';
import { figuresReader, localSeries } from './figures.service.js';
import type { Series } from './series.js';
import {
  evaluateTarget,
  yearReadings,
  type TargetInput,
  type TargetStatus,
  type YearReading,
} from './status.js';
import type { MeasureCatalogue } from './strategy-checks.js';
import { readStrategyFile, strategyToYaml } from './strategy-file.js';
import {
  insertStrategy,
  listStrategies,
  readStrategy,
  type StrategySummary,
} from './strategy.repository.js';
import type { StrategyDocument, StrategyMeasure, Target, TargetKind } from './strategy-schema.js';
import { targetSentence } from './target-terms.js';
import type { Cohort } from './status-types.js';

export type { StrategySummary };

/** What the store knows of measure codes, for the file's and the forms' checks. */
export async function measureCatalogue(db: Queryable): Promise<MeasureCatalogue> {
  const { measures, suggest } = await measureCodes(db);
  const byCode = new Map(measures.map((m) => [m.code, m]));
  const las = new Set((await listAreas(db)).filter((a) => a.kind === 'la').map((a) => a.code));
  return {
    has: (code) => byCode.has(code),
    polarityOf: (code) => byCode.get(code)?.polarity,
    // Unknown codes are refused by `has`: a band check on them would only repeat it.
    hasBands: (code) => {
      const m = byCode.get(code);
      return m === undefined || hasBands(m);
    },
    hasLa: (la) => las.has(la),
    suggest,
  };
}

/** Imports a strategy file as a new strategy: all of it, or (on any problem) nothing. */
export async function importStrategy(
  db: Database,
  actor: Actor,
  source: string,
  file: string,
): Promise<{ id: string; strategy: StrategyDocument }> {
  const doc = readStrategyFile(source, file, await measureCatalogue(db));
  const id = await db.transaction(async (tx) => {
    const id = await insertStrategy(tx, doc);
    await audit(
      tx,
      actor,
      'strategy.import',
      { kind: 'strategy', id },
      { title: doc.title, la: doc.la, file },
    );
    return id;
  });
  return { id, strategy: doc };
}

export async function requireStrategy(db: Queryable, id: string): Promise<StrategyDocument> {
  const doc = isUuid(id) ? await readStrategy(db, id) : undefined;
  if (!doc) throw strategyNotFound(id);
  return doc;
}

const strategyNotFound = (id: string) =>
  lanternError('LANTERN_STRATEGY_NOT_FOUND', `No strategy has the id "${id}".`, {
    hint: 'Run `lantern strategy list` to see the strategies and their ids.',
  });

export function strategies(db: Queryable): Promise<StrategySummary[]> {
  return listStrategies(db);
}

/** The strategy as its one canonical file text. */
export async function exportStrategy(db: Queryable, id: string): Promise<string> {
  return strategyToYaml(await requireStrategy(db, id));
}

/** One target judged, with where it sits in the strategy. */
export interface JudgedTarget extends TargetStatus {
  key: string;
  kind: TargetKind;
  sentence: string;
  priority: { key: string; title: string };
  aim: { key: string; title: string };
  /** The measure as the strategy names it, and the Lantern or local measure behind it. */
  measureEntry: {
    key: string;
    name: string;
    replaces: string | null;
    group: string | null;
    phase: string | null;
  };
  measure: string | null;
  measureName: string | null;
  /** The figures' measure (units, decimal places), for wording them. */
  figures: Series['measure'];
  /** Every year's figures the target was judged on (a gap target: the other group's too). */
  years: Series['years'];
  /** Each year as the target reads it (the figure judged and the line it had to reach). */
  readings: YearReading[];
  target: Target;
}

export interface StrategyStatus {
  id: string;
  strategy: StrategyDocument;
  asOf: string;
  targets: JudgedTarget[];
}

/** Every target of the strategy judged on the figures in the store now (so, after every import). */
export async function strategyStatus(
  db: Database,
  id: string,
  today: string,
): Promise<StrategyStatus> {
  return judgeStrategy(db, id, await requireStrategy(db, id), today);
}

/**
 * When the strategy the viewer may see last changed (one query; row security hides another
 * LA's, then: not found). Every edit of the strategy or its actions and local values moves it.
 */
export async function strategyVersionFor(
  db: Database,
  viewer: Viewer,
  id: string,
): Promise<string> {
  const version = isUuid(id)
    ? await withScope(db, viewer, (tx) => readStrategyVersion(tx, id))
    : undefined;
  if (version === undefined) throw strategyNotFound(id);
  return version;
}

/** The strategy as the viewer may see it: row security hides another LA's (then: not found). */
export async function strategyFor(
  db: Database,
  viewer: Viewer,
  id: string,
): Promise<StrategyDocument> {
  return withScope(db, viewer, (tx) => requireStrategy(tx, id));
}

/** The strategies of one LA that the viewer may see. */
export async function strategiesFor(
  db: Database,
  viewer: Viewer,
  laCode: number,
): Promise<StrategySummary[]> {
  const all = await withScope(db, viewer, (tx) => listStrategies(tx));
  return all.filter((s) => s.laCode === laCode);
}

/** Judges a strategy already read (by `strategyFor`, under the viewer's scope). */
export async function judgeStrategy(
  db: Database,
  id: string,
  doc: StrategyDocument,
  today: string,
): Promise<StrategyStatus> {
  const figures = await figuresReader(db, doc.la, lanternCodesOf(doc));
  const locals = new Map(doc.localMeasures.map((m) => [m.code, localSeries(m)]));
  const seriesOf = async (code: string | undefined): Promise<Series | null> =>
    code === undefined ? null : (locals.get(code) ?? (await figures.lantern(code)));
  const targets: JudgedTarget[] = [];
  for (const p of doc.priorities) {
    for (const a of p.aims) {
      for (const m of a.measures) {
        const series = await seriesOf(m.measure ?? m.local);
        for (const t of m.targets) {
          const other = t.kind === 'gap' ? await seriesOf(t.compareWith) : undefined;
          const input: TargetInput = {
            target: t,
            series,
            noDataSource: m.noDataSource,
            // A Lantern measure whose data has not been imported into this store.
            notImported: !series && m.measure !== undefined ? m.measure : undefined,
            other,
            cohorts: await cohortsOf(m, series, seriesOf),
            strategyStart: doc.period.from,
            today,
          };
          const status = evaluateTarget(input);
          targets.push({
            ...status,
            key: t.key!,
            kind: t.kind,
            sentence: targetSentence(t, series?.measure ?? namedOnly(m), other?.measure.name),
            priority: { key: p.key!, title: p.title },
            aim: { key: a.key!, title: a.title },
            measureEntry: {
              key: m.key!,
              name: m.name,
              replaces: m.replaces ?? null,
              group: m.group ?? null,
              phase: m.phase ?? null,
            },
            measure: m.measure ?? (m.local ? `local:${m.local}` : null),
            measureName: series?.measure.name ?? null,
            figures: series?.measure ?? namedOnly(m),
            years: series?.years ?? [],
            readings: yearReadings(input),
            target: t,
          });
        }
      }
    }
  }
  return { id, strategy: doc, asOf: today, targets };
}

/** Every Lantern measure code a strategy's targets read: measures, gaps' other side, cohorts. */
function lanternCodesOf(doc: StrategyDocument): string[] {
  const locals = new Set(doc.localMeasures.map((m) => m.code));
  const codes = doc.priorities.flatMap((p) =>
    p.aims.flatMap((a) =>
      a.measures.flatMap((m) => [
        m.measure,
        m.cohortMeasure,
        ...m.targets.map((t) => (t.kind === 'gap' ? t.compareWith : undefined)),
      ]),
    ),
  );
  return codes.filter((c): c is string => c !== undefined && !locals.has(c));
}

/** The cohort in each year, from the count measure the strategy names (none: no count). */
async function cohortsOf(
  m: StrategyMeasure,
  series: Series | null,
  seriesOf: (code: string | undefined) => Promise<Series | null>,
): Promise<Cohort[] | null> {
  if (!m.cohortMeasure || !series) return null;
  const counts = await seriesOf(m.cohortMeasure);
  if (!counts) return null;
  return counts.years.flatMap((y) =>
    y.value != null && y.value > 0
      ? [{ yearNumber: y.yearNumber, yearLabel: y.yearLabel, pupils: y.value }]
      : [],
  );
}

/** A measure with no figures, as the strategy names it: enough to word its targets. */
function namedOnly(m: StrategyMeasure): Series['measure'] {
  return {
    code: m.key!,
    name: m.name,
    polarity: null,
    decimalPlaces: 1,
    unitLabel: null,
    lastUpdate: null,
    nextUpdate: null,
    source: 'none',
  };
}
