import type { AuditEvent, AuditFilter } from '../../../access/audit.service.js';
import { formatDateTime, isIsoDay } from '../../../core/format.js';
import type { DataTable } from '../../tables/data-table.js';
import type { FormProblem } from '../sign-in/sign-in.view.js';

/** The newest this many events are shown; downloads carry up to `downloadLimit`. */
export const shownLimit = 200;
export const downloadLimit = 10_000;

export interface AuditQuery {
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
}

/** A day typed in the filter: undefined when left empty, null when it is no real day. */
function day(text: string | undefined): string | undefined | null {
  const t = text?.trim();
  if (!t) return undefined;
  return isIsoDay(t) ? t : null;
}

/**
 * The filter the form asks for, or what is wrong with it. Dates are whole days, both included
 * ("to 2026-12-01" takes in that day), in UTC as the log records them (the table shows UK time).
 */
export function auditFilter(q: AuditQuery): { filter: AuditFilter; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const from = day(q.from);
  const to = day(q.to);
  if (from === null)
    problems.push({
      text: 'Write the “from” date as year-month-day, for example 2026-12-01',
      href: '#from',
    });
  if (to === null)
    problems.push({
      text: 'Write the “to” date as year-month-day, for example 2026-12-31',
      href: '#to',
    });
  if (from && to && from > to)
    problems.push({ text: 'The “from” date must be on or before the “to” date', href: '#from' });
  const next = to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString() : undefined;
  const filter: AuditFilter = {
    ...(from ? { from: `${from}T00:00:00Z` } : {}),
    ...(next ? { to: next } : {}),
    ...(q.action?.trim() ? { action: q.action.trim() } : {}),
    ...(q.actor?.trim() ? { actor: q.actor.trim() } : {}),
  };
  return { filter, problems };
}

export function auditTable(events: AuditEvent[]): DataTable {
  return {
    id: 'audit',
    caption: 'Audit log',
    fileName: 'lantern-audit-log',
    columns: [
      { header: 'When (UK time)' },
      { header: 'Who' },
      { header: 'Action' },
      { header: 'About' },
      { header: 'Details' },
      { header: 'From' },
    ],
    rows: events.map((e) => [
      { raw: e.at, text: formatDateTime(e.at) },
      { raw: e.actor },
      { raw: e.action },
      { raw: e.targetKind ? `${e.targetKind} ${e.targetId ?? ''}`.trim() : '' },
      { raw: Object.keys(e.details).length ? JSON.stringify(e.details) : '' },
      { raw: e.ip ?? '' },
    ]),
    notes: [
      'From the Lantern audit log, which cannot be changed or deleted. `lantern audit export` gives all of it.',
    ],
  };
}
