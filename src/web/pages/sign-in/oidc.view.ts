import type { OidcRefusal } from '../../../access/oidc.service.js';

/** Why signing in with the organisation's account did not work, in words for the person. */
export type OidcProblem = OidcRefusal | 'denied' | 'expired' | 'unreachable';

/**
 * Each problem's words and HTTP status. The provider's own error text is logged, never shown:
 * it arrives in the address, so anyone can write it.
 */
export const oidcProblems: Record<OidcProblem, { text: string; status: number }> = {
  unknown: {
    text: "Your organisation's account is not invited to Lantern: ask your Lantern administrator for an invitation.",
    status: 401,
  },
  disabled: {
    text: 'Your Lantern account is disabled: ask your Lantern administrator if you still need it.',
    status: 401,
  },
  unverified: {
    text: "Your organisation's account does not confirm your e-mail address, so Lantern cannot match it to an invitation: ask your Lantern administrator.",
    status: 401,
  },
  denied: {
    text: "Your organisation's account did not sign you in. Try again, or ask your IT service desk.",
    status: 401,
  },
  expired: {
    text: 'This sign-in has expired, or was started in another window or browser: start again.',
    status: 400,
  },
  unreachable: {
    text: "Lantern cannot reach your organisation's sign-in service just now: try again in a few minutes, or sign in with a Lantern password.",
    status: 503,
  },
};

/** The sign-in page's context showing one problem (an error summary line with no field). */
export function oidcProblemContext(problem: OidcProblem) {
  return { problems: [{ text: oidcProblems[problem].text }], errors: {} };
}
