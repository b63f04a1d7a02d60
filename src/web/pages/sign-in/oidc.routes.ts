/**
 * Signing in with the council's identity provider (OpenID Connect, e.g. Microsoft Entra ID):
 * the authorization code flow with PKCE, state and nonce, each made and checked by openid-client.
 * POST /sign-in/oidc sends the person to the provider; it sends them back to the callback.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import {
  claimsFromIdToken,
  type OidcClaims,
  type OidcSignInResult,
} from '../../../access/oidc.service.js';
import type { Actor } from '../../../access/audit.service.js';
import type { OidcSettings } from '../../../core/config.js';
import { csrfField, field, from, localPath } from '../../forms.js';
import { needs } from '../../plugins/access.js';
import { attemptLimit, startSignedInSession } from '../../plugins/sessions.js';
import type { Page } from '../../render.js';
import { routeSchema, words } from '../../route-schemas.js';
import { oidcProblemContext, oidcProblems, type OidcProblem } from './oidc.view.js';

declare module 'fastify' {
  interface Session {
    /** The sign-in under way at the provider: what its answer must match, and where to go next. */
    oidc?: OidcAttempt;
  }
}

interface OidcAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
}

export interface OidcSignInOptions extends OidcSettings {
  /** `<LANTERN_BASE_URL>/sign-in/oidc/callback`, as registered at the provider. */
  redirectUri: string;
  /** Who the provider's claims sign in (access/oidc.service.ts signInWithOidc, on the database). */
  signIn: (claims: OidcClaims, where: Omit<Actor, 'id' | 'label'>) => Promise<OidcSignInResult>;
}

export const oidcCallbackPath = '/sign-in/oidc/callback';

/** What a provider's answer may carry (RFC 6749, RFC 9207's `iss`, Entra's `session_state`). */
const callbackParameters = ['code', 'state', 'error', 'error_description', 'iss', 'session_state'];
type CallbackQuery = Partial<Record<string, string>>;
/** A provider's answer may be long (Entra's codes run to 1,500 characters), so its own limit. */
const callbackQueryLength = 8000;
const callbackQuery = Object.fromEntries(
  callbackParameters.map((name) => [name, words(callbackQueryLength)]),
);

/** What the two routes share: the settings, the provider's configuration, the refusal page. */
interface Flow {
  options: OidcSignInOptions;
  discover: () => Promise<oidc.Configuration>;
  refuse: (reply: FastifyReply, problem: OidcProblem, next?: string) => Promise<FastifyReply>;
}

export function oidcSignIn(page: Page, options: OidcSignInOptions): FastifyPluginAsync {
  const flow: Flow = {
    options,
    discover: providerConfiguration(options),
    refuse: (reply, problem, next) =>
      page.render(
        reply,
        'pages/sign-in/sign-in.njk',
        {
          email: '',
          next: localPath(next),
          csrf: reply.generateCsrf(),
          oidc: { name: options.name },
          ...oidcProblemContext(problem),
        },
        oidcProblems[problem].status,
      ),
  };
  return async (app) => {
    startRoute(app, flow);
    callbackRoute(app, flow);
  };
}

/** POST /sign-in/oidc: a new attempt kept in the session, and off to the provider. */
function startRoute(app: FastifyInstance, { options, discover, refuse }: Flow): void {
  app.post(
    '/sign-in/oidc',
    {
      schema: routeSchema({ body: { next: field(600), ...csrfField } }),
      config: { ...needs('anyone'), rateLimit: attemptLimit },
      preHandler: app.csrfProtection,
    },
    async (request: FastifyRequest<{ Body: { next?: string } }>, reply) => {
      const next = localPath(request.body?.next);
      const configuration = await discover().catch((error: unknown) => {
        request.log.warn(
          { problem: problemOf(error) },
          'the OpenID Connect provider could not be reached',
        );
      });
      if (!configuration) return refuse(reply, 'unreachable', next);
      const attempt: OidcAttempt = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
        next,
      };
      request.session.oidc = attempt;
      const to = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: options.redirectUri,
        scope: 'openid email',
        state: attempt.state,
        nonce: attempt.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
        code_challenge_method: 'S256',
      });
      return reply.redirect(to.href, 303);
    },
  );
}

/** GET /sign-in/oidc/callback: the provider's answer checked, then Lantern's own decision. */
function callbackRoute(app: FastifyInstance, flow: Flow): void {
  app.get(
    oidcCallbackPath,
    {
      schema: routeSchema({ query: callbackQuery }),
      config: { ...needs('anyone'), maxQueryLength: callbackQueryLength },
    },
    async (request: FastifyRequest<{ Querystring: CallbackQuery }>, reply) => {
      // One answer per attempt, whatever it says: a replayed callback finds nothing to match.
      const attempt = request.session.oidc;
      request.session.oidc = undefined;
      if (!attempt) return flow.refuse(reply, 'expired');
      const outcome = await exchange(flow, request, attempt);
      if (typeof outcome === 'string') return flow.refuse(reply, outcome, attempt.next);
      const result = await flow.options.signIn(outcome, from(request));
      if (!result.ok) return flow.refuse(reply, result.reason, attempt.next);
      await startSignedInSession(request, {
        userId: result.user.id,
        signedInAt: result.signedInAt,
      });
      return reply.redirect(attempt.next, 303);
    },
  );
}

/** The provider's answer to the ID token's claims, or what went wrong (logged, never shown). */
async function exchange(
  { options, discover }: Flow,
  request: FastifyRequest<{ Querystring: CallbackQuery }>,
  attempt: OidcAttempt,
): Promise<OidcClaims | OidcProblem> {
  const configuration = await discover().catch(() => undefined);
  if (!configuration) return 'unreachable';
  // The registered address with the answer's parameters: never the request's Host header.
  const current = new URL(options.redirectUri);
  const at = request.url.indexOf('?');
  current.search = at < 0 ? '' : request.url.slice(at);
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    return claims ? claimsFromIdToken(claims) : 'expired';
  } catch (error) {
    const { error: code, error_description: description } = request.query;
    request.log.warn(
      { problem: problemOf(error), providerError: code, providerErrorDescription: description },
      'signing in with the OpenID Connect provider did not work',
    );
    return error instanceof oidc.AuthorizationResponseError ? 'denied' : 'expired';
  }
}

/**
 * What went wrong, for the log: openid-client's message and code only, as its errors carry the
 * answer's parameters (the one-time code among them), and logs never hold a sign-in code.
 */
function problemOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, error: oauthError } = error as { code?: unknown; error?: unknown };
  const label = [code, oauthError].filter((v) => typeof v === 'string').join(', ');
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}${label ? ` (${label})` : ''}`;
}

/**
 * The provider's metadata and keys (discovery), fetched once per process; a failure is not kept,
 * so it is tried again at once and then at the next sign-in (a provider briefly down heals).
 */
function providerConfiguration(options: OidcSettings): () => Promise<oidc.Configuration> {
  const issuer = new URL(options.issuer);
  // http only for a provider on this machine (core/config.ts refuses any other too): development
  // and the tests, where nothing leaves the host. openid-client refuses http everywhere else.
  const onThisMachine = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  const execute = issuer.protocol === 'http:' && onThisMachine ? [oidc.allowInsecureRequests] : [];
  const once = () =>
    oidc.discovery(issuer, options.clientId, options.clientSecret, undefined, {
      execute,
      timeout: 10,
    });
  let pending: Promise<oidc.Configuration> | undefined;
  return () =>
    (pending ??= once()
      .catch(once)
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      }));
}
