/**
 * The database's own guard on scoped rows (migrations/0003_row_security.sql): `withScope` runs
 * work in one transaction as the role lantern_scoped, with the user's LAs and schools in
 * transaction-local settings, so row-level security hides every row outside their scope even if
 * an application check were missed. One helper for every scoped table, now and later.
 */
import type { Database, Queryable } from '../core/db.js';
import { scopeKindOf, type Viewer } from './policy.js';

/** The settings the policy reads: everything for administrators, else the user's LAs or URNs. */
export function scopeSettings(viewer: Viewer): { all: boolean; laCodes: number[]; urns: number[] } {
  if (!viewer) return { all: false, laCodes: [], urns: [] };
  if (scopeKindOf(viewer.role) === 'none') return { all: true, laCodes: [], urns: [] };
  return { all: false, laCodes: viewer.laCodes, urns: viewer.urns };
}

const pgArray = (values: number[]) => `{${values.filter(Number.isInteger).join(',')}}`;

export async function withScope<T>(
  db: Database,
  viewer: Viewer,
  work: (tx: Queryable) => Promise<T>,
): Promise<T> {
  const s = scopeSettings(viewer);
  return db.transaction(async (tx) => {
    // set_config(…, true): for this transaction only, so a pooled connection keeps no scope.
    await tx.query(
      `select set_config('lantern.scope_all', $1, true), set_config('lantern.la_codes', $2, true),
              set_config('lantern.urns', $3, true)`,
      [s.all ? 'on' : 'off', pgArray(s.laCodes), pgArray(s.urns)],
    );
    await tx.query('set local role lantern_scoped');
    return work(tx);
  });
}
