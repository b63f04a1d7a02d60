/**
 * "Build your own" comparisons: the chosen LAs (one by one, by region, by statistical
 * neighbours, or a named set) × measures × years, with the published values. Values are the
 * observations as published (no ranks or averages: the other pages give those); "latest" is
 * each measure's latest year as its benchmarks define it.
 */
import type { Queryable } from '../core/db.js';
import { listAreas } from '../measures/areas.repository.js';
import { listMeasures } from '../measures/measures.repository.js';
import { latestNeighbourSetVersion, loadNeighbourSet } from '../measures/neighbours.repository.js';
import { listObservations } from '../measures/observations.repository.js';
import { listLatestYears } from './benchmarks.repository.js';
import { resolveLas } from './compare-las.js';
import {
  chooseMeasures,
  chosenYears,
  measureComparison,
  missingYearProblems,
  sizeProblems,
  yearProblems,
  type CompareQuery,
  type ComparisonResult,
  type ComparisonValue,
  type MeasureValues,
  type Problem,
} from './compare.js';
import { compareLabels } from './engine.js';

/** Where the service keeps what it read between calls (the web app's cache per data version). */
export interface ComputeCache {
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export function createCompareService(db: Queryable, cache: ComputeCache) {
  const areas = () => cache.get('compare:areas', () => listAreas(db));
  const measures = () =>
    cache.get(
      'compare:measures',
      async () => new Map((await listMeasures(db)).map((m) => [m.code, m])),
    );
  const neighbourSet = () =>
    cache.get('compare:neighbour-set', async () => {
      const version = await latestNeighbourSetVersion(db);
      return version === undefined ? undefined : loadNeighbourSet(db, version);
    });
  const latestYears = () => cache.get('compare:latest-years', () => listLatestYears(db));
  const measureValues = (code: string) =>
    cache.get(`compare:data:${code}`, () => readMeasureValues(db, code));

  async function run(q: CompareQuery): Promise<ComparisonResult> {
    const [allAreas, byCode, set] = [await areas(), await measures(), await neighbourSet()];
    const problems: Problem[] = [...yearProblems(q.year)];
    const { las, regions } = resolveLas(q, allAreas, set, problems);
    const chosen = chooseMeasures(q.measure, byCode, problems);
    problems.push(...sizeProblems(q, las.length, problems));
    if (problems.length) return { ok: false, problems };

    const years = chosenYears(q);
    const data = await Promise.all(chosen.map((m) => measureValues(m.code)));
    problems.push(...missingYearProblems(years, data));
    if (problems.length) return { ok: false, problems };
    const latest = await latestYears();
    const groups = { las, regions, england: q.england };
    return {
      ok: true,
      comparison: {
        las,
        regions,
        setName: q.setName || null,
        neighbourSetVersion: set?.version ?? null,
        years,
        england: q.england,
        measures: chosen.map((measure, i) =>
          measureComparison(measure, data[i]!, years, latest.get(measure.code)?.yearLabel, groups),
        ),
      },
    };
  }

  return {
    /** Computed once per selection and data version. Never mutate the result. */
    compare: (q: CompareQuery) => cache.get(`compare:${selectionKey(q)}`, () => run(q)),
    areas,
    neighbourSet,
  };
}

export type CompareService = ReturnType<typeof createCompareService>;

/** What decides a comparison's result (the measure picker's words do not). */
function selectionKey(q: CompareQuery): string {
  return JSON.stringify([q.la, q.group, q.setName, q.setLas, q.measure, q.year, q.england]);
}

async function readMeasureValues(db: Queryable, code: string): Promise<MeasureValues> {
  const years = new Map<string, number>();
  const values = new Map<number, Map<string, ComparisonValue>>();
  for (const r of await listObservations(db, [code])) {
    years.set(r.yearLabel, r.yearNumber);
    let byYear = values.get(r.areaCode);
    if (!byYear) values.set(r.areaCode, (byYear = new Map()));
    byYear.set(r.yearLabel, { yearLabel: r.yearLabel, value: r.value, suppression: r.suppression });
  }
  const sorted = [...years]
    .map(([label, number]) => ({ label, number }))
    .sort((a, b) => a.number - b.number || compareLabels(a.label, b.label));
  return { years: sorted, values };
}
