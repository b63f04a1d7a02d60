import type { Database, Queryable } from '../core/db.js';
import type { MeasureBenchmark, Scorecard } from './benchmark.js';

// Contract shared by importers, CLI and web; implementation in progress (issue 2).

/** Recomputes the precomputed benchmark tables for these measures (all when omitted). Call inside the import transaction. */
export async function refreshBenchmarks(_tx: Queryable, _measureCodes?: string[]): Promise<void> {}

/** Every LA's benchmark on one measure in one year (default: latest); only `laCode` when given. */
export async function getMeasureBenchmark(
  _db: Database,
  _measureCode: string,
  _options: { yearLabel?: string; laCode?: number } = {},
): Promise<MeasureBenchmark> {
  throw new Error('not built yet');
}

/** Every measure's latest benchmark for one LA, grouped by topic. */
export async function getScorecard(_db: Database, _laCode: number): Promise<Scorecard> {
  throw new Error('not built yet');
}
