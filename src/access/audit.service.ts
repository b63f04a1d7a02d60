import type { Queryable } from '../core/db.js';
import {
  insertAuditEvent,
  selectAuditEvents,
  selectChangesOf,
  type AuditEvent,
  type AuditFilter,
} from './audit.repository.js';

/** Who is acting, and from where: a signed-in user on the web, or the command line. */
export interface Actor {
  id: string | null;
  /** The e-mail address, or "command line (user@host)". */
  label: string;
  ip?: string | undefined;
  userAgent?: string | undefined;
}

export interface AuditTarget {
  kind: string;
  id: string;
}

/** Appends one event; call it inside the transaction of the change it records. */
export async function audit(
  db: Queryable,
  actor: Actor,
  action: string,
  target?: AuditTarget,
  details: Record<string, unknown> = {},
): Promise<void> {
  await insertAuditEvent(db, {
    actorId: actor.id,
    actor: actor.label,
    action,
    targetKind: target?.kind ?? null,
    targetId: target?.id ?? null,
    details,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
  });
}

export function listAuditEvents(db: Queryable, filter: AuditFilter = {}): Promise<AuditEvent[]> {
  return selectAuditEvents(db, filter);
}

export type { AuditEvent, AuditFilter };

/** The changes to a record and its parts, newest first (reads left out): a record's history. */
export function listChangesOf(db: Queryable, targetId: string, limit = 500): Promise<AuditEvent[]> {
  return selectChangesOf(db, targetId, limit);
}
