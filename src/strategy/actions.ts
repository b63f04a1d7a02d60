/**
 * What an action's dates say by a given day: whether it is overdue, and the progress expected
 * by now (time gone from start to due, milestones due), shown beside the owner's own rating so
 * a board sees both. Pure.
 */
import { approvedUpdates } from './approval.js';
import type { Action } from './strategy-schema.js';

const day = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Past its due date and not done. */
export function isOverdue(action: Pick<Action, 'due' | 'status'>, today: string): boolean {
  return action.due !== undefined && action.due < today && action.status !== 'done';
}

export interface ExpectedProgress {
  /** Share of the time from start to due gone by today, 0–100; null without both dates. */
  timeGone: number | null;
  milestonesDue: number;
  milestonesDueDone: number;
  milestones: number;
  /** In words, for the page: "Due in 3 months; 2 of 4 milestones due by now, 1 done." */
  words: string;
}

export function expectedProgress(action: Action, today: string): ExpectedProgress {
  const { start, due } = action;
  let timeGone: number | null = null;
  if (start !== undefined && due !== undefined && ms(due) > ms(start)) {
    const share = (ms(today) - ms(start)) / (ms(due) - ms(start));
    timeGone = Math.round(100 * Math.min(1, Math.max(0, share)));
  }
  const dueNow = action.milestones.filter((m) => m.due !== undefined && m.due <= today);
  const parts: string[] = [];
  if (due !== undefined) parts.push(dueWords(due, today, action.status === 'done'));
  if (timeGone !== null && action.status !== 'done' && timeGone < 100)
    parts.push(`${timeGone}% of the time from start to due has gone`);
  if (action.milestones.length > 0)
    parts.push(
      `${dueNow.length} of ${action.milestones.length} milestone${action.milestones.length === 1 ? '' : 's'} due by now, ${dueNow.filter((m) => m.done).length} of those done`,
    );
  return {
    timeGone,
    milestonesDue: dueNow.length,
    milestonesDueDone: dueNow.filter((m) => m.done).length,
    milestones: action.milestones.length,
    words: parts.length ? `${capitalise(parts.join('; '))}.` : 'No dates set.',
  };
}

function dueWords(due: string, today: string, done: boolean): string {
  const days = Math.round((ms(due) - ms(today)) / day);
  if (done) return 'done';
  if (days < 0) return `overdue by ${span(-days)}`;
  if (days === 0) return 'due today';
  return `due in ${span(days)}`;
}

function span(days: number): string {
  if (days < 60) return `${days} day${days === 1 ? '' : 's'}`;
  const months = Math.round(days / 30.44);
  if (months < 24) return `${months} months`;
  return `${Math.round(days / 365.25)} years`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The newest approved progress update, if any (updates are kept oldest first). */
export function latestUpdate(
  action: Pick<Action, 'updates'>,
): Action['updates'][number] | undefined {
  return approvedUpdates(action).at(-1);
}
