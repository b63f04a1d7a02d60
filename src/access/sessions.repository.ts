import type { Queryable } from '../core/db.js';

/** A stored session, its timeouts judged by the database's clock (app processes' may differ). */
export interface SessionRow {
  data: Record<string, unknown>;
  /** Past its absolute or idle timeout. */
  expired: boolean;
  /** Last seen over a minute ago: worth recording that it is in use. */
  touchDue: boolean;
}

export async function selectSession(
  db: Queryable,
  idHash: string,
  idleMinutes: number,
): Promise<SessionRow | undefined> {
  const [row] = await db.query<Record<string, unknown>>(
    `select data,
       expires_at <= now() or last_seen_at <= now() - make_interval(mins => $2::integer) as expired,
       last_seen_at <= now() - interval '1 minute' as touch_due
     from user_session where id_hash = $1`,
    [idHash, idleMinutes],
  );
  if (!row) return undefined;
  return {
    data: row.data as Record<string, unknown>,
    expired: row.expired === true,
    touchDue: row.touch_due === true,
  };
}

/** Writes a session's data; a new one expires `absoluteMinutes` after it began, whatever happens. */
export async function upsertSession(
  db: Queryable,
  s: {
    idHash: string;
    userId: string | null;
    data: Record<string, unknown>;
    absoluteMinutes: number;
  },
): Promise<void> {
  await db.query(
    `insert into user_session (id_hash, user_id, data, expires_at)
     values ($1, $2, $3::jsonb, now() + make_interval(mins => $4::integer))
     on conflict (id_hash) do update
       set user_id = excluded.user_id, data = excluded.data, last_seen_at = now()`,
    [s.idHash, s.userId, JSON.stringify(s.data), s.absoluteMinutes],
  );
}

export async function touchSession(db: Queryable, idHash: string): Promise<void> {
  await db.query(`update user_session set last_seen_at = now() where id_hash = $1`, [idHash]);
}

export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.query(`delete from user_session where id_hash = $1`, [idHash]);
}

export async function deleteUserSessions(db: Queryable, userId: string): Promise<number> {
  const rows = await db.query(`delete from user_session where user_id = $1 returning 1`, [userId]);
  return rows.length;
}

/** Sessions past either timeout: kept from growing without end (forms make sessions for visitors). */
export async function deleteStaleSessions(db: Queryable, idleMinutes: number): Promise<void> {
  await db.query(
    `delete from user_session
     where expires_at <= now() or last_seen_at <= now() - make_interval(mins => $1::integer)`,
    [idleMinutes],
  );
}

export async function markSessionsVoid(db: Queryable, userId: string): Promise<void> {
  await db.query(`update app_user set sessions_valid_from = now() where id = $1`, [userId]);
}
