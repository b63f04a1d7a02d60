import { disableDemoAccounts } from '../access/demo-accounts.service.js';
import crypto from 'node:crypto';
import type { Database, Queryable } from '../core/db.js';
import { refreshBenchmarks } from '../benchmarks/benchmarks.service.js';
import { listAreas } from '../measures/areas.repository.js';
import { upsertMeasures } from '../measures/measures.repository.js';
import { replaceNeighbourSet } from '../measures/neighbours.repository.js';
import { upsertObservations } from '../measures/observations.repository.js';
import { recordRelease } from '../measures/releases.repository.js';
import { demoDefaultSeed, generateDemoData, type DemoData } from './demo-data.js';
import { countObservations, deleteDemoRows, demoMeasuresExist } from './demo.repository.js';

export const demoReleaseDescription = 'Lantern synthetic demo data set (not official statistics)';

export interface DemoSummary {
  releaseId: number;
  seed: string;
  measures: number;
  observations: number;
  localAuthorities: number;
  topics: string[];
  milliseconds: number;
}

/** A checksum of the generated data, so two loads of the same seed are seen to be identical. */
function checksum(data: DemoData): string {
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify(data.measures));
  for (const o of data.observations)
    hash.update(`${o.measureCode}|${o.areaCode}|${o.yearLabel}|${o.value}|${o.suppression}\n`);
  return hash.digest('hex');
}

/**
 * Loads the synthetic demo data set in one transaction: removes any earlier demo data, records
 * a 'demo' release, writes measures, observations and the demo neighbour set, then recomputes
 * the benchmarks. Real data already in the store is left alone.
 */
export async function loadDemo(
  db: Database,
  options: { seed?: string; now?: () => number } = {},
): Promise<DemoSummary> {
  const now = options.now ?? Date.now;
  const started = now();
  const areas = await listAreas(db);
  const data = generateDemoData(areas, options.seed ?? demoDefaultSeed);
  const releaseId = await db.transaction(async (tx) => {
    await removeDemoData(tx);
    const id = await recordRelease(tx, {
      source: 'demo',
      description: demoReleaseDescription,
      fileName: `generated (seed ${data.seed})`,
      checksumSha256: checksum(data),
      rowCount: data.observations.length,
      details: { seed: data.seed, synthetic: true, measures: data.measures.length },
    });
    await upsertMeasures(tx, data.measures, id);
    await upsertObservations(tx, data.observations, id);
    await replaceNeighbourSet(tx, data.neighbourSet, id);
    await refreshBenchmarks(
      tx,
      data.measures.map((m) => m.code),
    );
    return id;
  });
  return {
    releaseId,
    seed: data.seed,
    measures: data.measures.length,
    observations: data.observations.length,
    localAuthorities: data.profiles.length,
    topics: [...new Set(data.measures.map((m) => m.topic))],
    milliseconds: now() - started,
  };
}

/** True when the store holds the demo data set (pages then say it is synthetic). */
export async function hasDemoData(db: Queryable): Promise<boolean> {
  return demoMeasuresExist(db);
}

/** Removes every trace of the demo data set; importers of real data call this in their transaction. */
export async function removeDemoData(tx: Queryable): Promise<void> {
  await deleteDemoRows(tx);
  await disableDemoAccounts(tx);
}

/** True when the store holds no observations at all (`lantern serve` then loads the demo). */
export async function storeIsEmpty(db: Queryable): Promise<boolean> {
  return (await countObservations(db)) === 0;
}
