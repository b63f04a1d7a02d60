/**
 * One-time links that let a person choose a password: an invitation (7 days) and a password
 * reset (2 hours). Each works once; the page says "expired or used" without saying which.
 */
import type { Database } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import { audit, type Actor } from './audit.service.js';
import {
  insertLink,
  linkUser,
  useLink,
  voidLinks,
  type LinkPurpose,
} from './one-time-links.repository.js';
import { hashPassword, newToken, passwordProblem, tokenHash } from './secrets.js';
import {
  recordSignIn,
  selectUserByEmail,
  selectUserById,
  updatePassword,
  type UserRecord,
} from './users.repository.js';
import { invitationDays } from './users.service.js';

export type { LinkPurpose };

export const resetLinkMinutes = 120;

export const linkGone = 'This link has expired or been used.';

type From = Omit<Actor, 'id' | 'label'>;

/** An invitation works only while the account is invited; a reset only while it is active. */
function linkFits(purpose: LinkPurpose, user: UserRecord): boolean {
  return purpose === 'invitation' ? user.status === 'invited' : user.status === 'active';
}

/** The person a link is for, while it works (to greet them on its page); else undefined. */
export async function linkHolder(
  db: Database,
  purpose: LinkPurpose,
  token: string,
): Promise<UserRecord | undefined> {
  const userId = await linkUser(db, tokenHash(token), purpose);
  const user = userId ? await selectUserById(db, userId) : undefined;
  return user && linkFits(purpose, user) ? user : undefined;
}

/**
 * Uses the link to set the password: the account active, every other session void, and the
 * person signed in (`signedInAt`, the database's time). A password the rules refuse throws
 * LANTERN_USER_INVALID, rolling back, so the link still works for a better one.
 */
export async function setPasswordByLink(
  db: Database,
  purpose: LinkPurpose,
  token: string,
  password: string,
  from: From = {},
): Promise<{ user: UserRecord; signedInAt: string } | { problem: string }> {
  return db.transaction(async (tx) => {
    const userId = await useLink(tx, tokenHash(token), purpose);
    const user = userId ? await selectUserById(tx, userId) : undefined;
    if (!user || !linkFits(purpose, user)) return { problem: linkGone };
    const problem = passwordProblem(password, user.email);
    if (problem) throw lanternError('LANTERN_USER_INVALID', problem);
    await updatePassword(tx, user.id, await hashPassword(password));
    // Every other link of theirs ends here: an older one must not set the password again.
    await voidLinks(tx, user.id);
    const signedInAt = await recordSignIn(tx, user.id);
    const action = purpose === 'invitation' ? 'invitation-accepted' : 'password-reset';
    await audit(tx, { id: user.id, label: user.email, ...from }, action, {
      kind: 'user',
      id: user.id,
    });
    return { user: { ...user, status: 'active' as const }, signedInAt };
  });
}

/** The invited person chooses a password (setPasswordByLink for an invitation). */
export async function acceptInvitation(
  db: Database,
  token: string,
  password: string,
  from: From = {},
): Promise<{ user?: UserRecord; problem?: string }> {
  const result = await setPasswordByLink(db, 'invitation', token, password, from);
  return 'problem' in result ? { problem: result.problem } : { user: result.user };
}

/**
 * A new link for a user: an invitation while they have not chosen a password, else a password
 * reset. `actor` is the administrator asking, or the person themselves ("I have forgotten").
 */
export async function newLinkFor(
  db: Database,
  actor: Actor,
  user: UserRecord,
): Promise<{ purpose: LinkPurpose; token: string; expiresAt: string }> {
  const purpose: LinkPurpose = user.status === 'invited' ? 'invitation' : 'password_reset';
  const token = newToken();
  return db.transaction(async (tx) => {
    // One live link a person: a new one ends the ones made before.
    await voidLinks(tx, user.id);
    const expiresAt = await insertLink(tx, {
      tokenHash: tokenHash(token),
      purpose,
      userId: user.id,
      createdBy: actor.id,
      minutes: purpose === 'invitation' ? invitationDays * 24 * 60 : resetLinkMinutes,
    });
    await audit(
      tx,
      actor,
      purpose === 'invitation' ? 'invitation-renewed' : 'password-reset-link',
      {
        kind: 'user',
        id: user.id,
      },
    );
    return { purpose, token, expiresAt };
  });
}

/**
 * "I have forgotten my password": a reset link for an active account with that address, or
 * nothing (the page says the same either way, so it tells no one who has an account).
 */
export async function requestPasswordReset(
  db: Database,
  email: string,
  from: From,
): Promise<{ user: UserRecord; token: string; expiresAt: string } | undefined> {
  const user = await selectUserByEmail(db, email.trim());
  if (!user || user.status !== 'active') {
    await audit(
      db,
      { id: null, label: email.trim().slice(0, 200), ...from },
      'password-reset-asked',
      undefined,
      {
        known: false,
      },
    );
    return undefined;
  }
  const link = await newLinkFor(db, { id: user.id, label: user.email, ...from }, user);
  return { user, token: link.token, expiresAt: link.expiresAt };
}
