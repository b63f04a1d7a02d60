import { disableDemoAccounts } from '../access/demo-accounts.service.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from '../core/db.js';
import { refreshBenchmarks } from '../benchmarks/benchmarks.service.js';
import { listAreas } from '../measures/areas.repository.js';
import { upsertMeasures } from '../measures/measures.repository.js';
import { replaceNeighbourSet } from '../measures/neighbours.repository.js';
import { upsertObservations } from '../measures/observations.repository.js';
import { recordRelease } from '../measures/releases.repository.js';
import type { Measure } from '../measures/measure.js';
import { saveInspections } from '../schools/inspections.repository.js';
import { refreshOfstedMeasures } from '../schools/ofsted-measures.service.js';
import {
  replaceAreaFigures,
  replaceSchoolFigures,
  saveSchoolMeasures,
} from '../schools/observations.repository.js';
import { saveSchools } from '../schools/register.repository.js';
import { insertStrategy } from '../strategy/strategy.repository.js';
import type { StrategyDocument } from '../strategy/strategy-schema.js';
import { demoDefaultSeed, generateDemoData, type DemoData } from './demo-data.js';
import {
  countObservations,
  deleteDemoRows,
  demoMeasuresExist,
  schoolDataExists,
} from './demo.repository.js';
import {
  countDemoSchoolFigures,
  generateDemoSchools,
  type DemoSchoolsData,
} from './demo-schools.js';
import { demoCatalogue, demoStrategy } from './demo-strategies.js';

export const demoReleaseDescription = 'Lantern synthetic demo data set (not official statistics)';

/** The seed strategies shipped with Lantern, from src/demo or dist/demo alike. */
export const seedStrategiesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../strategies',
);

export interface DemoSummary {
  releaseId: number;
  seed: string;
  measures: number;
  observations: number;
  localAuthorities: number;
  /** Demo copies of the seed strategies loaded. */
  strategies: number;
  /** Demo schools written (0 when the store holds real school data: the demo adds none to it). */
  schools: number;
  /** Their figures, with the LA and England rows. */
  schoolFigures: number;
  topics: string[];
  milliseconds: number;
}

/** A checksum of the generated data, so two loads of the same seed are seen to be identical. */
function checksum(data: DemoData, schools: DemoSchoolsData): string {
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify(data.measures));
  for (const o of data.observations)
    hash.update(`${o.measureCode}|${o.areaCode}|${o.yearLabel}|${o.value}|${o.suppression}\n`);
  hash.update(JSON.stringify([schools.schools, schools.files, schools.inspections]));
  return hash.digest('hex');
}

/**
 * Writes the demo schools through the schools repositories, as imports of the performance
 * tables, GIAS and Ofsted would (the LA and England rows in one statement a file: see
 * replaceAreaFigures). Nothing when the store holds real school data (ADR 0005: the demo never
 * shares a store with it). Returns how many schools were written.
 */
async function writeDemoSchools(
  tx: Queryable,
  s: DemoSchoolsData,
  releaseId: number,
): Promise<number> {
  if (await schoolDataExists(tx)) return 0;
  await saveSchools(tx, s.schools, 'demo', releaseId);
  for (const m of s.measures) await saveSchoolMeasures(tx, m.publication, m.columns, releaseId);
  for (const f of s.files) {
    await replaceSchoolFigures(tx, f.publication, f.year, f.schools, releaseId);
    await replaceAreaFigures(tx, f.publication, f.year, f.areas, releaseId);
  }
  await saveInspections(tx, s.inspections, releaseId);
  // The demo LAs' shares of good schools, ranked like a real import's (schools/ofsted-measures.ts).
  await refreshOfstedMeasures(tx, releaseId);
  return s.schools.length;
}

/** A demo copy of each seed strategy file, checked against the demo measures. */
function demoStrategies(measures: Measure[], dir = seedStrategiesDir): StrategyDocument[] {
  const catalogue = demoCatalogue(measures);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => demoStrategy(fs.readFileSync(path.join(dir, f), 'utf8'), f, catalogue));
}

/**
 * Loads the synthetic demo data set in one transaction: removes any earlier demo data, records
 * a 'demo' release, writes measures, observations and the demo neighbour set, recomputes the
 * benchmarks, adds the demo copies of the seed strategies and writes the demo schools (register,
 * figures with their LA and England rows, inspections; demo-schools.ts) unless the store holds
 * real school data. Real data already in the store, real strategies among it, is left alone.
 */
export async function loadDemo(
  db: Database,
  options: { seed?: string; now?: () => number } = {},
): Promise<DemoSummary> {
  const now = options.now ?? Date.now;
  const started = now();
  const areas = await listAreas(db);
  const data = generateDemoData(areas, options.seed ?? demoDefaultSeed);
  const schools = generateDemoSchools(areas, data);
  // Made and checked before the transaction: a copy the demo cannot hold stops the load unbegun.
  const strategies = demoStrategies(data.measures);
  const { releaseId, schoolCount } = await db.transaction(async (tx) => {
    await removeDemoData(tx);
    const id = await recordRelease(tx, {
      source: 'demo',
      description: demoReleaseDescription,
      fileName: `generated (seed ${data.seed})`,
      checksumSha256: checksum(data, schools),
      rowCount: data.observations.length,
      details: {
        seed: data.seed,
        synthetic: true,
        measures: data.measures.length,
        schools: schools.schools.length,
      },
    });
    await upsertMeasures(tx, data.measures, id);
    await upsertObservations(tx, data.observations, id);
    await replaceNeighbourSet(tx, data.neighbourSet, id);
    await refreshBenchmarks(
      tx,
      data.measures.map((m) => m.code),
    );
    // Not audited one by one: they are part of the demo data set, recorded by its release.
    for (const s of strategies) await insertStrategy(tx, s, { demo: true });
    return { releaseId: id, schoolCount: await writeDemoSchools(tx, schools, id) };
  });
  const figures = countDemoSchoolFigures(schools);
  return {
    releaseId,
    seed: data.seed,
    measures: data.measures.length,
    observations: data.observations.length,
    localAuthorities: data.profiles.length,
    strategies: strategies.length,
    schools: schoolCount,
    schoolFigures: schoolCount === 0 ? 0 : figures.schools + figures.areas,
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
  // Real school files alone (no LA figures yet) are data too: the demo must not join them.
  const [school] = await db.query<{ any: boolean }>(
    "select exists (select 1 from school where source <> 'demo') as any",
  );
  return (await countObservations(db)) === 0 && !school?.any;
}
