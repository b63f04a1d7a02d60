import { hasBands } from './bands.js';
import type { Database } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import type { Measure } from '../measures/measure.js';
import type { CutPoints, LaBenchmark } from './benchmark.js';
import {
  computeMeasure,
  computeMeasures,
  requireLa,
  requireMeasure,
} from './benchmarks.service.js';
import { listMeasures } from '../measures/measures.repository.js';
import { compareLabels, type MeasureBenchmarks, type YearBenchmark } from './engine.js';
import { emptyBenchmark } from './empty-benchmark.js';

/** One year of an LA's time series: the LA, its region, its neighbours' average and England. */
export interface LaMeasureYear {
  yearLabel: string;
  yearNumber: number;
  /** The LA's benchmark that year (all nulls when it has no row). Numbers unrounded. */
  benchmark: LaBenchmark;
  /** Cut points where bands apply (a polarity and not "no quartile"), else null. */
  cutPoints: CutPoints | null;
}

/** The LAIT "LA view" of one measure: every year of the LA, its region, SN average and England. */
export interface LaMeasureTimeSeries {
  measure: Measure;
  la: { code: number; name: string };
  neighbourSetVersion: string | null;
  /** Oldest first. */
  years: LaMeasureYear[];
  /** The LAIT latest year's label (text maximum of the LA rows' labels). */
  latestYearLabel: string | null;
}

/** An LA with no row in a year: nothing of its own, but the year's N and England still apply. */
function missingRow(la: { code: number; name: string }, year: YearBenchmark): LaBenchmark {
  return { ...emptyBenchmark(la), rankOf: year.rankOf, englandValue: year.englandValue };
}

/** The LA's row position in a year (rows are the same LAs in the same order every year). */
function rowIndex(year: YearBenchmark, laCode: number): number {
  for (let k = 0; k < year.rowCount; k++) if (year.row(k).laCode === laCode) return k;
  return -1;
}

/**
 * One LA on one measure, every year, from one run of the engine over the measure (the same
 * figures as the scorecard and the all-LAs page).
 */
export async function getLaMeasureTimeSeries(
  db: Database,
  laCode: number,
  measureCode: string,
  options: { neighbourSetVersion?: string } = {},
): Promise<LaMeasureTimeSeries> {
  const la = await requireLa(db, laCode);
  const measure = await requireMeasure(db, measureCode);
  const { result, neighbourSetVersion } = await computeMeasure(db, measure, options);
  const series = laSeries(la, measure, result, neighbourSetVersion);
  if (!series) {
    throw lanternError('LANTERN_NO_DATA', `Measure "${measure.code}" has no data yet.`, {
      hint: 'Import the data first: `lantern import lait <folder>`.',
    });
  }
  return series;
}

/**
 * One LA on several measures at once (one run of the engine, one read of each table): by code,
 * null for a code the store has no measure or no figures for.
 */
export async function getLaMeasureTimeSeriesMany(
  db: Database,
  laCode: number,
  measureCodes: readonly string[],
): Promise<Map<string, LaMeasureTimeSeries | null>> {
  const la = await requireLa(db, laCode);
  const wanted = new Set(measureCodes);
  const measures = (await listMeasures(db)).filter((m) => wanted.has(m.code));
  const { results, neighbourSetVersion } = await computeMeasures(db, measures);
  const out = new Map<string, LaMeasureTimeSeries | null>(measureCodes.map((c) => [c, null]));
  for (const result of results) {
    const measure = measures.find((m) => m.code === result.measureCode)!;
    out.set(measure.code, laSeries(la, measure, result, neighbourSetVersion));
  }
  return out;
}

function laSeries(
  la: { code: number; name: string },
  measure: Measure,
  result: MeasureBenchmarks | undefined,
  neighbourSetVersion: string | null,
): LaMeasureTimeSeries | null {
  const years = [...(result?.years ?? [])].sort(
    (a, b) => a.yearNumber - b.yearNumber || compareLabels(a.yearLabel, b.yearLabel),
  );
  if (years.length === 0) return null;
  const k = rowIndex(years[0]!, la.code);
  const banded = hasBands(measure);
  return {
    measure,
    la,
    neighbourSetVersion,
    latestYearLabel: years.find((y) => y.isLatest)?.yearLabel ?? null,
    years: years.map((year) => {
      const row = k >= 0 ? year.row(k) : undefined;
      return {
        yearLabel: year.yearLabel,
        yearNumber: year.yearNumber,
        benchmark: row && row.laCode === la.code ? row : missingRow(la, year),
        cutPoints: banded ? year.cutPoints : null,
      };
    }),
  };
}
