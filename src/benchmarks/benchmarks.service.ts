import { hasBands } from './bands.js';
import type { Database, Queryable } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import { listAreas } from '../measures/areas.repository.js';
import type { Measure } from '../measures/measure.js';
import { findMeasure, listMeasures } from '../measures/measures.repository.js';
import { notFoundError } from '../measures/suggestions.js';
import { latestNeighbourSetVersion, loadNeighbourSet } from '../measures/neighbours.repository.js';
import { listObservations, type ObservationRow } from '../measures/observations.repository.js';
import type { CutPoints, MeasureBenchmark, Scorecard, ScorecardEntry } from './benchmark.js';
import {
  deleteBenchmarks,
  insertBenchmarks,
  listLatestYears,
  listYearLabelsByMeasure,
  readLatestRowsForLa,
} from './benchmarks.repository.js';
import { emptyBenchmark } from './empty-benchmark.js';
import { compareLabels, computeBenchmarks, type MeasureBenchmarks } from './engine.js';

/**
 * Recomputes the precomputed benchmark tables for these measures (all when omitted), every
 * year, with the newest statistical-neighbour set. Call inside the import transaction.
 */
export async function refreshBenchmarks(
  tx: Queryable,
  measureCodes?: string[],
  options: {
    /** Every observation of these measures, when the caller already holds them (saves reading them back). */
    observations?: ObservationRow[];
  } = {},
): Promise<void> {
  const wanted = measureCodes ? new Set(measureCodes) : undefined;
  const measures = (await listMeasures(tx)).filter((m) => !wanted || wanted.has(m.code));
  const codes = measures.map((m) => m.code);
  const version = await latestNeighbourSetVersion(tx);
  const [observations, areas, neighbourSet] = [
    options.observations ?? (await listObservations(tx, measureCodes ? codes : undefined)),
    await listAreas(tx),
    version === undefined ? undefined : await loadNeighbourSet(tx, version),
  ];
  const results = computeBenchmarks({ measures, observations, areas, neighbourSet });
  await deleteBenchmarks(tx, measureCodes);
  await insertBenchmarks(tx, results);
}

/** Cut points are shown only where bands apply: a direction (polarity) and not flagged "no quartile". */
function bandCutPoints(measure: Measure, cutPoints: CutPoints | null): CutPoints | null {
  return hasBands(measure) ? cutPoints : null;
}

export async function requireMeasure(db: Queryable, code: string): Promise<Measure> {
  const measure = await findMeasure(db, code);
  if (!measure) {
    throw await notFoundError(
      db,
      'measure',
      code,
      `No measure has the code "${code}".`,
      'Run `lantern measures --search <words>` to find the code (codes are case-sensitive).',
    );
  }
  return measure;
}

export async function requireLa(
  db: Queryable,
  laCode: number,
): Promise<{ code: number; name: string }> {
  const [area] = await db.query<{ code: number; name: string }>(
    `select code, name from area where code = $1 and kind = 'la'`,
    [laCode],
  );
  if (!area) {
    throw await notFoundError(
      db,
      'la',
      String(laCode),
      `No local authority has the code ${laCode}.`,
      'Run `lantern areas` to list the LAs and their codes.',
    );
  }
  return area;
}

/** Computes one measure's benchmarks for every year from its observations (a few thousand rows: fast). */
export async function computeMeasure(
  db: Queryable,
  measure: Measure,
  options: { neighbourSetVersion?: string } = {},
): Promise<{ result: MeasureBenchmarks | undefined; neighbourSetVersion: string | null }> {
  const { results, neighbourSetVersion } = await computeMeasures(db, [measure], options);
  return { result: results[0], neighbourSetVersion };
}

/**
 * Several measures in one run of the engine: one read of the areas, the neighbour set and the
 * observations, whatever the number of measures (a strategy names thirty). Results in `measures` order.
 */
export async function computeMeasures(
  db: Queryable,
  measures: Measure[],
  options: { neighbourSetVersion?: string } = {},
): Promise<{ results: MeasureBenchmarks[]; neighbourSetVersion: string | null }> {
  const version = options.neighbourSetVersion ?? (await latestNeighbourSetVersion(db));
  const [observations, areas, neighbourSet] = [
    await listObservations(
      db,
      measures.map((m) => m.code),
    ),
    await listAreas(db),
    version === undefined ? undefined : await loadNeighbourSet(db, version),
  ];
  if (options.neighbourSetVersion !== undefined && !neighbourSet) {
    throw lanternError(
      'LANTERN_NO_DATA',
      `No statistical-neighbour set "${options.neighbourSetVersion}" is loaded.`,
      {
        hint: 'Import the LAIT files (they include the 2025 and 2021 sets): `lantern import lait <folder>`.',
      },
    );
  }
  const results = computeBenchmarks({ measures, observations, areas, neighbourSet });
  return { results, neighbourSetVersion: version ?? null };
}

/**
 * Every LA's benchmark on one measure in one year (default: latest); only `laCode` when given.
 * Computed from the observations on each call, by the same engine that fills the scorecard table.
 */
export async function getMeasureBenchmark(
  db: Database,
  measureCode: string,
  options: { yearLabel?: string; laCode?: number; neighbourSetVersion?: string } = {},
): Promise<MeasureBenchmark> {
  const measure = await requireMeasure(db, measureCode);
  const la = options.laCode === undefined ? undefined : await requireLa(db, options.laCode);
  const { result, neighbourSetVersion } = await computeMeasure(db, measure, {
    ...(options.neighbourSetVersion !== undefined
      ? { neighbourSetVersion: options.neighbourSetVersion }
      : {}),
  });
  // Newest first: by year number, then label (as LAIT's character order).
  const years = [...(result?.years ?? [])].sort(
    (a, b) => b.yearNumber - a.yearNumber || compareLabels(b.yearLabel, a.yearLabel),
  );
  if (years.length === 0) {
    throw lanternError('LANTERN_NO_DATA', `Measure "${measure.code}" has no data yet.`, {
      hint: 'Import the data first: `lantern import lait <folder>` or `lantern import ees <csv> --mapping <file>`.',
    });
  }
  const year =
    options.yearLabel === undefined
      ? (years.find((y) => y.isLatest) ?? years[0]!)
      : years.find((y) => y.yearLabel === options.yearLabel);
  if (!year) {
    throw lanternError(
      'LANTERN_YEAR_NOT_FOUND',
      `Measure "${measure.code}" has no year "${options.yearLabel}".`,
      {
        hint: `Give a year as published: ${years.map((y) => `"${y.yearLabel}"`).join(', ')}; or leave --year out for the latest.`,
      },
    );
  }
  let rows = la ? year.rows.filter((r) => r.laCode === la.code) : year.rows;
  if (la && rows.length === 0) rows = [emptyBenchmark(la)];
  return {
    measure,
    yearLabel: year.yearLabel,
    yearNumber: year.yearNumber,
    yearLabels: years.map((y) => y.yearLabel),
    cutPoints: bandCutPoints(measure, year.cutPoints),
    neighbourSetVersion,
    rows,
  };
}

/** What every LA's scorecard reads alike: the measures, each one's latest year, the neighbour set. */
export interface ScorecardCatalogue {
  measures: Measure[];
  latest: Awaited<ReturnType<typeof listLatestYears>>;
  neighbourSetVersion: string | null;
}

export async function readScorecardCatalogue(db: Queryable): Promise<ScorecardCatalogue> {
  return {
    measures: await listMeasures(db),
    latest: await listLatestYears(db),
    neighbourSetVersion: (await latestNeighbourSetVersion(db)) ?? null,
  };
}

/**
 * Every measure's latest benchmark for one LA, grouped by topic (measures the LA has no row for
 * are left out). `catalogue`: when the caller holds it for many LAs (the web app, once per data version),
 * each scorecard reads only its LA's rows: the measures' metadata is most of what is read.
 */
export async function getScorecard(
  db: Database,
  laCode: number,
  catalogue?: ScorecardCatalogue,
): Promise<Scorecard> {
  const la = await requireLa(db, laCode);
  const { measures, latest, neighbourSetVersion } = catalogue ?? (await readScorecardCatalogue(db));
  const rows = await readLatestRowsForLa(db, la.code);
  const topics: Scorecard['topics'] = [];
  for (const measure of measures) {
    const year = latest.get(measure.code);
    const benchmark = rows.get(measure.code);
    if (!year || !benchmark) continue;
    const entry: ScorecardEntry = {
      measure,
      yearLabel: year.yearLabel,
      cutPoints: bandCutPoints(measure, year.cutPoints),
      benchmark,
    };
    const last = topics[topics.length - 1];
    if (last?.topic === measure.topic) last.entries.push(entry);
    else topics.push({ topic: measure.topic, entries: [entry] });
  }
  return {
    laCode: la.code,
    laName: la.name,
    neighbourSetVersion,
    topics,
  };
}

export interface MeasureSummary {
  measure: Measure;
  /** Years with data, oldest first. */
  yearLabels: string[];
}

/**
 * The measure catalogue with each measure's years. `search`: words that must all appear
 * (ignoring case) in the code, name or topic.
 */
export async function listMeasureSummaries(
  db: Queryable,
  search?: string,
): Promise<MeasureSummary[]> {
  const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const [measures, years] = [await listMeasures(db), await listYearLabelsByMeasure(db)];
  return measures
    .filter((m) => {
      const text = `${m.code} ${m.name} ${m.topic}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .map((measure) => ({ measure, yearLabels: years.get(measure.code) ?? [] }));
}
