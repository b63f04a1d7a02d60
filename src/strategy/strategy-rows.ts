/**
 * A strategy's database rows (migrations/0004_strategy.sql) put back together as the document
 * they were written from: each child finds its parent by key, never by position in a list.
 */
import type { Action, Priority, StrategyDocument, Target } from './strategy-schema.js';

type Row = Record<string, unknown>;

export interface StrategyRows {
  strategy: Row;
  locals: Row[];
  values: Row[];
  priorities: Row[];
  risks: Row[];
  aims: Row[];
  measures: Row[];
  targets: Row[];
  actions: Row[];
  updates: Row[];
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
const under = (rows: Row[], col: string, key: unknown) => rows.filter((r) => r[col] === key);

export function strategyFromRows(rows: StrategyRows): StrategyDocument {
  const s = rows.strategy;
  return {
    format: 'lantern-strategy/1',
    la: s.la_code as number,
    title: s.title as string,
    period: { from: s.period_start as number, to: s.period_end as number },
    vision: opt(s.vision as string | null),
    board: opt(s.board as string | null),
    lead: opt(s.lead as string | null),
    published: s.published as boolean,
    localMeasures: rows.locals.map((m) => ({
      code: m.code as string,
      name: m.name as string,
      unit: m.unit as string,
      polarity: (m.polarity as 'high' | 'low' | null) ?? null,
      period: m.period as string,
      decimalPlaces: m.decimal_places as number,
      description: opt(m.description as string | null),
      values: under(rows.values, 'code', m.code).map((v) => ({
        year: v.year_label as string,
        value: v.value as number,
        note: opt(v.note as string | null),
      })),
    })),
    priorities: rows.priorities.map((p) => priorityOf(p, rows)),
  };
}

function priorityOf(p: Row, rows: StrategyRows): Priority {
  return {
    key: p.key as string,
    title: p.title as string,
    description: opt(p.description as string | null),
    risks: under(rows.risks, 'priority_key', p.key).map((r) => ({
      key: r.key as string,
      description: r.description as string,
      likelihood: r.likelihood as number,
      impact: r.impact as number,
      owner: opt(r.owner as string | null),
      mitigation: opt(r.mitigation as string | null),
    })),
    aims: under(rows.aims, 'priority_key', p.key).map((a) => ({
      key: a.key as string,
      title: a.title as string,
      description: opt(a.description as string | null),
      measures: under(rows.measures, 'aim_key', a.key).map((m) => ({
        key: m.key as string,
        name: m.name as string,
        measure: opt(m.measure_code as string | null),
        local: opt(m.local_code as string | null),
        noDataSource: opt(m.no_data_source as string | null),
        group: opt(m.pupil_group as string | null),
        phase: opt(m.phase as string | null),
        replaces: opt(m.replaces as string | null),
        cohortMeasure: opt(m.cohort_measure as string | null),
        targets: under(rows.targets, 'measure_key', m.key).map(
          (t) => ({ key: t.key, kind: t.kind, ...(t.terms as object) }) as Target,
        ),
      })),
      actions: under(rows.actions, 'aim_key', a.key).map((x) =>
        actionOf(x, under(rows.updates, 'action_key', x.key)),
      ),
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
      ...(u.awaiting_approval ? { awaitingApproval: true as const } : {}),
      ...(u.approved_by ? { approvedBy: u.approved_by as string } : {}),
    })),
    evidence: x.evidence as Action['evidence'],
  };
}
