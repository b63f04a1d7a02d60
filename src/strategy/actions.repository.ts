/** An action's progress updates and status (SQL); the strategy's other rows are in strategy.repository.ts. */
import type { Queryable } from '../core/db.js';
import type { ActionStatus } from './strategy-schema.js';

/** The action's LA and status, or undefined when the strategy has no action with the key. */
export async function findAction(
  tx: Queryable,
  strategyId: string,
  key: string,
): Promise<{ laCode: number; status: ActionStatus } | undefined> {
  const [row] = await tx.query<{ la_code: number; status: ActionStatus }>(
    'select la_code, status from strategy_action where strategy_id = $1 and key = $2',
    [strategyId, key],
  );
  return row ? { laCode: row.la_code, status: row.status } : undefined;
}

/** The owner's rating is the newest update's: kept on the action so lists need no join. */
export async function setActionStatus(
  tx: Queryable,
  strategyId: string,
  key: string,
  status: ActionStatus,
): Promise<void> {
  await tx.query('update strategy_action set status = $3 where strategy_id = $1 and key = $2', [
    strategyId,
    key,
    status,
  ]);
  await tx.query('update strategy set updated_at = now() where id = $1', [strategyId]);
}

/** A local measure's value for a year, entered or corrected; returns the value it replaced. */
export async function saveLocalValue(
  tx: Queryable,
  strategyId: string,
  laCode: number,
  code: string,
  v: { year: string; yearNumber: number; value: number; note?: string | undefined },
): Promise<number | null> {
  const [before] = await tx.query<{ value: number }>(
    'select value from local_measure_value where strategy_id = $1 and code = $2 and year_label = $3',
    [strategyId, code, v.year],
  );
  await tx.query(
    `insert into local_measure_value (strategy_id, la_code, code, year_label, year_number, value, note)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (strategy_id, code, year_label) do update set value = excluded.value, note = excluded.note`,
    [strategyId, laCode, code, v.year, v.yearNumber, v.value, v.note ?? null],
  );
  await tx.query('update strategy set updated_at = now() where id = $1', [strategyId]);
  return before ? Number(before.value) : null;
}
