/**
 * The parts under a strategy row, one insert each (migrations/0004_strategy.sql): written by an
 * import (strategy.repository.ts insertContents) and by an edit (strategy-edit.repository.ts).
 */
import type { Queryable } from '../core/db.js';
import type { Action, LocalMeasure, Risk, StrategyMeasure } from './strategy-schema.js';

export async function insertLocalMeasure(
  tx: Queryable,
  id: string,
  la: number,
  position: number,
  m: LocalMeasure,
): Promise<void> {
  await tx.query(
    `insert into local_measure (strategy_id, la_code, code, position, name, unit, polarity, period, decimal_places, description)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      la,
      m.code,
      position,
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

export async function insertRisk(
  tx: Queryable,
  id: string,
  la: number,
  priorityKey: string,
  position: number,
  r: Risk,
): Promise<void> {
  await tx.query(
    `insert into strategy_risk (strategy_id, la_code, priority_key, key, position, description, likelihood, impact, owner, mitigation)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      la,
      priorityKey,
      r.key,
      position,
      r.description,
      r.likelihood,
      r.impact,
      r.owner ?? null,
      r.mitigation ?? null,
    ],
  );
}

export async function insertMeasure(
  tx: Queryable,
  id: string,
  la: number,
  aimKey: string,
  position: number,
  m: StrategyMeasure,
): Promise<void> {
  await tx.query(
    `insert into strategy_measure (strategy_id, la_code, aim_key, key, position, name, measure_code, local_code,
       no_data_source, pupil_group, phase, replaces, cohort_measure)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      id,
      la,
      aimKey,
      m.key,
      position,
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

export async function insertAction(
  tx: Queryable,
  id: string,
  la: number,
  aimKey: string,
  position: number,
  x: Action,
): Promise<void> {
  await saveActionRow(tx, id, la, aimKey, position, x, { replace: false });
  for (const u of x.updates) await insertActionUpdate(tx, id, la, x.key!, u);
}

/**
 * The action's own row. `replace`: written over the one with its key (an edit, which keeps its
 * updates); else a second action with the key is refused (an import never overwrites itself).
 */
export async function saveActionRow(
  tx: Queryable,
  id: string,
  la: number,
  aimKey: string,
  position: number,
  x: Action,
  options: { replace: boolean },
): Promise<void> {
  const replace = `on conflict (strategy_id, key) do update
       set aim_key = excluded.aim_key, position = excluded.position, title = excluded.title,
           owner_person = excluded.owner_person, owner_organisation = excluded.owner_organisation,
           partners = excluded.partners, start_date = excluded.start_date,
           due_date = excluded.due_date, status = excluded.status,
           milestones = excluded.milestones, evidence = excluded.evidence`;
  await tx.query(
    `insert into strategy_action (strategy_id, la_code, aim_key, key, position, title, owner_person,
       owner_organisation, partners, start_date, due_date, status, milestones, evidence)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ${options.replace ? replace : ''}`,
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
}

export async function insertActionUpdate(
  tx: Queryable,
  id: string,
  la: number,
  actionKey: string,
  u: Action['updates'][number],
): Promise<void> {
  await tx.query(
    `insert into action_update (strategy_id, la_code, action_key, update_date, author, status, body,
       awaiting_approval, approved_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      la,
      actionKey,
      u.date,
      u.by,
      u.status,
      u.text,
      u.awaitingApproval === true,
      u.approvedBy ?? null,
    ],
  );
}
