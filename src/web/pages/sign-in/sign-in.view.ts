import { failureLimit, lockMinutes, type SignInResult } from '../../../access/sign-in.service.js';

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

/**
 * What a refused sign-in says: the same whether the address is unknown, the password wrong or
 * the account locked, so the page tells no one which addresses have accounts.
 */
export function signInRefusal(_result: Extract<SignInResult, { ok: false }>): FormProblem {
  return {
    text: `The e-mail address or password is not right. After ${failureLimit} wrong passwords in a row an account is locked for ${lockMinutes} minutes: wait, or reset your password.`,
    href: '#email',
  };
}
