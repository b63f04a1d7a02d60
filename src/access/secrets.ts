/** Passwords and one-time tokens: argon2id from a maintained library, randomness from Node. */
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** NCSC: length, not composition rules; long enough that guessing online is hopeless. */
export const minPasswordLength = 12;
export const maxPasswordLength = 256;

/** What is wrong with a new password, in words, or undefined. */
export function passwordProblem(password: string, email: string): string | undefined {
  if (password.length < minPasswordLength)
    return `Enter a password of at least ${minPasswordLength} characters.`;
  if (password.length > maxPasswordLength)
    return `Enter a password of at most ${maxPasswordLength} characters.`;
  // The address's name part, where it is long enough to be a guess ("o@…" would refuse any "o").
  const name = email.toLowerCase().split('@')[0]!;
  if (name.length >= 4 && password.toLowerCase().includes(name))
    return 'Enter a password that does not contain your e-mail address.';
  return undefined;
}

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum), as a PHC string. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed hash matches nothing
  }
}

/** A token for a link or a cookie: 32 random bytes, URL-safe. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** What is stored of a token: its SHA-256, so a copy of the table signs no one in. */
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
