import type { Queryable } from '../core/db.js';
import { demoCodePrefix, demoNeighbourSetVersion } from './demo-data.js';

const demoMeasurePattern = `${demoCodePrefix.replace('_', '\\_')}%`;

/** True when any demo measure is in the store. */
export async function demoMeasuresExist(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>(
    `select exists (select 1 from measure where code like $1) as present`,
    [demoMeasurePattern],
  );
  return row?.present === true;
}

/**
 * Deletes the demo measures (their observations and benchmarks go with them: `on delete
 * cascade`), the demo neighbour set, the demo releases and the demo copies of the seed
 * strategies (their priorities, measures, targets and actions cascade; an LA's own strategy,
 * demo = false, is never touched).
 */
export async function deleteDemoRows(tx: Queryable): Promise<void> {
  await deleteDemoSchools(tx);
  await tx.query('delete from strategy where demo');
  await tx.query('delete from measure where code like $1', [demoMeasurePattern]);
  await tx.query('delete from statistical_neighbour_set where version = $1', [
    demoNeighbourSetVersion,
  ]);
  await tx.query(`delete from release where source = 'demo'`);
}

/**
 * Deletes the demo schools (register source 'demo') and every row about them: their figures,
 * inspections and links by URN (primary-key prefixes), and the LA and England rows and column
 * labels the demo release wrote (a real file's labels carry its own release). Cheap when there
 * are none: a real import calls this every time.
 */
async function deleteDemoSchools(tx: Queryable): Promise<void> {
  const urns = (
    await tx.query<{ urn: number }>(`select urn from school where source = 'demo'`)
  ).map((r) => r.urn);
  const releases = (
    await tx.query<{ id: number }>(`select id from release where source = 'demo'`)
  ).map((r) => r.id);
  if (urns.length > 0) {
    for (const table of ['school_observation', 'school_inspection'])
      await tx.query(`delete from ${table} where urn = any($1::int[])`, [urns]);
    await tx.query(
      'delete from school_link where urn = any($1::int[]) or linked_urn = any($1::int[])',
      [urns],
    );
    await tx.query(`delete from school where source = 'demo'`);
  }
  if (releases.length > 0) {
    for (const table of ['school_area_observation', 'school_measure'])
      await tx.query(`delete from ${table} where release_id = any($1::int[])`, [releases]);
    // The LA Ofsted measures the demo's schools made (their observations and benchmarks cascade);
    // a real Ofsted or GIAS import makes them again from real schools.
    await tx.query('delete from measure where release_id = any($1::int[])', [releases]);
  }
}

/** True when the store holds school data of its own (after the demo's is removed: real data). */
export async function schoolDataExists(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>(
    `select exists (select 1 from school) or exists (select 1 from school_observation)
         or exists (select 1 from school_area_observation) or exists (select 1 from school_inspection)
       as present`,
  );
  return row?.present === true;
}

export async function countObservations(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from observation');
  return row?.n ?? 0;
}
