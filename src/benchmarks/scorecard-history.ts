/**
 * What the scorecard adds to each row beyond the latest year: the LA's values over the last
 * years (the sparkline) and the band it was in the year before (to flag "moved band").
 * The previous year's cut points are the engine's: type-7 quantiles of every LA value that
 * year (quantiles.ts), banded by bands.ts.
 */
import type { Database } from '../core/db.js';
import type { Measure } from '../measures/measure.js';
import type { QuartileBand, Scorecard } from './benchmark.js';
import { hasBands, quartileBand } from './bands.js';
import { compareLabels } from './engine.js';
import type { Quartiles } from './quantiles.js';
import { listAllCutPoints } from './benchmarks.repository.js';
import { readLaObservations } from './scorecard-history.repository.js';

/** Measure code → year label → that year's cut points (null when no LA had a value). */
export type PreviousCutPoints = Map<string, Map<string, Quartiles | null>>;

/**
 * Every measure's cut points for every year, as stored at import by the engine (a few thousand
 * rows): the "moved band" flag bands the LA's previous year with that year's cut points.
 */
export async function computePreviousCutPoints(db: Database): Promise<PreviousCutPoints> {
  const out: PreviousCutPoints = new Map();
  for (const r of await listAllCutPoints(db)) {
    const years = out.get(r.measureCode) ?? new Map<string, Quartiles | null>();
    years.set(r.yearLabel, r.cutPoints);
    out.set(r.measureCode, years);
  }
  return out;
}

export interface EntryHistory {
  /** The LA's values, oldest first, for up to ten years ending at the shown year. */
  points: { yearLabel: string; yearNumber: number; value: number | null }[];
  /** The band the year before (the LA's previous year of data), when known. */
  previousBand: QuartileBand | null;
  /** Compared with the shown band: 'better' (e.g. C → B), 'worse', or null (same or unknown). */
  moved: 'better' | 'worse' | null;
}

export type ScorecardHistory = Map<string, EntryHistory>;

function bandFor(
  measure: Measure,
  value: number | null,
  cut: Quartiles | null,
): QuartileBand | null {
  if (!hasBands(measure)) return null;
  return quartileBand(value, cut, measure.polarity);
}

/** Sparkline points and band movement for every entry of an LA's scorecard. */
export async function getScorecardHistory(
  db: Database,
  scorecard: Scorecard,
  previousCuts: PreviousCutPoints,
  maxYears = 10,
): Promise<ScorecardHistory> {
  const byMeasure = new Map<string, EntryHistory['points']>();
  for (const o of await readLaObservations(db, scorecard.laCode)) {
    const list = byMeasure.get(o.measureCode) ?? [];
    list.push({ yearLabel: o.yearLabel, yearNumber: o.yearNumber, value: o.value });
    byMeasure.set(o.measureCode, list);
  }
  const out: ScorecardHistory = new Map();
  for (const topic of scorecard.topics) {
    for (const e of topic.entries) {
      const all = (byMeasure.get(e.measure.code) ?? []).sort(
        (a, b) => a.yearNumber - b.yearNumber || compareLabels(a.yearLabel, b.yearLabel),
      );
      const end = all.findIndex((p) => p.yearLabel === e.yearLabel);
      const points = all.slice(Math.max(0, end + 1 - maxYears), end < 0 ? all.length : end + 1);
      const prevLabel = e.benchmark.previousYearLabel;
      const prevCuts =
        prevLabel === null ? undefined : previousCuts.get(e.measure.code)?.get(prevLabel);
      const previousBand =
        prevLabel !== null && prevCuts !== undefined
          ? bandFor(e.measure, all.find((p) => p.yearLabel === prevLabel)?.value ?? null, prevCuts)
          : null;
      const now = e.benchmark.quartileBand;
      const moved =
        previousBand && now && previousBand !== now
          ? now < previousBand
            ? 'better'
            : 'worse'
          : null;
      out.set(e.measure.code, { points, previousBand, moved });
    }
  }
  return out;
}
