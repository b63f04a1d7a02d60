import type { Queryable } from '../core/db.js';

export type LinkPurpose = 'invitation' | 'password_reset';

export async function insertLink(
  db: Queryable,
  link: {
    tokenHash: string;
    purpose: LinkPurpose;
    userId: string;
    createdBy: string | null;
    minutes: number;
  },
): Promise<string> {
  const [row] = await db.query<{ expires_at: string }>(
    `insert into one_time_link (token_hash, purpose, user_id, created_by, expires_at)
     values ($1, $2, $3, $4, now() + make_interval(mins => $5::integer)) returning expires_at`,
    [link.tokenHash, link.purpose, link.userId, link.createdBy, link.minutes],
  );
  return new Date(row!.expires_at).toISOString();
}

/**
 * Marks the link used and returns its user, in one statement, so a link clicked twice at once
 * works once; undefined when it is unknown, used or expired.
 */
export async function useLink(
  db: Queryable,
  tokenHash: string,
  purpose: LinkPurpose,
): Promise<string | undefined> {
  const [row] = await db.query<{ user_id: string }>(
    `update one_time_link set used_at = now()
      where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now()
      returning user_id`,
    [tokenHash, purpose],
  );
  return row?.user_id;
}

/** The user a link would sign in, without using it (the page showing its form); else undefined. */
export async function linkUser(
  db: Queryable,
  tokenHash: string,
  purpose: LinkPurpose,
): Promise<string | undefined> {
  const [row] = await db.query<{ user_id: string }>(
    `select user_id from one_time_link
      where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now()`,
    [tokenHash, purpose],
  );
  return row?.user_id;
}

/** Ends every unused link of a user (a password set, a new link made, the account disabled). */
export async function voidLinks(db: Queryable, userId: string): Promise<void> {
  await db.query(
    'update one_time_link set used_at = now() where user_id = $1 and used_at is null',
    [userId],
  );
}
