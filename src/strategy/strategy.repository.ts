/**
 * Strategies in the database (migrations/0004_strategy.sql): a whole strategy written in one
 * transaction and read back as the same document.
 */
import type { Queryable } from '../core/db.js';
import type { Action, StrategyDocument, Target } from './strategy-schema.js';

export interface StrategySummary {
  id: string;
  laCode: number;
  title: string;
  periodStart: number;
  periodEnd: number;
  published: boolean;
  updatedAt: string;
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** Writes a checked strategy (keys filled) as a new strategy; returns its id. */
export async function insertStrategy(tx: Queryable, doc: StrategyDocument): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into strategy (la_code, title, period_start, period_end, vision, board, published)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      doc.la,
      doc.title,
      doc.period.from,
      doc.period.to,
      doc.vision ?? null,
      doc.board ?? null,
      doc.published,
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
  const la = doc.la;
  for (const [i, m] of doc.localMeasures.entries()) {
    await tx.query(
      `insert into local_measure (strategy_id, la_code, code, position, name, unit, polarity, period, decimal_places, description)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        la,
        m.code,
        i,
        m.name,
        m.unit,
        m.polarity,
        m.period,
        m.decimalPlaces,
        m.description ?? null,
      ],
    );
    for (const v of m.values) {
      await tx.query(
        `insert into local_measure_value (strategy_id, la_code, code, year_label, year_number, value, note)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, la, m.code, v.year, Number(v.year.slice(0, 4)), v.value, v.note ?? null],
      );
    }
  }
  for (const [i, p] of doc.priorities.entries()) {
    await tx.query(
      `insert into strategy_priority (strategy_id, la_code, key, position, title, description) values ($1, $2, $3, $4, $5, $6)`,
      [id, la, p.key, i, p.title, p.description ?? null],
    );
    for (const [j, r] of p.risks.entries()) {
      await tx.query(
        `insert into strategy_risk (strategy_id, la_code, priority_key, key, position, description, likelihood, impact, owner, mitigation)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          la,
          p.key,
          r.key,
          j,
          r.description,
          r.likelihood,
          r.impact,
          r.owner ?? null,
          r.mitigation ?? null,
        ],
      );
    }
    for (const [j, a] of p.aims.entries()) {
      await tx.query(
        `insert into strategy_aim (strategy_id, la_code, priority_key, key, position, title, description) values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, la, p.key, a.key, j, a.title, a.description ?? null],
      );
      for (const [k, m] of a.measures.entries()) {
        await tx.query(
          `insert into strategy_measure (strategy_id, la_code, aim_key, key, position, name, measure_code, local_code,
             no_data_source, pupil_group, phase, replaces, cohort_measure)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            id,
            la,
            a.key,
            m.key,
            k,
            m.name,
            m.measure ?? null,
            m.local ?? null,
            m.noDataSource ?? null,
            m.group ?? null,
            m.phase ?? null,
            m.replaces ?? null,
            m.cohortMeasure ?? null,
          ],
        );
        for (const [n, t] of m.targets.entries()) {
          const { key, kind, ...terms } = t;
          await tx.query(
            `insert into strategy_target (strategy_id, la_code, measure_key, key, position, kind, terms) values ($1, $2, $3, $4, $5, $6, $7)`,
            [id, la, m.key, key, n, kind, JSON.stringify(terms)],
          );
        }
      }
      for (const [k, x] of a.actions.entries()) await insertAction(tx, id, la, a.key!, k, x);
    }
  }
}

async function insertAction(
  tx: Queryable,
  id: string,
  la: number,
  aimKey: string,
  position: number,
  x: Action,
): Promise<void> {
  await tx.query(
    `insert into strategy_action (strategy_id, la_code, aim_key, key, position, title, owner_person, owner_organisation,
       partners, start_date, due_date, status, milestones, evidence)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      id,
      la,
      aimKey,
      x.key,
      position,
      x.title,
      x.owner.person,
      x.owner.organisation,
      x.partners,
      x.start ?? null,
      x.due ?? null,
      x.status,
      JSON.stringify(x.milestones),
      JSON.stringify(x.evidence),
    ],
  );
  for (const u of x.updates) await insertActionUpdate(tx, id, la, x.key!, u);
}

export async function insertActionUpdate(
  tx: Queryable,
  id: string,
  la: number,
  actionKey: string,
  u: Action['updates'][number],
): Promise<void> {
  await tx.query(
    `insert into action_update (strategy_id, la_code, action_key, update_date, author, status, body)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [id, la, actionKey, u.date, u.by, u.status, u.text],
  );
}

export async function listStrategies(db: Queryable): Promise<StrategySummary[]> {
  const rows = await db.query<{
    id: string;
    la_code: number;
    title: string;
    period_start: number;
    period_end: number;
    published: boolean;
    updated_at: Date | string;
  }>(
    'select id, la_code, title, period_start, period_end, published, updated_at from strategy order by la_code, period_start, title',
  );
  return rows.map((r) => ({
    id: r.id,
    laCode: r.la_code,
    title: r.title,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    published: r.published,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

type Row = Record<string, unknown>;
const byStrategy = (db: Queryable, sql: string, id: string) => db.query<Row>(sql, [id]);

/** The whole strategy as a document, or undefined when no strategy has the id. */
export async function readStrategy(
  db: Queryable,
  id: string,
): Promise<StrategyDocument | undefined> {
  const [s] = await byStrategy(db, 'select * from strategy where id = $1', id);
  if (!s) return undefined;
  const q = (table: string, order = 'position', extra = '') =>
    byStrategy(db, `select *${extra} from ${table} where strategy_id = $1 order by ${order}`, id);
  // Dates as text: a driver's Date would be midnight local time, a day off in some zones.
  const dates = ', start_date::text as start_text, due_date::text as due_text';
  const [locals, values, priorities, risks, aims, measures, targets, actions, updates] = [
    await q('local_measure'),
    await q('local_measure_value', 'code, year_number, year_label'),
    await q('strategy_priority'),
    await q('strategy_risk'),
    await q('strategy_aim'),
    await q('strategy_measure'),
    await q('strategy_target'),
    await q('strategy_action', 'position', dates),
    await q('action_update', 'action_key, update_date, id', ', update_date::text as date_text'),
  ];
  const under = <T extends Row>(rows: T[], col: string, key: unknown) =>
    rows.filter((r) => r[col] === key);
  return {
    format: 'lantern-strategy/1',
    la: s.la_code as number,
    title: s.title as string,
    period: { from: s.period_start as number, to: s.period_end as number },
    vision: opt(s.vision as string | null),
    board: opt(s.board as string | null),
    published: s.published as boolean,
    localMeasures: locals.map((m) => ({
      code: m.code as string,
      name: m.name as string,
      unit: m.unit as string,
      polarity: (m.polarity as 'high' | 'low' | null) ?? null,
      period: m.period as string,
      decimalPlaces: m.decimal_places as number,
      description: opt(m.description as string | null),
      values: under(values, 'code', m.code).map((v) => ({
        year: v.year_label as string,
        value: v.value as number,
        note: opt(v.note as string | null),
      })),
    })),
    priorities: priorities.map((p) => ({
      key: p.key as string,
      title: p.title as string,
      description: opt(p.description as string | null),
      risks: under(risks, 'priority_key', p.key).map((r) => ({
        key: r.key as string,
        description: r.description as string,
        likelihood: r.likelihood as number,
        impact: r.impact as number,
        owner: opt(r.owner as string | null),
        mitigation: opt(r.mitigation as string | null),
      })),
      aims: under(aims, 'priority_key', p.key).map((a) => ({
        key: a.key as string,
        title: a.title as string,
        description: opt(a.description as string | null),
        measures: under(measures, 'aim_key', a.key).map((m) => ({
          key: m.key as string,
          name: m.name as string,
          measure: opt(m.measure_code as string | null),
          local: opt(m.local_code as string | null),
          noDataSource: opt(m.no_data_source as string | null),
          group: opt(m.pupil_group as string | null),
          phase: opt(m.phase as string | null),
          replaces: opt(m.replaces as string | null),
          cohortMeasure: opt(m.cohort_measure as string | null),
          targets: under(targets, 'measure_key', m.key).map(
            (t) => ({ key: t.key, kind: t.kind, ...(t.terms as object) }) as Target,
          ),
        })),
        actions: under(actions, 'aim_key', a.key).map((x) =>
          actionOf(x, under(updates, 'action_key', x.key)),
        ),
      })),
    })),
  };
}

function actionOf(x: Row, updates: Row[]): Action {
  return {
    key: x.key as string,
    title: x.title as string,
    owner: { person: x.owner_person as string, organisation: x.owner_organisation as string },
    partners: x.partners as string[],
    start: opt(x.start_text as string | null),
    due: opt(x.due_text as string | null),
    status: x.status as Action['status'],
    milestones: x.milestones as Action['milestones'],
    updates: updates.map((u) => ({
      date: u.date_text as string,
      by: u.author as string,
      status: u.status as Action['status'],
      text: u.body as string,
    })),
    evidence: x.evidence as Action['evidence'],
  };
}
