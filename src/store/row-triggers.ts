import type { Queryable } from '../core/db.js';

/**
 * Per-row foreign-key checks are most of the cost of a bulk insert: three-quarters of LAIT's
 * 640k rows (about 15 s of 20 s on PGlite), and of the England school files' 1M figures. When the
 * connection may (a superuser: always on PGlite), the inserts run with
 * `session_replication_role = replica`, which skips those per-row triggers for this transaction
 * only; the caller then checks the new rows' references in one set-based query, as the triggers
 * would have, after `restoreRowTriggers`. Returns whether the triggers were skipped.
 */
export async function skipRowTriggers(tx: Queryable): Promise<boolean> {
  const [role] = await tx.query<{ rolsuper: boolean }>(
    'select rolsuper from pg_roles where rolname = current_user',
  );
  if (!role?.rolsuper) return false;
  await tx.query('set local session_replication_role = replica');
  return true;
}

export async function restoreRowTriggers(tx: Queryable): Promise<void> {
  await tx.query('set local session_replication_role = origin');
}
