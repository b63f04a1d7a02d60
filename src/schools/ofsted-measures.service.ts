import type { Queryable } from '../core/db.js';
import { refreshBenchmarks } from '../benchmarks/benchmarks.service.js';
import { listAreas } from '../measures/areas.repository.js';
import { upsertMeasures } from '../measures/measures.repository.js';
import { upsertObservations } from '../measures/observations.repository.js';
import { ofstedMeasureCodes, ofstedMeasures, ofstedShares } from './ofsted-measures.js';
import { schoolsForOfstedMeasures } from './ofsted-measures.repository.js';

/**
 * Recomputes the Ofsted measures from the schools and inspections the store holds, inside the
 * import that changed them (an Ofsted or GIAS import, the demo): the year label is the date of
 * the newest inspection, so a later month's file adds a year and the earlier ones stay.
 * Returns the measures and year labels written ("SCH_OFSTED_GOOD_SCHOOLS 2025 (to 9 Jul), ..."),
 * or null when no school has an inspection to count.
 */
export async function refreshOfstedMeasures(
  tx: Queryable,
  releaseId: number,
): Promise<string | null> {
  const schools = await schoolsForOfstedMeasures(tx);
  const rows = ofstedShares(schools, await listAreas(tx));
  if (rows.length === 0) return null;
  await upsertMeasures(tx, ofstedMeasures, releaseId);
  const written = [...new Map(rows.map((r) => [`${r.measureCode}|${r.yearLabel}`, r])).values()];
  for (const r of written)
    await tx.query('delete from observation where measure_code = $1 and year_label = $2', [
      r.measureCode,
      r.yearLabel,
    ]);
  await upsertObservations(tx, rows, releaseId);
  await refreshBenchmarks(tx, ofstedMeasureCodes);
  return [...new Set(written.map((r) => `${r.measureCode} ${r.yearLabel}`))].join(', ');
}
