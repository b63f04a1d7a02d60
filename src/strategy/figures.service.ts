/**
 * The figures a strategy's targets are judged on: for a Lantern measure, the benchmark
 * engine's own time series for the LA (the same values, ranks, cut points and comparators as
 * the scorecard); for a local measure, the values the LA entered.
 */
import { getLaMeasureTimeSeries } from '../benchmarks/time-series.service.js';
import type { Database } from '../core/db.js';
import { LanternError } from '../core/errors.js';
import { formatDate } from '../core/format.js';
import { listMeasureReleaseIds } from '../measures/measure-releases.repository.js';
import { listReleases } from '../measures/releases.repository.js';
import type { Series } from './series.js';
import type { LocalMeasure } from './strategy-schema.js';

export interface FiguresReader {
  /** The LA's series for a Lantern measure; null when the store has no figures for it. */
  lantern(code: string): Promise<Series | null>;
}

/** Reads each measure once per use (a strategy names some measures several times). */
export async function figuresReader(db: Database, laCode: number): Promise<FiguresReader> {
  const [releaseIds, releases] = [await listMeasureReleaseIds(db), await listReleases(db)];
  const releaseById = new Map(releases.map((r) => [r.id, r]));
  const read = new Map<string, Promise<Series | null>>();
  const sourceOf = (code: string): string => {
    const id = releaseIds.get(code);
    const r = id === undefined || id === null ? undefined : releaseById.get(id);
    return r
      ? `${r.description} (${r.fileName}, imported ${formatDate(r.importedAt.slice(0, 10))})`
      : 'no release recorded';
  };
  async function load(code: string): Promise<Series | null> {
    try {
      const ts = await getLaMeasureTimeSeries(db, laCode, code);
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
          source: sourceOf(code),
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
    } catch (error) {
      if (error instanceof LanternError && error.code === 'LANTERN_NO_DATA') return null;
      throw error;
    }
  }
  return {
    lantern(code) {
      let p = read.get(code);
      if (!p) read.set(code, (p = load(code)));
      return p;
    },
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
      source: 'entered by the LA (a local measure)',
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
