/** Users: invitations, the first administrator, listing and disabling; every change audited. */
import type { Database } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import { audit, type Actor } from './audit.service.js';
import { insertLink } from './one-time-links.repository.js';
import { roleNames, roles, scopeKindOf, type Role } from './policy.js';
import { newToken, tokenHash } from './secrets.js';
import {
  disableUser as disableUserRow,
  insertUser,
  selectUserByEmail,
  selectUserById,
  selectUsers,
  type NewUser,
  type UserRecord,
} from './users.repository.js';

/** An invitation link works this many days. */
export const invitationDays = 7;

export interface Invitation {
  user: UserRecord;
  /** Goes in the link (`/invitation/<token>`); never stored, never logged. */
  token: string;
  expiresAt: string;
}

export interface UserDetails {
  email: string;
  displayName?: string | undefined;
  role: string;
  laCodes?: number[];
  urns?: number[];
}

const emailPattern = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}\.[^\s@<>"]{2,}$/;

/** Checks what an administrator typed; every problem named. */
export function checkUserDetails(d: UserDetails): NewUser {
  const problems: string[] = [];
  const email = d.email.trim();
  if (!emailPattern.test(email)) problems.push(`"${d.email}" is not an e-mail address.`);
  const role = roles.find((r) => r === d.role.trim().toLowerCase().replace(/[ -]/g, '_'));
  const laCodes = [...new Set(d.laCodes ?? [])];
  const urns = [...new Set(d.urns ?? [])];
  if (!role) problems.push(`"${d.role}" is not a role: choose one of ${roles.join(', ')}.`);
  else problems.push(...scopeProblems(role, laCodes, urns));
  if (problems.length || !role) throw lanternError('LANTERN_USER_INVALID', problems.join(' '));
  const displayName = d.displayName?.trim() || email.split('@')[0]!;
  return { email, displayName, role, laCodes, urns };
}

function scopeProblems(role: Role, laCodes: number[], urns: number[]): string[] {
  const kind = scopeKindOf(role);
  const name = roleNames[role];
  const problems: string[] = [];
  const badLa = laCodes.filter((c) => !Number.isInteger(c) || c < 100 || c > 999);
  const badUrn = urns.filter((u) => !Number.isInteger(u) || u < 100000 || u > 999999);
  if (badLa.length) problems.push(`LA codes have 3 digits: ${badLa.join(', ')}.`);
  if (badUrn.length) problems.push(`School URNs have 6 digits: ${badUrn.join(', ')}.`);
  if (kind === 'la' && !laCodes.length) problems.push(`The role ${name} needs at least one LA.`);
  if (kind === 'school' && !urns.length)
    problems.push(`The role ${name} needs at least one school.`);
  if (kind !== 'la' && laCodes.length) problems.push(`The role ${name} is not given LAs.`);
  if (kind !== 'school' && urns.length) problems.push(`The role ${name} is not given schools.`);
  return problems;
}

/** Creates the user (not yet able to sign in) and a link for them to choose a password. */
export async function inviteUser(
  db: Database,
  actor: Actor,
  details: UserDetails,
): Promise<Invitation> {
  const user = checkUserDetails(details);
  return db.transaction(async (tx) => {
    if (await selectUserByEmail(tx, user.email))
      throw lanternError('LANTERN_USER_EXISTS', `${user.email} has an account already.`);
    const created = await insertUser(tx, user);
    const token = newToken();
    const expiresAt = await insertLink(tx, {
      tokenHash: tokenHash(token),
      purpose: 'invitation',
      userId: created.id,
      createdBy: actor.id,
      minutes: invitationDays * 24 * 60,
    });
    await audit(tx, actor, 'user-invited', { kind: 'user', id: created.id }, describeUser(created));
    return { user: created, token, expiresAt };
  });
}

/** `lantern users create-admin`: whoever runs commands on the server is trusted with this. */
export async function createAdministrator(
  db: Database,
  actor: Actor,
  details: { email: string; displayName?: string },
): Promise<Invitation> {
  return inviteUser(db, actor, { ...details, role: 'administrator' });
}

export function listUsers(db: Database): Promise<UserRecord[]> {
  return selectUsers(db);
}

/** One user, or undefined (an id that is not a UUID names no one, rather than failing in SQL). */
export async function userById(db: Database, id: string): Promise<UserRecord | undefined> {
  return /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(id)
    ? selectUserById(db, id)
    : undefined;
}

export async function disableUser(db: Database, actor: Actor, email: string): Promise<UserRecord> {
  return db.transaction(async (tx) => {
    const user = await selectUserByEmail(tx, email);
    if (!user)
      throw lanternError('LANTERN_USER_NOT_FOUND', `No user has the e-mail address ${email}.`);
    await disableUserRow(tx, user.id);
    await audit(tx, actor, 'user-disabled', { kind: 'user', id: user.id }, { email: user.email });
    return { ...user, status: 'disabled' };
  });
}

export function describeUser(u: UserRecord): Record<string, unknown> {
  return { email: u.email, role: u.role, laCodes: u.laCodes, urns: u.urns };
}
