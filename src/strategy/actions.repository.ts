/**
 * What changes in a strategy between imports (SQL): action updates and ratings, local values, and
 * when the strategy last changed. Its other rows are in strategy.repository.ts.
 */
import type { Queryable } from '../core/db.js';
import type { ActionStatus } from './strategy-schema.js';

/** The action's LA and status, or undefined when the strategy has no action with the key. */
export async function findAction(
  tx: Queryable,
  strategyId: string,
  key: string,
): Promise<{ laCode: number; status: ActionStatus; lead: string | null } | undefined> {
  const [row] = await tx.query<{ la_code: number; status: ActionStatus; lead: string | null }>(
    `select a.la_code, a.status, s.lead from strategy_action a join strategy s on s.id = a.strategy_id
      where a.strategy_id = $1 and a.key = $2`,
    [strategyId, key],
  );
  return row ? { laCode: row.la_code, status: row.status, lead: row.lead } : undefined;
}

/**
 * Approves the given actions' updates dated up to `date`; each action's rating becomes its
 * newest approved update's. Returns how many updates were approved.
 */
export async function approveUpdates(
  tx: Queryable,
  strategyId: string,
  actionKeys: string[],
  date: string,
  approvedBy: string,
): Promise<number> {
  const approved = await tx.query<{ action_key: string }>(
    `update action_update set awaiting_approval = false, approved_by = $4
      where strategy_id = $1 and action_key = any($2::text[]) and awaiting_approval
        and update_date <= $3::date
      returning action_key`,
    [strategyId, actionKeys, date, approvedBy],
  );
  await tx.query(
    `update strategy_action a set status = u.status
       from (select distinct on (action_key) action_key, status from action_update
              where strategy_id = $1 and action_key = any($2::text[]) and not awaiting_approval
              order by action_key, update_date desc, id desc) u
      where a.strategy_id = $1 and a.key = u.action_key`,
    [strategyId, [...new Set(approved.map((r) => r.action_key))]],
  );
  await touchStrategy(tx, strategyId);
  return approved.length;
}

/** When the strategy last changed, to the microsecond (text: a Date keeps milliseconds). */
export async function readStrategyVersion(db: Queryable, id: string): Promise<string | undefined> {
  const [row] = await db.query<{ v: string }>(
    'select updated_at::text as v from strategy where id = $1',
    [id],
  );
  return row?.v;
}

/** Marks the strategy changed (its judged status and pages are cached by that). */
export async function touchStrategy(tx: Queryable, strategyId: string): Promise<void> {
  await tx.query('update strategy set updated_at = now() where id = $1', [strategyId]);
}

/** Publishes the strategy or takes it back; whether it changed (false: already so, or hidden). */
export async function setPublished(
  tx: Queryable,
  strategyId: string,
  published: boolean,
): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `update strategy set published = $2, updated_at = now()
     where id = $1 and published <> $2 returning id`,
    [strategyId, published],
  );
  return rows.length > 0;
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
  await touchStrategy(tx, strategyId);
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
  await touchStrategy(tx, strategyId);
  return before ? Number(before.value) : null;
}
