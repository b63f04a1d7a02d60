/**
 * What an edit of a strategy's whole file text may not do (strategy-edit.service.ts): move the
 * strategy to another LA, rewrite or remove its dated record (progress updates, local measure
 * values), drop a priority the board report's commentary hangs on, publish or withdraw it (the
 * overview's button does), or (for anyone but the lead) change who leads it; and which progress
 * updates the text adds. Pure.
 */
import type { ActionUpdate, StrategyDocument } from './strategy-schema.js';

/** A strategy's size, for the audit log: before and after an edit. */
export interface ContentCounts {
  priorities: number;
  targets: number;
  actions: number;
  updates: number;
}

export function contentCounts(doc: StrategyDocument): ContentCounts {
  const aims = doc.priorities.flatMap((p) => p.aims);
  const actions = aims.flatMap((a) => a.actions);
  return {
    priorities: doc.priorities.length,
    targets: aims.flatMap((a) => a.measures.flatMap((m) => m.targets)).length,
    actions: actions.length,
    updates: actions.reduce((n, x) => n + x.updates.length, 0),
  };
}

export interface EditContext {
  /** Whether the editor signs off the strategy's reporting (approval.ts mayApprove). */
  mayApprove: boolean;
  /** The priorities with board report commentary (drafted or approved). */
  commentaryOn: ReadonlySet<string>;
  /** The actions with uploaded evidence files (migrations/0010). */
  evidenceOn: ReadonlySet<string>;
}

/** One update as a record: every field, so any change to it is a different record. */
const recordOf = (u: ActionUpdate) =>
  JSON.stringify([
    u.date,
    u.by,
    u.status,
    u.text,
    u.awaitingApproval === true,
    u.approvedBy ?? null,
  ]);

function updatesByAction(doc: StrategyDocument): Map<string, ActionUpdate[]> {
  const actions = doc.priorities.flatMap((p) => p.aims.flatMap((a) => a.actions));
  return new Map(actions.map((x) => [x.key!, x.updates]));
}

/** A progress update with the key of its action. */
export type KeyedUpdate = { actionKey: string; update: ActionUpdate };

/** The updates of `from` that `against` does not hold, matched one for one under each action. */
function unmatched(from: StrategyDocument, against: StrategyDocument): KeyedUpdate[] {
  const other = updatesByAction(against);
  const out: KeyedUpdate[] = [];
  for (const [actionKey, updates] of updatesByAction(from)) {
    const left = (other.get(actionKey) ?? []).map(recordOf);
    for (const update of updates) {
      const at = left.indexOf(recordOf(update));
      if (at >= 0) left.splice(at, 1);
      else out.push({ actionKey, update });
    }
  }
  return out;
}

/**
 * The updates the text adds, to record. From someone who does not sign off the strategy they
 * await the lead's approval, as an update added on the action's page does.
 */
export function addedUpdates(
  before: StrategyDocument,
  after: StrategyDocument,
  context: Pick<EditContext, 'mayApprove'>,
): KeyedUpdate[] {
  return unmatched(after, before).map(({ actionKey, update }) => {
    if (context.mayApprove) return { actionKey, update };
    const { approvedBy: _approvedBy, ...rest } = update;
    return { actionKey, update: { ...rest, awaitingApproval: true as const } };
  });
}

function missingValues(before: StrategyDocument, after: StrategyDocument): string[] {
  const given = new Map(after.localMeasures.map((m) => [m.code, m.values]));
  return before.localMeasures.flatMap((m) =>
    m.values
      .filter(
        (v) =>
          !(given.get(m.code) ?? []).some(
            (w) =>
              w.year === v.year && w.value === v.value && (w.note ?? null) === (v.note ?? null),
          ),
      )
      .map(
        (v) =>
          `Local measure "${m.code}": the value for ${v.year} (${v.value}) is missing or changed. Values already entered stay as they are: to correct one, enter it again on the local measure's page.`,
      ),
  );
}

/** An action whose owner's rating the text changes (only the lead may: it bypasses approval). */
function ratingChanges(before: StrategyDocument, after: StrategyDocument): string[] {
  const actions = (d: StrategyDocument) =>
    d.priorities.flatMap((p) => p.aims.flatMap((a) => a.actions));
  const was = new Map(actions(before).map((x) => [x.key, x.status]));
  return actions(after)
    .filter((x) => was.has(x.key) && was.get(x.key) !== x.status)
    .map(
      (x) =>
        `Action "${x.key}": the owner's rating changes with a progress update, which the strategy's lead approves. Put back "status: ${was.get(x.key)}" and add an update on the action's page.`,
    );
}

const sameLead = (a: string | undefined, b: string | undefined) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/** Why the edit cannot be saved, each in words (none: it may be). */
export function editRefusals(
  before: StrategyDocument,
  after: StrategyDocument,
  context: EditContext,
): string[] {
  const refusals: string[] = [];
  if (after.la !== before.la)
    refusals.push(
      `la: this strategy is LA ${before.la}'s and stays with it, but the text says ${after.la}. Put back "la: ${before.la}" (a strategy for another LA is imported as a new one).`,
    );
  if (after.published !== before.published)
    refusals.push(
      `published: the strategy is published or withdrawn with the button on its overview, by its lead (and so audited as such). Put back "published: ${before.published}".`,
    );
  if (!context.mayApprove && !sameLead(before.lead, after.lead))
    refusals.push(
      `lead: only ${before.lead ?? "the strategy's lead"} or an administrator can change who leads the strategy. Put back "lead: ${before.lead ?? ''}".`,
    );
  const kept = new Set(after.priorities.map((p) => p.key));
  for (const key of context.commentaryOn)
    if (!kept.has(key))
      refusals.push(
        `Priority "${key}" has board report commentary, which removing it would delete: keep the priority (its title and contents can change).`,
      );
  const actions = new Set(
    after.priorities.flatMap((p) => p.aims.flatMap((a) => a.actions.map((x) => x.key))),
  );
  for (const key of context.evidenceOn)
    if (!actions.has(key))
      refusals.push(
        `Action "${key}" has uploaded evidence, which would be left with no action: keep the action (its title and contents can change).`,
      );
  if (!context.mayApprove) refusals.push(...ratingChanges(before, after));
  for (const { actionKey, update } of unmatched(before, after))
    refusals.push(
      `Action "${actionKey}": the progress update of ${update.date} by ${update.by} is missing or changed. Updates are a dated record: keep each as it was, and add a new update to correct one.`,
    );
  refusals.push(...missingValues(before, after));
  return refusals;
}
