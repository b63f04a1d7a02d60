/**
 * Recording progress on an action: a dated update with the owner's rating, checked by the same
 * schema as a strategy file's updates, written under row security and audited in one go.
 */
import { audit, type Actor } from '../access/audit.service.js';
import type { Viewer } from '../access/policy.js';
import { withScope } from '../access/row-security.js';
import type { Database } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import { findAction, saveLocalValue, setActionStatus } from './actions.repository.js';
import type { LocalValue } from './local-values.js';
import type { StrategyDocument } from './strategy-schema.js';
import { insertActionUpdate } from './strategy.repository.js';
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

/** Adds the update and makes its rating the action's status. */
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
    await insertActionUpdate(tx, strategyId, action.laCode, actionKey, update);
    await setActionStatus(tx, strategyId, actionKey, update.status);
    await audit(
      tx,
      actor,
      'strategy.action.update',
      { kind: 'strategy-action', id: `${strategyId}/${actionKey}` },
      { status: update.status, was: action.status, date: update.date },
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
