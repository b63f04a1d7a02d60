/**
 * The figures a strategy's targets are judged on: for a Lantern measure, the benchmark
 * engine's own time series for the LA (the same values, ranks, cut points and comparators as
 * the scorecard); for a local measure, the values the LA entered.
 */
import {
  getLaMeasureTimeSeriesMany,
  type LaMeasureTimeSeries,
} from '../benchmarks/time-series.service.js';
import type { Database } from '../core/db.js';
import { formatDate } from '../core/format.js';
import { listMeasureReleaseIds } from '../measures/measure-releases.repository.js';
import { listReleases } from '../measures/releases.repository.js';
import type { Series } from './series.js';
import type { LocalMeasure } from './strategy-schema.js';

export interface FiguresReader {
  /** The LA's series for a Lantern measure; null when the store has no figures for it. */
  lantern(code: string): Promise<Series | null>;
}

/**
 * Reads every measure in `codes` in one run of the engine (a strategy names thirty;
 * one run each took seconds on the real store).
 */
export async function figuresReader(
  db: Database,
  laCode: number,
  codes: readonly string[],
): Promise<FiguresReader> {
  const [releaseIds, releases] = [await listMeasureReleaseIds(db), await listReleases(db)];
  const releaseById = new Map(releases.map((r) => [r.id, r]));
  const sourceOf = (code: string): string => {
    const id = releaseIds.get(code);
    const r = id === undefined || id === null ? undefined : releaseById.get(id);
    return r
      ? `${r.description}, file ${r.fileName}, imported ${formatDate(r.importedAt.slice(0, 10))}`
      : 'no release recorded';
  };
  const read = await getLaMeasureTimeSeriesMany(db, laCode, [...new Set(codes)]);
  const series = new Map<string, Series | null>();
  for (const [code, ts] of read) series.set(code, ts ? asSeries(ts, sourceOf(code)) : null);
  return {
    async lantern(code) {
      // A code not named up front is a caller's mistake, not a measure without figures.
      if (!series.has(code)) throw new Error(`figuresReader was not asked for "${code}"`);
      return series.get(code)!;
    },
  };
}

function asSeries(ts: LaMeasureTimeSeries, source: string): Series {
  const m = ts.measure;
  return {
    measure: {
      code: m.code,
      name: m.name,
      polarity: m.polarity,
      decimalPlaces: m.decimalPlaces,
      unitLabel: m.unitLabel,
      lastUpdate: m.lastUpdate,
      nextUpdate: m.nextUpdate,
      source,
    },
    years: ts.years.map((y) => ({
      yearLabel: y.yearLabel,
      yearNumber: y.yearNumber,
      value: y.benchmark.value,
      rank: y.benchmark.rank,
      rankOf: y.benchmark.rankOf,
      cutPoints: y.cutPoints,
      england: y.benchmark.englandValue,
      region: y.benchmark.regionValue,
      neighbours: y.benchmark.statisticalNeighboursAverage,
    })),
  };
}

/** A local measure as a series: the LA's own values, no comparators. */
export function localSeries(m: LocalMeasure): Series {
  const years = m.values
    .map((v) => ({ yearLabel: v.year, yearNumber: Number(v.year.slice(0, 4)), value: v.value }))
    .sort((a, b) => a.yearNumber - b.yearNumber || (a.yearLabel < b.yearLabel ? -1 : 1));
  return {
    measure: {
      code: m.code,
      name: m.name,
      polarity: m.polarity,
      decimalPlaces: m.decimalPlaces,
      unitLabel: m.unit,
      lastUpdate: null,
      nextUpdate: null,
      source: "entered by the LA's officers in Lantern, not published statistics",
    },
    years: years.map((y) => ({
      ...y,
      rank: null,
      rankOf: null,
      cutPoints: null,
      england: null,
      region: null,
      neighbours: null,
    })),
  };
}
