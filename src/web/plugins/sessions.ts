/**
 * Sessions (issue 8): a random id in an HttpOnly, SameSite=Lax cookie, the session itself in the
 * database (src/access/sessions.service.ts), so several app processes share them and a copy of
 * the table signs no one in. No cookie is set until a form needs one (saveUninitialized false):
 * a visitor reading the published statistics gets none, and their pages stay one cached copy.
 * Every state-changing form carries a CSRF token tied to the session (@fastify/csrf-protection).
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import session from '@fastify/session';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Viewer } from '../../access/policy.js';
import { newToken } from '../../access/secrets.js';
import {
  createSessionStore,
  defaultSessionTimeouts,
  userOfSession,
  type SessionSignIn,
  type SessionTimeouts,
} from '../../access/sessions.service.js';
import type { Database } from '../../core/db.js';
import { lanternError } from '../../core/errors.js';
import { fileForEveryone } from './access.js';

export const sessionCookie = 'lantern_session';

declare module 'fastify' {
  interface Session extends Partial<SessionSignIn> {
    _csrf?: string;
  }
}

export interface SessionOptions {
  db: Database;
  /** Signs the cookie (32 characters or more): LANTERN_SESSION_SECRET or one kept in the database. */
  secret: string;
  /** true when the app is reached over HTTPS (LANTERN_BASE_URL https://): the cookie is Secure. */
  secure: boolean;
  timeouts?: SessionTimeouts;
}

/**
 * Sign-in, invitation and password-reset forms from one address, at most, a minute (the account
 * lockout stops guessing one account; this stops guessing many from one place).
 */
export const attemptLimit = { max: 10, timeWindow: 60_000 };

/** A form's fields at most, bytes: a sign-in or invitation form is a few hundred. */
const formBodyLimit = 16 * 1024;

export const sessions = fp<SessionOptions>(
  async (app, options) => {
    const store = createSessionStore(options.db, options.timeouts ?? defaultSessionTimeouts);
    await app.register(cookie);
    await app.register(session, {
      secret: options.secret,
      cookieName: sessionCookie,
      idGenerator: () => newToken(),
      saveUninitialized: false,
      // Not saved on every request: the store records use at most once a minute.
      rolling: false,
      // No Max-Age: the cookie ends with the browser; the server ends the session sooner.
      cookie: { httpOnly: true, sameSite: 'lax', secure: options.secure, path: '/' },
      store: {
        get: (id, done) =>
          void store.get(id).then(
            (data) => done(null, (data ?? null) as never),
            (error: unknown) => done(error),
          ),
        set: (id, data, done) =>
          void store.set(id, JSON.parse(JSON.stringify(data)) as Record<string, unknown>).then(
            () => done(),
            (error: unknown) => done(error),
          ),
        destroy: (id, done) =>
          void store.destroy(id).then(
            () => done(),
            (error: unknown) => done(error),
          ),
      },
    });
    if (options.secure) app.addHook('onRequest', refuseInsecureSessions);
    await app.register(formbody, { bodyLimit: formBodyLimit });
    await app.register(csrf, { sessionPlugin: '@fastify/session' });
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        lanternError(
          'LANTERN_TOO_MANY_ATTEMPTS',
          `Too many attempts from your address: wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
        ),
    });
  },
  { name: 'lantern-sessions' },
);

/**
 * With an https LANTERN_BASE_URL the cookie is Secure, and a browser never sends it over http:
 * signing in would fail without a word. So a page that needs a session, reached over http, says
 * why (usually a TLS proxy in front without LANTERN_TRUST_PROXY=1). Published pages still answer.
 */
async function refuseInsecureSessions(request: FastifyRequest): Promise<void> {
  if (request.protocol === 'https') return;
  const access = request.routeOptions.config?.access;
  if (!access || access.permission === 'open-statistics' || fileForEveryone.test(request.url))
    return;
  throw lanternError(
    'LANTERN_CONFIG_INVALID',
    'This page was reached over http, but Lantern is set up for https (LANTERN_BASE_URL), so signing in cannot work here.',
    {
      hint: 'Open the https address. If a proxy in front of Lantern ends TLS, set LANTERN_TRUST_PROXY=1 so Lantern can see the request was https.',
    },
  );
}

/** Who a request's session says is signed in (checked against the user as stored, each time). */
export function sessionViewer(db: Database) {
  return async (request: FastifyRequest): Promise<Viewer> => {
    const s = request.session as Partial<SessionSignIn> | undefined;
    if (!s?.userId) return null;
    return userOfSession(db, { userId: s.userId, signedInAt: s.signedInAt });
  };
}

/**
 * Signs the person in on this request: a new session id first, so an id planted before sign-in
 * (session fixation) names no one, and the CSRF secret is new too.
 */
export async function startSignedInSession(request: FastifyRequest, signIn: SessionSignIn) {
  await request.session.regenerate();
  request.session.userId = signIn.userId;
  request.session.signedInAt = signIn.signedInAt;
}
