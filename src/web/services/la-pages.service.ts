import type { Database } from '../../core/db.js';
import type { Scorecard } from '../../benchmarks/benchmark.js';
import {
  computePreviousCutPoints,
  getScorecardHistory,
} from '../../benchmarks/scorecard-history.js';
import { getLaMeasureTimeSeries } from '../../benchmarks/time-series.service.js';
import type { DataVersionCache } from './data-version-cache.js';

/**
 * Data for the LA scorecard and the LA-measure pages, cached per data version; `scorecard`
 * is the services' own (services.ts), so both read one cached scorecard.
 */
export function createLaPagesService(
  db: Database,
  cache: DataVersionCache,
  scorecard: (laCode: number) => Promise<Scorecard>,
) {
  return {
    /** Sparkline points and "moved band" for each row of the LA's scorecard. */
    scorecardHistory: (laCode: number) =>
      cache.get(`la-pages:scorecard-history:${laCode}`, async () =>
        getScorecardHistory(
          db,
          await scorecard(laCode),
          await cache.get('la-pages:previous-cut-points', () => computePreviousCutPoints(db)),
        ),
      ),
    /** Every year of one LA on one measure, with its region, SN average and England. */
    timeSeries: (laCode: number, measureCode: string) =>
      cache.get(`la-pages:time-series:${laCode}:${measureCode}`, () =>
        getLaMeasureTimeSeries(db, laCode, measureCode),
      ),
  };
}
