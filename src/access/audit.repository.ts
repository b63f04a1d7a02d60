import type { Queryable } from '../core/db.js';

/** One line of the audit log. */
export interface AuditEvent {
  id: number;
  at: string;
  actorId: string | null;
  actor: string;
  action: string;
  targetKind: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at'>;

export async function insertAuditEvent(db: Queryable, e: NewAuditEvent): Promise<void> {
  await db.query(
    `insert into audit_event (actor_id, actor, action, target_kind, target_id, details, ip, user_agent)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.actorId,
      e.actor,
      e.action,
      e.targetKind,
      e.targetId,
      JSON.stringify(e.details),
      e.ip,
      e.userAgent,
    ],
  );
}

export interface AuditFilter {
  /** ISO dates or instants; `to` is exclusive. */
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
  limit?: number;
  /** Newest first (the web's viewer), rather than oldest first (exports). */
  newestFirst?: boolean;
}

/** Oldest first, as an export is read (or newest first); parameterised, every filter optional. */
export async function selectAuditEvents(db: Queryable, f: AuditFilter = {}): Promise<AuditEvent[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select id, at, actor_id, actor, action, target_kind, target_id, details, ip, user_agent
       from audit_event
      where ($1::timestamptz is null or at >= $1) and ($2::timestamptz is null or at < $2)
        and ($3::text is null or action = $3) and ($4::text is null or lower(actor) = lower($4))
      order by id ${f.newestFirst ? 'desc' : 'asc'}
      limit $5`,
    [f.from ?? null, f.to ?? null, f.action ?? null, f.actor ?? null, f.limit ?? null],
  );
  return rows.map(eventOf);
}

function eventOf(r: Record<string, unknown>): AuditEvent {
  return {
    id: Number(r.id),
    at: new Date(r.at as string).toISOString(),
    actorId: (r.actor_id as string | null) ?? null,
    actor: r.actor as string,
    action: r.action as string,
    targetKind: (r.target_kind as string | null) ?? null,
    targetId: (r.target_id as string | null) ?? null,
    details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<
      string,
      unknown
    >,
    ip: (r.ip as string | null) ?? null,
    userAgent: (r.user_agent as string | null) ?? null,
  };
}

/**
 * The changes recorded on a record and its parts (a strategy, its actions `<id>/<key>`, its report
 * editions), newest first: every event about it but the reads, which say who looked, not what changed.
 */
export async function selectChangesOf(
  db: Queryable,
  targetId: string,
  limit: number,
): Promise<AuditEvent[]> {
  const rows = await db.query<Record<string, unknown>>(`${changesOf} order by id desc limit $2`, [
    targetId,
    limit,
  ]);
  return rows.map(eventOf);
}

/**
 * The events on a record ($1) and its parts: each arm on an index (migrations/0011), the
 * target in the "C" collation its index has. Exported for the test that reads its plan.
 */
export const changesOf = `select id, at, actor_id, actor, action, target_kind, target_id, details, ip,
       user_agent
  from audit_event
 where (target_id collate "C" = $1
        -- "<id>/…": from "<id>/" up to "<id>0" in byte order ('0' follows '/').
        or (target_id collate "C" >= $1 || '/' and target_id collate "C" < $1 || '0')
        or details ->> 'strategy' = $1)
   and action <> 'read'`;
