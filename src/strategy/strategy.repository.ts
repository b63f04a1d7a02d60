/**
 * Strategies in the database (migrations/0004_strategy.sql): a whole strategy written in one
 * transaction and read back as the same document.
 */
import type { Queryable } from '../core/db.js';
import {
  insertAction,
  insertLocalMeasure,
  insertMeasure,
  insertRisk,
} from './strategy-parts.repository.js';
import { strategyFromRows, type StrategyRows } from './strategy-rows.js';
import type { StrategyDocument } from './strategy-schema.js';

export interface StrategySummary {
  id: string;
  laCode: number;
  title: string;
  periodStart: number;
  periodEnd: number;
  published: boolean;
  /** A demo copy of a seed strategy, loaded and removed with the demo data set. */
  demo: boolean;
  updatedAt: string;
}

/**
 * Writes a checked strategy (keys filled) as a new strategy; returns its id. `demo`: a demo copy
 * (src/demo/demo-strategies.ts), which removing the demo data removes.
 */
export async function insertStrategy(
  tx: Queryable,
  doc: StrategyDocument,
  options: { demo?: boolean } = {},
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into strategy (la_code, title, period_start, period_end, vision, board, published, demo, lead)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      doc.la,
      doc.title,
      doc.period.from,
      doc.period.to,
      doc.vision ?? null,
      doc.board ?? null,
      doc.published,
      options.demo ?? false,
      doc.lead ?? null,
    ],
  );
  const id = row!.id;
  await insertContents(tx, id, doc);
  return id;
}

/** Everything under the strategy row, in the document's order. */
export async function insertContents(
  tx: Queryable,
  id: string,
  doc: StrategyDocument,
): Promise<void> {
  for (const [i, m] of doc.localMeasures.entries()) await insertLocalMeasure(tx, id, doc.la, i, m);
  for (const [i, p] of doc.priorities.entries()) {
    await tx.query(
      `insert into strategy_priority (strategy_id, la_code, key, position, title, description) values ($1, $2, $3, $4, $5, $6)`,
      [id, doc.la, p.key, i, p.title, p.description ?? null],
    );
    for (const [j, r] of p.risks.entries()) await insertRisk(tx, id, doc.la, p.key!, j, r);
    for (const [j, a] of p.aims.entries()) {
      await tx.query(
        `insert into strategy_aim (strategy_id, la_code, priority_key, key, position, title, description) values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, doc.la, p.key, a.key, j, a.title, a.description ?? null],
      );
      for (const [k, m] of a.measures.entries()) await insertMeasure(tx, id, doc.la, a.key!, k, m);
      for (const [k, x] of a.actions.entries()) await insertAction(tx, id, doc.la, a.key!, k, x);
    }
  }
}

export async function listStrategies(db: Queryable): Promise<StrategySummary[]> {
  const rows = await db.query<{
    id: string;
    la_code: number;
    title: string;
    period_start: number;
    period_end: number;
    published: boolean;
    demo: boolean;
    updated_at: Date | string;
  }>(
    'select id, la_code, title, period_start, period_end, published, demo, updated_at from strategy order by la_code, period_start, title',
  );
  return rows.map((r) => ({
    id: r.id,
    laCode: r.la_code,
    title: r.title,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    published: r.published,
    demo: r.demo,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** The whole strategy as a document, or undefined when no strategy has the id. */
export async function readStrategy(
  db: Queryable,
  id: string,
): Promise<StrategyDocument | undefined> {
  const q = (table: string, order = 'position', extra = '') =>
    db.query<Record<string, unknown>>(
      `select *${extra} from ${table} where strategy_id = $1 order by ${order}`,
      [id],
    );
  const [strategy] = await db.query<Record<string, unknown>>(
    'select * from strategy where id = $1',
    [id],
  );
  if (!strategy) return undefined;
  // Dates as text: a driver's Date would be midnight local time, a day off in some zones.
  const rows: StrategyRows = {
    strategy,
    locals: await q('local_measure'),
    values: await q('local_measure_value', 'code, year_number, year_label'),
    priorities: await q('strategy_priority'),
    risks: await q('strategy_risk'),
    aims: await q('strategy_aim'),
    measures: await q('strategy_measure'),
    targets: await q('strategy_target'),
    actions: await q(
      'strategy_action',
      'position',
      ', start_date::text as start_text, due_date::text as due_text',
    ),
    updates: await q(
      'action_update',
      'action_key, update_date, id',
      ', update_date::text as date_text',
    ),
  };
  return strategyFromRows(rows);
}
