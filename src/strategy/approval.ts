/**
 * Who signs off a strategy's reporting: the strategy's lead (an e-mail address in the file), or
 * an administrator; any LA officer when no lead is named. They approve commentary and action
 * updates and issue the board report; an update written by anyone else awaits their approval.
 * Pure.
 */
import type { Viewer } from '../access/policy.js';
import type { Action, StrategyDocument } from './strategy-schema.js';

export function mayApprove(viewer: Viewer, doc: Pick<StrategyDocument, 'lead'>): boolean {
  if (!viewer) return false;
  if (viewer.role === 'administrator') return true;
  if (viewer.role !== 'la_officer') return false;
  return !doc.lead || doc.lead.trim().toLowerCase() === viewer.email.trim().toLowerCase();
}

/** The updates the board sees: approved ones (the rest await the lead). */
export const approvedUpdates = (a: Pick<Action, 'updates'>): Action['updates'] =>
  a.updates.filter((u) => !u.awaitingApproval);

export interface AwaitingUpdate {
  priorityKey: string;
  priorityTitle: string;
  actionKey: string;
  actionTitle: string;
  update: Action['updates'][number];
}

/** Updates dated on or before `date` that await the lead's approval, in strategy order. */
export function updatesAwaitingApproval(doc: StrategyDocument, date: string): AwaitingUpdate[] {
  return doc.priorities.flatMap((p) =>
    p.aims.flatMap((a) =>
      a.actions.flatMap((x) =>
        x.updates
          .filter((u) => u.awaitingApproval && u.date <= date)
          .map((update) => ({
            priorityKey: p.key!,
            priorityTitle: p.title,
            actionKey: x.key!,
            actionTitle: x.title,
            update,
          })),
      ),
    ),
  );
}
