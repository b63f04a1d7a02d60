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
