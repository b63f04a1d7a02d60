/**
 * A strategy's contents replaced in place (SQL for strategy-edit.service.ts). Its id stays (board
 * report editions and the audit log name it), and so do the rows other records hang on: its
 * priorities (the board report's commentary), its actions and their recorded progress updates.
 * Everything else under it is written again from the checked text. The new rows are written by
 * strategy.repository.ts's own inserts; this file holds what only an edit needs (kept apart from
 * it to keep each file readable at once).
 */
import type { Queryable } from '../core/db.js';
import type { KeyedUpdate } from './strategy-edit.js';
import {
  insertActionUpdate,
  insertLocalMeasure,
  insertMeasure,
  insertRisk,
  saveActionRow,
} from './strategy-parts.repository.js';
import type { StrategyDocument } from './strategy-schema.js';

/**
 * When the strategy last changed, holding its row until the transaction ends (so no other
 * change lands between the check and the edit); undefined when no strategy has the id.
 */
export async function lockStrategyVersion(tx: Queryable, id: string): Promise<string | undefined> {
  const [row] = await tx.query<{ v: string }>(
    'select updated_at::text as v from strategy where id = $1 for update',
    [id],
  );
  return row?.v;
}

/** The keys of the strategy's priorities that have board report commentary (any date). */
export async function prioritiesWithCommentary(tx: Queryable, id: string): Promise<Set<string>> {
  const rows = await tx.query<{ priority_key: string }>(
    'select distinct priority_key from report_commentary where strategy_id = $1',
    [id],
  );
  return new Set(rows.map((r) => r.priority_key));
}

/**
 * Makes the strategy `doc` (checked, keys filled, its LA and `published` the strategy's own) and
 * records the progress updates `added`. The caller has made sure that every update already
 * recorded is in `doc` as it was, and that no priority it removes has commentary: nothing else
 * is lost.
 */
export async function replaceContents(
  tx: Queryable,
  id: string,
  doc: StrategyDocument,
  added: KeyedUpdate[],
): Promise<void> {
  await tx.query(
    // Not `published`: the overview's button publishes a strategy (publishing.service.ts).
    `update strategy set title = $2, period_start = $3, period_end = $4, vision = $5, board = $6,
       lead = $7, updated_at = now()
     where id = $1`,
    [
      id,
      doc.title,
      doc.period.from,
      doc.period.to,
      doc.vision ?? null,
      doc.board ?? null,
      doc.lead ?? null,
    ],
  );
  // Nothing hangs on these: written again (a measure takes its targets, a local measure its values).
  for (const table of ['strategy_measure', 'strategy_risk', 'local_measure'])
    await tx.query(`delete from ${table} where strategy_id = $1`, [id]);
  for (const [i, m] of doc.localMeasures.entries()) await insertLocalMeasure(tx, id, doc.la, i, m);
  for (const [i, p] of doc.priorities.entries()) {
    await tx.query(
      `insert into strategy_priority (strategy_id, la_code, key, position, title, description)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (strategy_id, key) do update
         set position = excluded.position, title = excluded.title, description = excluded.description`,
      [id, doc.la, p.key, i, p.title, p.description ?? null],
    );
    for (const [j, r] of p.risks.entries()) await insertRisk(tx, id, doc.la, p.key!, j, r);
    for (const [j, a] of p.aims.entries()) {
      await tx.query(
        `insert into strategy_aim (strategy_id, la_code, priority_key, key, position, title, description)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (strategy_id, key) do update
           set priority_key = excluded.priority_key, position = excluded.position,
               title = excluded.title, description = excluded.description`,
        [id, doc.la, p.key, a.key, j, a.title, a.description ?? null],
      );
      for (const [k, m] of a.measures.entries()) await insertMeasure(tx, id, doc.la, a.key!, k, m);
      for (const [k, x] of a.actions.entries())
        await saveActionRow(tx, id, doc.la, a.key!, k, x, { replace: true });
    }
  }
  await removeAllBut(tx, id, doc);
  for (const { actionKey, update } of added)
    await insertActionUpdate(tx, id, doc.la, actionKey, update);
}

/** Removes the actions, aims and priorities the text no longer names (children first). */
async function removeAllBut(tx: Queryable, id: string, doc: StrategyDocument): Promise<void> {
  const aims = doc.priorities.flatMap((p) => p.aims);
  const kept: [string, string[]][] = [
    ['strategy_action', aims.flatMap((a) => a.actions.map((x) => x.key!))],
    ['strategy_aim', aims.map((a) => a.key!)],
    ['strategy_priority', doc.priorities.map((p) => p.key!)],
  ];
  for (const [table, keys] of kept)
    await tx.query(`delete from ${table} where strategy_id = $1 and not (key = any($2::text[]))`, [
      id,
      keys,
    ]);
}
