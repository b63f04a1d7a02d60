/** What the sign-in, account and administration pages use, bound to the database. */
import {
  audit,
  listAuditEvents,
  type Actor,
  type AuditFilter,
  type AuditTarget,
} from '../../access/audit.service.js';
import { signInWithOidc, type OidcClaims } from '../../access/oidc.service.js';
import { signOutEverywhere } from '../../access/sessions.service.js';
import { signInWithPassword } from '../../access/sign-in.service.js';
import {
  linkHolder,
  newLinkFor,
  requestPasswordReset,
  setPasswordByLink,
  type LinkPurpose,
} from '../../access/links.service.js';
import type { UserRecord } from '../../access/users.service.js';
import {
  changeUserAccess,
  disableUser,
  inviteUser,
  listUsers,
  userById,
  type UserDetails,
} from '../../access/users.service.js';
import type { Database } from '../../core/db.js';
import type { Mailer } from '../../core/mail.js';
import { invitationMail, passwordResetMail } from '../../access/messages.js';

type From = Omit<Actor, 'id' | 'label'>;

export interface MailSettings {
  mailer?: Mailer | undefined;
  /** Where people reach the app, for links in e-mail (LANTERN_BASE_URL). */
  baseUrl: string;
  organisationName: string;
}

/** The address a one-time link opens. */
export function linkAddress(baseUrl: string, purpose: LinkPurpose, token: string): string {
  return `${baseUrl}/${purpose === 'invitation' ? 'invitation' : 'password-reset'}/${token}`;
}

export function createAccessService(db: Database, mail: MailSettings) {
  const { mailer, baseUrl } = mail;
  return {
    ...linksByMail(db, mail),
    /** Whether e-mail is sent (LANTERN_SMTP_URL); if not, links are shown to the administrator. */
    sendsMail: mailer !== undefined,
    linkAddress: (purpose: LinkPurpose, token: string) => linkAddress(baseUrl, purpose, token),
    links: {
      holder: (purpose: LinkPurpose, token: string) => linkHolder(db, purpose, token),
      setPassword: (purpose: LinkPurpose, token: string, password: string, from: From) =>
        setPasswordByLink(db, purpose, token, password, from),
    },
    signOutEverywhere: (actor: Actor, userId: string) => signOutEverywhere(db, actor, userId),
    /** A read of something restricted, for the audit log. */
    recordRead: (actor: Actor, target: AuditTarget, details: Record<string, unknown> = {}) =>
      audit(db, actor, 'read', target, details),
    /** A link that is unknown, used or expired was opened (the token itself is not recorded). */
    recordRefusedLink: (actor: Actor, purpose: LinkPurpose) =>
      audit(db, actor, 'link-refused', undefined, { purpose }),
    signedOut: (actor: Actor) =>
      audit(db, actor, 'sign-out', actor.id ? { kind: 'user', id: actor.id } : undefined),
    users: {
      list: () => listUsers(db),
      byId: (id: string) => userById(db, id),
      disable: (actor: Actor, email: string) => disableUser(db, actor, email),
      changeAccess: (
        actor: Actor,
        userId: string,
        change: { role: string; laCodes: number[]; urns: number[] },
      ) => changeUserAccess(db, actor, userId, change),
    },
    auditEvents: (filter: AuditFilter) => listAuditEvents(db, filter),
  };
}

/** Invitations and reset links, e-mailed when e-mail is set up. */
function linksByMail(db: Database, mail: MailSettings) {
  const { mailer, baseUrl } = mail;
  return {
    /** Invites, and e-mails the link when e-mail is set up (`sent`). */
    async invite(actor: Actor, details: UserDetails) {
      const invitation = await inviteUser(db, actor, details);
      const link = linkAddress(baseUrl, 'invitation', invitation.token);
      if (mailer)
        await mailer.send(
          invitationMail(invitation.user, link, invitation.expiresAt, mail.organisationName),
        );
      return { ...invitation, link, sent: mailer !== undefined };
    },
    /** A new invitation or reset link for a user, e-mailed when e-mail is set up (`sent`). */
    async newLink(actor: Actor, user: UserRecord) {
      const made = await newLinkFor(db, actor, user);
      const link = linkAddress(baseUrl, made.purpose, made.token);
      if (mailer)
        await mailer.send(
          made.purpose === 'invitation'
            ? invitationMail(user, link, made.expiresAt, mail.organisationName)
            : passwordResetMail(user.email, link, made.expiresAt),
        );
      return { ...made, link, sent: mailer !== undefined };
    },
    /** "I have forgotten my password": e-mails a link if the address has an active account. */
    async requestReset(email: string, from: From): Promise<void> {
      if (!mailer) return;
      const reset = await requestPasswordReset(db, email, from);
      if (reset)
        await mailer.send(
          passwordResetMail(
            reset.user.email,
            linkAddress(baseUrl, 'password_reset', reset.token),
            reset.expiresAt,
          ),
        );
    },
    signInWithOidc: (claims: OidcClaims, from: From) => signInWithOidc(db, claims, from),
    signIn: (email: string, password: string, from: From) =>
      signInWithPassword(db, email, password, from),
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
