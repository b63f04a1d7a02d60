/** The e-mails Lantern sends, in plain text: what the link is for, how long it works, who sent it. */
import { formatDateTime } from '../core/format.js';
import type { Mail } from '../core/mail.js';
import { roleNames, type Role } from './policy.js';

export function invitationMail(
  to: { email: string; role: Role },
  link: string,
  expiresAt: string,
  organisation: string,
): Mail {
  return {
    to: to.email,
    subject: `Your invitation to Lantern${organisation !== 'Lantern' ? ` (${organisation})` : ''}`,
    text: [
      `You have been invited to Lantern as ${roleNames[to.role]}.`,
      '',
      'Open this link to choose your password and sign in:',
      link,
      '',
      `The link works once, until ${formatDateTime(expiresAt)}. If you were not expecting this, ignore this e-mail.`,
    ].join('\n'),
  };
}

export function passwordResetMail(to: string, link: string, expiresAt: string): Mail {
  return {
    to,
    subject: 'Reset your Lantern password',
    text: [
      'Someone (we hope you) asked to reset the password of your Lantern account.',
      '',
      'Open this link to choose a new password:',
      link,
      '',
      `The link works once, until ${formatDateTime(expiresAt)}. If you did not ask, ignore this e-mail: your password is unchanged.`,
    ].join('\n'),
  };
}
