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
  await tx.query('delete from strategy where demo');
  await tx.query('delete from measure where code like $1', [demoMeasurePattern]);
  await tx.query('delete from statistical_neighbour_set where version = $1', [
    demoNeighbourSetVersion,
  ]);
  await tx.query(`delete from release where source = 'demo'`);
}

export async function countObservations(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from observation');
  return row?.n ?? 0;
}
