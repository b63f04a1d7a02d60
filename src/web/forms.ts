/** What every form page shares: who is acting (for the audit log), safe return addresses. */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/audit.service.js';
import { words, type Schema } from './route-schemas.js';

/** The person making the request as the audit log records them, with where they came from. */
export function actorOf(request: FastifyRequest): Actor {
  return {
    id: request.viewer?.id ?? null,
    label: request.viewer?.email ?? 'not signed in',
    ...from(request),
  };
}

/** Where a request came from, for the audit log (the user agent cut to what identifies it). */
export function from(request: FastifyRequest): { ip: string; userAgent: string | undefined } {
  return { ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 300) };
}

/**
 * A page of this site to go to after signing in: a path, never another site. `//evil.example`
 * and `/\evil.example` are addresses browsers read as another host, so they are refused.
 */
export function localPath(next: unknown, fallback = '/account'): string {
  if (typeof next !== 'string' || !/^\/(?![/\\])/.test(next) || /[\u0000-\u001F\\]/.test(next))
    return fallback;
  // A Location header holds ASCII only: anything else (a "€" typed in the address) %-encoded.
  try {
    return next.replace(/[^\u0021-\u007E]/gu, (c) => encodeURIComponent(c));
  } catch {
    return fallback; // a lone surrogate
  }
}

/** A text field of a form: any characters but controls, at most `max`. */
export const field = (max = 320): Schema => words(max);

/**
 * A textarea: lines of text (line breaks and tabs allowed, no other control character), at most
 * `max` characters.
 */
export const textareaField = (max: number): Schema => ({
  type: 'string',
  maxLength: max,
  pattern: '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$',
});

/** A password field: anything, up to a length no real password reaches (argon2 cost is bounded). */
export const passwordField: Schema = { type: 'string', maxLength: 1000 };

/** The CSRF token field every state-changing form has. */
export const csrfField = { _csrf: { type: 'string', maxLength: 200 } } satisfies Record<
  string,
  Schema
>;
