/** Signing in with a password: lockout after repeated failures, every attempt audited. */
import type { Database } from '../core/db.js';
import { audit, type Actor } from './audit.service.js';
import { hashPassword, passwordMatches } from './secrets.js';
import {
  recordFailedSignIn,
  recordSignIn,
  selectPasswordHash,
  selectUserByEmail,
  type UserRecord,
} from './users.repository.js';

/** After this many failures in a row an account is locked for `lockMinutes`. */
export const failureLimit = 5;
export const lockMinutes = 15;

export type SignInResult =
  | { ok: true; user: UserRecord; signedInAt: string }
  | { ok: false; reason: 'wrong' | 'locked' | 'disabled'; lockedUntil?: string };

/** Compared against when no user has the address, so an unknown address takes as long. */
let decoyHash: Promise<string> | undefined;

export async function signInWithPassword(
  db: Database,
  email: string,
  password: string,
  from: Omit<Actor, 'id' | 'label'> = {},
): Promise<SignInResult> {
  const user = await selectUserByEmail(db, email.trim());
  const stored = user ? await selectPasswordHash(db, user.id) : null;
  const matches = await passwordMatches(
    stored ?? (await (decoyHash ??= hashPassword(newDecoy()))),
    password,
  );
  return db.transaction(async (tx) => {
    const actor: Actor = {
      id: user?.id ?? null,
      label: user?.email ?? email.trim().slice(0, 200),
      ...from,
    };
    const target = user ? { kind: 'user', id: user.id } : undefined;
    const fail = async (reason: 'wrong' | 'locked' | 'disabled', lockedUntil?: string | null) => {
      await audit(tx, actor, 'sign-in-failed', target, { reason });
      return { ok: false as const, reason, ...(lockedUntil ? { lockedUntil } : {}) };
    };
    if (!user || !stored) return fail('wrong');
    if (user.status === 'disabled') return fail('disabled');
    if (user.lockedUntil && Date.parse(user.lockedUntil) > Date.now())
      return fail('locked', user.lockedUntil);
    if (!matches) {
      const after = await recordFailedSignIn(tx, user.id, failureLimit, lockMinutes);
      return fail(after.lockedUntil ? 'locked' : 'wrong', after.lockedUntil);
    }
    const signedInAt = await recordSignIn(tx, user.id);
    await audit(tx, actor, 'sign-in', target, { method: 'password' });
    return {
      ok: true as const,
      user: { ...user, failedSignIns: 0, lockedUntil: null },
      signedInAt,
    };
  });
}

function newDecoy(): string {
  return `decoy-${Math.random()}`;
}
