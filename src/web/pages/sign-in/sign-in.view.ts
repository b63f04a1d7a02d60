import type { SignInResult } from '../../../access/sign-in.service.js';
import { formatDateTime } from '../../../core/format.js';

export interface FormProblem {
  text: string;
  href: string;
}

/** The error summary's lines and each field's message, from what the form's checks found. */
export function formErrors(problems: FormProblem[]): {
  problems: FormProblem[];
  errors: Record<string, string>;
} {
  return {
    problems,
    errors: Object.fromEntries(problems.map((p) => [p.href.slice(1), p.text])),
  };
}

/** What a refused sign-in says: never whether the address has an account, unless it is locked. */
export function signInRefusal(result: Extract<SignInResult, { ok: false }>): FormProblem {
  if (result.reason === 'locked')
    return {
      text: `This account is locked after too many wrong passwords. Try again after ${formatDateTime(result.lockedUntil ?? '')}, or ask your administrator to reset your password.`,
      href: '#password',
    };
  return { text: 'The e-mail address or password is not right', href: '#email' };
}
