/**
 * Signing in with the council's identity provider (OpenID Connect): the provider says who the
 * person is, Lantern says whether they may come in. There is no self sign-up: only an account an
 * administrator invited is matched, and every attempt is audited, as with passwords.
 */
import type { Database, Queryable } from '../core/db.js';
import { audit, type Actor } from './audit.service.js';
import {
  linkOidc,
  recordSignIn,
  selectUserByEmail,
  selectUserByOidc,
  type UserRecord,
} from './users.repository.js';

/** What Lantern reads from the provider's ID token (checked by openid-client before this). */
export interface OidcClaims {
  /** `iss`, as the provider spells it. */
  issuer: string;
  /** `sub`: the provider's own id for the person, which stays when their e-mail changes. */
  subject: string;
  email?: string | undefined;
  /** `email_verified`; undefined when the provider does not say. */
  emailVerified?: boolean | undefined;
}

export type OidcRefusal = 'unknown' | 'disabled' | 'unverified';

export type OidcSignInResult =
  { ok: true; user: UserRecord; signedInAt: string } | { ok: false; reason: OidcRefusal };

/** A single Entra ID tenant's issuer (not the personal-accounts tenant, whose users are anyone). */
const entraTenantIssuer =
  /^https:\/\/login\.microsoftonline\.com\/(?!9188040d-6c67-4c5b-b112-36a304b66dad\/)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/v2\.0$/i;

/**
 * Whether the provider's e-mail address may find an invitation, at the first sign-in only:
 * - `email_verified: true`: yes; `false`: no.
 * - Not said: only from one Microsoft Entra ID tenant. Entra sends no `email_verified`; its
 *   `email` is the directory's mail attribute, which the council's own administrators set, and
 *   openid-client has checked `iss` is the configured tenant, so no other tenant's account gets
 *   here. (Entra's optional `xms_edov` claim, when configured, is read as `email_verified`, which
 *   also refuses guests whose address their home directory does not vouch for.)
 * - Not said, by any other provider: no. Matching an unverified address would let whoever can
 *   put that address on an account at the provider take over the invitation.
 */
export function emailTrusted(claims: OidcClaims): boolean {
  if (claims.emailVerified !== undefined) return claims.emailVerified;
  return entraTenantIssuer.test(claims.issuer);
}

/** The claims Lantern uses, from an ID token's claims set (some providers send "true" as text). */
export function claimsFromIdToken(token: Record<string, unknown>): OidcClaims {
  const flag = (v: unknown) =>
    v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined;
  return {
    issuer: String(token.iss),
    subject: String(token.sub),
    email: typeof token.email === 'string' ? token.email.trim() : undefined,
    emailVerified: flag(token.email_verified) ?? flag(token.xms_edov),
  };
}

type Found = { user: UserRecord; linked: boolean } | { user?: undefined; reason: OidcRefusal };

/** By issuer and subject; the first time, by a trusted e-mail address of an account not yet linked. */
async function findUser(tx: Queryable, claims: OidcClaims): Promise<Found> {
  const linked = await selectUserByOidc(tx, claims.issuer, claims.subject);
  if (linked) return { user: linked, linked: true };
  if (!claims.email) return { reason: 'unknown' };
  if (!emailTrusted(claims)) return { reason: 'unverified' };
  const user = await selectUserByEmail(tx, claims.email);
  if (!user) return { reason: 'unknown' };
  // An address the provider does not itself vouch for (Entra's directory) may take up an
  // invitation, never an account someone already uses (a guest's e-mail can be set by its owner).
  if (claims.emailVerified === undefined && user.status !== 'invited')
    return { reason: 'unverified' };
  return { user, linked: false };
}

export async function signInWithOidc(
  db: Database,
  claims: OidcClaims,
  from: Omit<Actor, 'id' | 'label'> = {},
): Promise<OidcSignInResult> {
  try {
    return await attempt(db, claims, from);
  } catch (error) {
    // Two first sign-ins of one person at once: the second links nothing (unique issuer and
    // subject); tried again, it finds the account the first linked.
    if ((error as { code?: unknown }).code === '23505') return attempt(db, claims, from);
    throw error;
  }
}

async function attempt(
  db: Database,
  claims: OidcClaims,
  from: Omit<Actor, 'id' | 'label'>,
): Promise<OidcSignInResult> {
  return db.transaction(async (tx) => {
    const found = await findUser(tx, claims);
    const user = found.user;
    const actor: Actor = {
      id: user?.id ?? null,
      label: (user?.email ?? claims.email ?? `${claims.subject} at ${claims.issuer}`).slice(0, 200),
      ...from,
    };
    const target = user ? { kind: 'user', id: user.id } : undefined;
    const details = { method: 'oidc', issuer: claims.issuer };
    const refuse = async (reason: OidcRefusal) => {
      await audit(tx, actor, 'sign-in-failed', target, { ...details, reason });
      return { ok: false as const, reason };
    };
    if (!found.user) return refuse(found.reason);
    if (found.user.status === 'disabled') return refuse('disabled');
    // An account linked to another subject already is not taken over by a new one with its address.
    if (!found.linked && !(await linkOidc(tx, found.user.id, claims.issuer, claims.subject)))
      return refuse('unknown');
    const signedInAt = await recordSignIn(tx, found.user.id);
    await audit(
      tx,
      actor,
      'sign-in',
      target,
      found.linked ? details : { ...details, linked: true },
    );
    return {
      ok: true as const,
      user: { ...found.user, status: 'active' as const, failedSignIns: 0, lockedUntil: null },
      signedInAt,
    };
  });
}
