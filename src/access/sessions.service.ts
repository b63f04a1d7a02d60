/**
 * Server-side sessions in the database, so several app processes share them. The cookie holds a
 * random id; only its SHA-256 is stored. A session ends after `idleMinutes` unused or
 * `absoluteMinutes` after it began, whichever comes first, and when its user signs out
 * everywhere, changes password or is disabled.
 */
import type { Database } from '../core/db.js';
import { audit, type Actor } from './audit.service.js';
import type { SignedInUser } from './policy.js';
import { secretNamed } from './app-secrets.repository.js';
import { newToken, tokenHash } from './secrets.js';
import {
  deleteSession,
  deleteStaleSessions,
  deleteUserSessions,
  markSessionsVoid,
  selectSession,
  touchSession,
  upsertSession,
} from './sessions.repository.js';
import { userById } from './users.service.js';

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteMinutes: number;
}

/** An hour unused, or a working day in all: a shared office PC is not left signed in overnight. */
export const defaultSessionTimeouts: SessionTimeouts = {
  idleMinutes: 60,
  absoluteMinutes: 12 * 60,
};

/** What a signed-in session holds about its user (the rest of a session is forms' state). */
export interface SessionSignIn {
  userId: string;
  /** The database's time of the sign-in, compared with the user's sessions_valid_from. */
  signedInAt: string;
}

export interface SessionStore {
  get(id: string): Promise<Record<string, unknown> | undefined>;
  set(id: string, data: Record<string, unknown>): Promise<void>;
  destroy(id: string): Promise<void>;
}

const sweepEveryMs = 10 * 60_000;

export function createSessionStore(
  db: Database,
  timeouts: SessionTimeouts = defaultSessionTimeouts,
): SessionStore {
  let lastSweep = 0;
  return {
    async get(id) {
      const idHash = tokenHash(id);
      const row = await selectSession(db, idHash, timeouts.idleMinutes);
      if (!row) return undefined;
      if (row.expired) {
        await deleteSession(db, idHash);
        return undefined;
      }
      // Recorded at most once a minute: a page view is a read, not a write.
      if (row.touchDue) await touchSession(db, idHash);
      return row.data;
    },
    async set(id, data) {
      const userId = typeof data.userId === 'string' ? data.userId : null;
      await upsertSession(db, {
        idHash: tokenHash(id),
        userId,
        data,
        absoluteMinutes: timeouts.absoluteMinutes,
      });
      if (Date.now() - lastSweep > sweepEveryMs) {
        lastSweep = Date.now();
        await deleteStaleSessions(db, timeouts.idleMinutes);
      }
    },
    destroy: (id) => deleteSession(db, tokenHash(id)),
  };
}

/**
 * The user a session's sign-in names, if it still counts: the account active, and the sign-in
 * after the user's sessions were last voided (sign out everywhere, a new password).
 */
export async function userOfSession(
  db: Database,
  signIn: Partial<SessionSignIn>,
): Promise<SignedInUser | null> {
  if (typeof signIn.userId !== 'string' || typeof signIn.signedInAt !== 'string') return null;
  const user = await userById(db, signIn.userId);
  if (!user || user.status !== 'active') return null;
  if (Date.parse(signIn.signedInAt) < Date.parse(user.sessionsValidFrom)) return null;
  const { id, email, displayName, role, laCodes, urns } = user;
  return { id, email, displayName, role, laCodes, urns };
}

/** Ends every session the user has, on every device. */
export async function signOutEverywhere(
  db: Database,
  actor: Actor,
  userId: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    await markSessionsVoid(tx, userId);
    const ended = await deleteUserSessions(tx, userId);
    await audit(
      tx,
      actor,
      'signed-out-everywhere',
      { kind: 'user', id: userId },
      { sessions: ended },
    );
    return ended;
  });
}

/**
 * The key that signs session cookies: LANTERN_SESSION_SECRET, else one made at first start and
 * kept in the database, so every app process on one database signs alike.
 */
export async function sessionSigningKey(db: Database, fromEnvironment?: string): Promise<string> {
  return fromEnvironment ?? secretNamed(db, 'session-signing-key', () => newToken());
}
