/**
 * Recording progress on an action: a dated update with the owner's rating, checked by the same
 * schema as a strategy file's updates, written under row security and audited in one go.
 */
import { audit, type Actor } from '../access/audit.service.js';
import type { Viewer } from '../access/policy.js';
import { withScope } from '../access/row-security.js';
import type { Database } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import {
  approveUpdates,
  findAction,
  saveLocalValue,
  setActionStatus,
  touchStrategy,
} from './actions.repository.js';
import { mayApprove } from './approval.js';
import type { LocalValue } from './local-values.js';
import type { StrategyDocument } from './strategy-schema.js';
import { insertActionUpdate } from './strategy-parts.repository.js';
import { updateSchema, type ActionUpdate } from './strategy-schema.js';

/** An update as a form gives it: every field text. */
export interface ActionUpdateForm {
  date?: string | undefined;
  status?: string | undefined;
  text?: string | undefined;
}

export interface FieldProblem {
  field: 'date' | 'status' | 'text';
  message: string;
}

const messages: Record<FieldProblem['field'], string> = {
  date: 'Enter the date of the update as year-month-day, for example 2026-12-01',
  status: 'Choose how the action is going',
  text: 'Enter what has happened since the last update',
};

/** The checked update, or what is wrong with each field (in the form's words). */
export function readActionUpdate(
  form: ActionUpdateForm,
  by: string,
  today: string,
): { update: ActionUpdate } | { problems: FieldProblem[] } {
  const parsed = updateSchema.safeParse({
    date: form.date?.trim() || today,
    by,
    status: form.status ?? '',
    text: form.text ?? '',
  });
  const problems: FieldProblem[] = parsed.success
    ? []
    : [...new Set(parsed.error.issues.map((i) => String(i.path[0])))]
        .filter((f): f is FieldProblem['field'] => f in messages)
        .map((field) => ({ field, message: messages[field] }));
  if (parsed.success && parsed.data.date > today)
    problems.push({ field: 'date', message: 'The date of the update cannot be in the future' });
  if (problems.length || !parsed.success) return { problems };
  return { update: parsed.data };
}

/**
 * Adds the update. From the strategy's lead (or whoever may approve) it is approved at once and
 * its rating becomes the action's; from anyone else it awaits the lead's approval.
 */
export async function addActionUpdate(
  db: Database,
  viewer: Viewer,
  actor: Actor,
  strategyId: string,
  actionKey: string,
  update: ActionUpdate,
): Promise<void> {
  await withScope(db, viewer, async (tx) => {
    const action = await findAction(tx, strategyId, actionKey);
    if (!action)
      throw lanternError(
        'LANTERN_STRATEGY_NOT_FOUND',
        `The strategy has no action "${actionKey}".`,
      );
    const approver = mayApprove(viewer, { lead: action.lead ?? undefined });
    await insertActionUpdate(tx, strategyId, action.laCode, actionKey, {
      ...update,
      ...(approver ? { approvedBy: update.by } : { awaitingApproval: true }),
    });
    if (approver) await setActionStatus(tx, strategyId, actionKey, update.status);
    else await touchStrategy(tx, strategyId);
    await audit(
      tx,
      actor,
      'strategy.action.update',
      { kind: 'strategy-action', id: `${strategyId}/${actionKey}` },
      {
        status: update.status,
        was: action.status,
        date: update.date,
        ...(approver ? {} : { awaitingApproval: true }),
      },
    );
  });
}

/** Records a local measure's values (new years added, given years replaced), audited with what changed. */
export async function addLocalValues(
  db: Database,
  viewer: Viewer,
  actor: Actor,
  doc: StrategyDocument & { id: string },
  code: string,
  values: LocalValue[],
): Promise<void> {
  if (!doc.localMeasures.some((m) => m.code === code))
    throw lanternError(
      'LANTERN_STRATEGY_NOT_FOUND',
      `The strategy has no local measure "${code}".`,
    );
  await withScope(db, viewer, async (tx) => {
    const changes: { year: string; value: number; was: number | null }[] = [];
    for (const v of values) {
      const was = await saveLocalValue(tx, doc.id, doc.la, code, {
        ...v,
        yearNumber: Number(v.year.slice(0, 4)),
      });
      changes.push({ year: v.year, value: v.value, was });
    }
    await audit(
      tx,
      actor,
      'strategy.local-values',
      { kind: 'strategy-local-measure', id: `${doc.id}/${code}` },
      { values: changes },
    );
  });
}

/**
 * The lead approves a priority's action updates dated up to the report date: they then show in
 * the board report, and each action's rating becomes its newest approved update's.
 */
export async function approvePriorityUpdates(
  db: Database,
  viewer: Viewer,
  actor: Actor,
  doc: StrategyDocument & { id: string },
  date: string,
  priorityKey: string,
): Promise<number> {
  const priority = doc.priorities.find((p) => p.key === priorityKey);
  if (!priority)
    throw lanternError(
      'LANTERN_STRATEGY_NOT_FOUND',
      `The strategy has no priority "${priorityKey}".`,
    );
  if (!mayApprove(viewer, doc))
    throw lanternError(
      'LANTERN_FORBIDDEN',
      `Only the strategy's lead${doc.lead ? `, ${doc.lead},` : ''} approves action updates.`,
    );
  const keys = priority.aims.flatMap((a) => a.actions.map((x) => x.key!));
  return withScope(db, viewer, async (tx) => {
    const n = await approveUpdates(tx, doc.id, keys, date, viewer?.displayName || actor.label);
    await audit(
      tx,
      actor,
      'strategy.action.approve',
      { kind: 'strategy', id: doc.id },
      { date, priority: priorityKey, updates: n },
    );
    return n;
  });
}
