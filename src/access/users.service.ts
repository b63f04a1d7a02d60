/** Users: invitations, the first administrator, listing and disabling; every change audited. */
import { isUuid } from '../core/ids.js';
import type { Database } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import { audit, type Actor } from './audit.service.js';
import { insertLink, voidLinks } from './one-time-links.repository.js';
import { roleNames, roles, scopeKindOf, type Role } from './policy.js';
import { newToken, tokenHash } from './secrets.js';
import { demoAccountDomain } from './demo-domain.js';
import {
  disableUser as disableUserRow,
  disableUsersAt,
  updateUserAccess,
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

/** A problem with what an administrator typed, and the field it is in (forms mark it). */
export interface UserDetailsProblem {
  field: 'email' | 'role' | 'laCodes' | 'urns';
  text: string;
}

/** Every problem with what an administrator typed, each with its field. */
export function userDetailsProblems(d: UserDetails): UserDetailsProblem[] {
  const problems: UserDetailsProblem[] = [];
  if (!d.email.trim()) problems.push({ field: 'email', text: 'Enter the e-mail address.' });
  else if (!emailPattern.test(d.email.trim()))
    problems.push({ field: 'email', text: `"${d.email}" is not an e-mail address.` });
  const role = roleOf(d.role);
  if (!d.role.trim()) problems.push({ field: 'role', text: 'Choose a role.' });
  else if (!role)
    problems.push({
      field: 'role',
      text: `"${d.role}" is not a role: choose one of ${roles.join(', ')}.`,
    });
  else problems.push(...scopeProblems(role, unique(d.laCodes), unique(d.urns)));
  return problems;
}

/** Checks what an administrator typed; LANTERN_USER_INVALID names every problem. */
export function checkUserDetails(d: UserDetails): NewUser {
  const problems = userDetailsProblems(d);
  const role = roleOf(d.role);
  if (problems.length || !role)
    throw lanternError('LANTERN_USER_INVALID', problems.map((p) => p.text).join(' '));
  const email = d.email.trim();
  const displayName = d.displayName?.trim() || email.split('@')[0]!;
  return { email, displayName, role, laCodes: unique(d.laCodes), urns: unique(d.urns) };
}

const roleOf = (text: string): Role | undefined =>
  roles.find((r) => r === text.trim().toLowerCase().replace(/[ -]/g, '_'));
const unique = (list: number[] | undefined) => [...new Set(list ?? [])];

function scopeProblems(role: Role, laCodes: number[], urns: number[]): UserDetailsProblem[] {
  const kind = scopeKindOf(role);
  const name = roleNames[role];
  const problems: UserDetailsProblem[] = [];
  const la = (text: string) => problems.push({ field: 'laCodes', text });
  const school = (text: string) => problems.push({ field: 'urns', text });
  const badLa = laCodes.filter((c) => !Number.isInteger(c) || c < 100 || c > 999);
  const badUrn = urns.filter((u) => !Number.isInteger(u) || u < 100000 || u > 999999);
  if (badLa.length) la(`LA codes have 3 digits: ${badLa.join(', ')}.`);
  if (badUrn.length) school(`School URNs have 6 digits: ${badUrn.join(', ')}.`);
  if (kind === 'la' && !laCodes.length) la(`The role ${name} needs at least one LA.`);
  if (kind === 'school' && !urns.length) school(`The role ${name} needs at least one school.`);
  if (kind !== 'la' && laCodes.length) la(`The role ${name} is not given LAs.`);
  if (kind !== 'school' && urns.length) school(`The role ${name} is not given schools.`);
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
): Promise<Invitation & { demoAccountsDisabled: number }> {
  const invitation = await inviteUser(db, actor, { ...details, role: 'administrator' });
  // A real administrator means a real deployment: the demo accounts, whose passwords were
  // printed to a terminal, stop working now rather than when real data arrives.
  const demoAccountsDisabled = invitation.user.email.endsWith(`@${demoAccountDomain}`)
    ? 0
    : await db.transaction(async (tx) => {
        const n = await disableUsersAt(tx, demoAccountDomain);
        if (n) await audit(tx, actor, 'demo-accounts-disabled', undefined, { accounts: n });
        return n;
      });
  return { ...invitation, demoAccountsDisabled };
}

export function listUsers(db: Database): Promise<UserRecord[]> {
  return selectUsers(db);
}

/** One user, or undefined (an id that is not a UUID names no one, rather than failing in SQL). */
const isUserId = isUuid;

export async function userById(db: Database, id: string): Promise<UserRecord | undefined> {
  return isUserId(id) ? selectUserById(db, id) : undefined;
}

export async function disableUser(db: Database, actor: Actor, email: string): Promise<UserRecord> {
  return db.transaction(async (tx) => {
    const user = await selectUserByEmail(tx, email);
    if (!user)
      throw lanternError('LANTERN_USER_NOT_FOUND', `No user has the e-mail address ${email}.`);
    await disableUserRow(tx, user.id);
    await voidLinks(tx, user.id);
    await audit(tx, actor, 'user-disabled', { kind: 'user', id: user.id }, { email: user.email });
    return { ...user, status: 'disabled' };
  });
}

/**
 * Changes a user's role and scope (the e-mail and name stay). Takes effect on their next request:
 * who a session is is read from the user each time. Audited with before and after.
 */
export async function changeUserAccess(
  db: Database,
  actor: Actor,
  userId: string,
  change: { role: string; laCodes: number[]; urns: number[] },
): Promise<UserRecord> {
  return db.transaction(async (tx) => {
    const user = await selectUserById(tx, userId);
    if (!user) throw lanternError('LANTERN_USER_NOT_FOUND', 'No user has that id.');
    const checked = checkUserDetails({
      email: user.email,
      displayName: user.displayName,
      ...change,
    });
    await updateUserAccess(tx, user.id, checked);
    const after = { ...user, role: checked.role, laCodes: checked.laCodes, urns: checked.urns };
    await audit(
      tx,
      actor,
      'user-access-changed',
      { kind: 'user', id: user.id },
      {
        before: describeUser(user),
        after: describeUser(after),
      },
    );
    return after;
  });
}

export function describeUser(u: UserRecord): Record<string, unknown> {
  return { email: u.email, role: u.role, laCodes: u.laCodes, urns: u.urns };
}

export type { UserRecord };
