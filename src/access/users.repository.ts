import type { Queryable } from '../core/db.js';
import type { Role, SignedInUser } from './policy.js';

export type UserStatus = 'invited' | 'active' | 'disabled';

/** A user as stored, without the password hash (read only where a password is checked). */
export interface UserRecord extends SignedInUser {
  status: UserStatus;
  failedSignIns: number;
  lockedUntil: string | null;
  sessionsValidFrom: string;
  createdAt: string;
}

const columns = `id, email, display_name, role, la_codes, urns, status, failed_sign_ins,
  locked_until, sessions_valid_from, created_at`;

const iso = (v: unknown) =>
  v === null || v === undefined ? null : new Date(v as string).toISOString();

function toUser(r: Record<string, unknown>): UserRecord {
  return {
    id: r.id as string,
    email: r.email as string,
    displayName: r.display_name as string,
    role: r.role as Role,
    laCodes: (r.la_codes as number[]).map(Number),
    urns: (r.urns as number[]).map(Number),
    status: r.status as UserStatus,
    failedSignIns: Number(r.failed_sign_ins),
    lockedUntil: iso(r.locked_until),
    sessionsValidFrom: iso(r.sessions_valid_from)!,
    createdAt: iso(r.created_at)!,
  };
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  laCodes: number[];
  urns: number[];
}

export async function insertUser(db: Queryable, u: NewUser): Promise<UserRecord> {
  const [row] = await db.query<Record<string, unknown>>(
    `insert into app_user (email, display_name, role, la_codes, urns)
     values ($1, $2, $3, $4::integer[], $5::integer[]) returning ${columns}`,
    [u.email, u.displayName, u.role, u.laCodes, u.urns],
  );
  return toUser(row!);
}

export async function selectUserByEmail(
  db: Queryable,
  email: string,
): Promise<UserRecord | undefined> {
  const [row] = await db.query<Record<string, unknown>>(
    `select ${columns} from app_user where lower(email) = lower($1)`,
    [email],
  );
  return row ? toUser(row) : undefined;
}

export async function selectUserById(db: Queryable, id: string): Promise<UserRecord | undefined> {
  const [row] = await db.query<Record<string, unknown>>(
    `select ${columns} from app_user where id = $1`,
    [id],
  );
  return row ? toUser(row) : undefined;
}

export async function selectUsers(db: Queryable): Promise<UserRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select ${columns} from app_user order by lower(email)`,
  );
  return rows.map(toUser);
}

export async function selectPasswordHash(db: Queryable, id: string): Promise<string | null> {
  const [row] = await db.query<{ password_hash: string | null }>(
    'select password_hash from app_user where id = $1',
    [id],
  );
  return row?.password_hash ?? null;
}

/** Sets the password and makes the account active (an accepted invitation or a reset). */
export async function updatePassword(
  db: Queryable,
  id: string,
  passwordHash: string,
): Promise<void> {
  await db.query(
    `update app_user set password_hash = $2, status = 'active', failed_sign_ins = 0,
       locked_until = null, sessions_valid_from = now() where id = $1`,
    [id, passwordHash],
  );
}

/**
 * After a failed sign-in: counts it, and locks the account for `lockMinutes` at `limit`. Once a
 * lock has ended the count starts again, so one more mistake does not lock the account again.
 */
export async function recordFailedSignIn(
  db: Queryable,
  id: string,
  limit: number,
  lockMinutes: number,
): Promise<{ failedSignIns: number; lockedUntil: string | null }> {
  const [row] = await db.query<Record<string, unknown>>(
    `with counted as (
       select id, case when locked_until <= now() then 1 else failed_sign_ins + 1 end as failures
         from app_user where id = $1)
     update app_user u set failed_sign_ins = c.failures,
       locked_until = case when c.failures >= $2 then now() + make_interval(mins => $3) end
       from counted c where u.id = c.id
     returning u.failed_sign_ins, u.locked_until`,
    [id, limit, lockMinutes],
  );
  return { failedSignIns: Number(row!.failed_sign_ins), lockedUntil: iso(row!.locked_until) };
}

/** Clears the failure count; returns the database's time of the sign-in (sessions are measured by it). */
export async function recordSignIn(db: Queryable, id: string): Promise<string> {
  const [row] = await db.query<{ at: unknown }>(
    'update app_user set failed_sign_ins = 0, locked_until = null where id = $1 returning now() as at',
    [id],
  );
  return iso(row!.at)!;
}

/** Disables the account and voids every session it has. */
export async function disableUser(db: Queryable, id: string): Promise<void> {
  await db.query(
    `update app_user set status = 'disabled', sessions_valid_from = now() where id = $1`,
    [id],
  );
  await db.query('delete from user_session where user_id = $1', [id]);
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: unknown }>('select count(*) as n from app_user');
  return Number(row!.n);
}

/** Disables every account whose address is at `domain`, and ends their sessions; how many. */
export async function disableUsersAt(db: Queryable, domain: string): Promise<number> {
  const pattern = `%@${domain}`;
  await db.query(
    `delete from user_session where user_id in (select id from app_user where lower(email) like $1)`,
    [pattern],
  );
  const rows = await db.query(
    `update app_user set status = 'disabled', sessions_valid_from = now()
      where lower(email) like $1 and status <> 'disabled' returning 1`,
    [pattern],
  );
  return rows.length;
}

export async function updateUserAccess(
  db: Queryable,
  id: string,
  access: Pick<NewUser, 'role' | 'laCodes' | 'urns'>,
): Promise<void> {
  await db.query(
    `update app_user set role = $2, la_codes = $3::integer[], urns = $4::integer[] where id = $1`,
    [id, access.role, access.laCodes, access.urns],
  );
}

/** The user the identity provider's issuer and subject were linked to, at their first sign-in. */
export async function selectUserByOidc(
  db: Queryable,
  issuer: string,
  subject: string,
): Promise<UserRecord | undefined> {
  const [row] = await db.query<Record<string, unknown>>(
    `select ${columns} from app_user where oidc_issuer = $1 and oidc_subject = $2`,
    [issuer, subject],
  );
  return row ? toUser(row) : undefined;
}

/**
 * Links the provider's issuer and subject to an account not yet linked to any, making an invited
 * account active (the provider stands in for choosing a password). false: it was linked already.
 */
export async function linkOidc(
  db: Queryable,
  id: string,
  issuer: string,
  subject: string,
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `update app_user set oidc_issuer = $2, oidc_subject = $3,
       status = case when status = 'invited' then 'active' else status end
     where id = $1 and oidc_subject is null and status <> 'disabled'
       and not exists (select 1 from app_user where oidc_issuer = $2 and oidc_subject = $3)
     returning id`,
    [id, issuer, subject],
  );
  if (rows.length !== 1) return false;
  // The provider stands in for the password the invitation was for: its link no longer works.
  await db.query(
    `update one_time_link set used_at = now()
      where user_id = $1 and purpose = 'invitation' and used_at is null`,
    [id],
  );
  return true;
}
