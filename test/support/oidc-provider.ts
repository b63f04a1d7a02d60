/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, for the sign-in tests, and a
 * small browser to walk through it: one client (code flow, PKCE required, client_secret_post),
 * a few accounts whose e-mail a test may change, and an interaction that signs in whichever
 * account the test names next, with no login form.
 *
 * It serves plain http. The app accepts an http issuer only on this machine (core/config.ts)
 * and only then tells openid-client to allow it (allowInsecureRequests, oidc.routes.ts): tests
 * and development, never a real provider.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';

/** What the provider says about an account: its e-mail address, and whether it vouches for it. */
export interface TestAccount {
  email?: string;
  email_verified?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** By subject (the account id); change one to change what the next sign-in says. */
  accounts: Map<string, TestAccount>;
  /** Who the next sign-in at the provider is, or 'cancel': the person gives up there. */
  signInAs(subject: string | 'cancel'): void;
  close(): Promise<void>;
}

// oidc-provider ships no types (they are on DefinitelyTyped, not installed): only what is used.
interface Interaction {
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: { client_id: string };
  session?: { accountId: string };
  grantId?: string;
}
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}
interface Provider {
  callback(): http.RequestListener;
  interactionDetails(req: http.IncomingMessage, res: http.ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    result: Record<string, unknown>,
    options: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
  Grant: {
    new (init: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant>;
  };
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => Provider;

/** A port free on 127.0.0.1 just now (the app must know its address before it listens). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startTestProvider(
  redirectUri: string,
  accounts: Record<string, TestAccount>,
): Promise<TestProvider> {
  const moduleName = 'oidc-provider';
  const { default: OidcProvider } = (await import(moduleName)) as { default: ProviderClass };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  const [clientId, clientSecret] = ['lantern', randomBytes(24).toString('base64url')];
  const store = new Map(Object.entries(accounts));
  let next: string = 'cancel';
  const provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // The e-mail claims in the ID token, as Entra ID sends them, not only from userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, sub: string) =>
      store.has(sub) ? { accountId: sub, claims: () => ({ sub, ...store.get(sub) }) } : undefined,
    // Lifetimes in seconds, set so the provider does not warn of its defaults.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: {
      keys: [
        generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
      ],
    },
  });
  const handle = provider.callback();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    interact(provider, req, res, next).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    accounts: store,
    signInAs: (subject) => void (next = subject),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The provider's login and consent, answered at once: `who` signs in and allows what is asked. */
async function interact(
  provider: Provider,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  who: string,
): Promise<void> {
  const { prompt, params, session, grantId } = await provider.interactionDetails(req, res);
  if (prompt.name === 'login') {
    const result =
      who === 'cancel'
        ? { error: 'access_denied', error_description: 'The person cancelled signing in.' }
        : { login: { accountId: who } };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session!.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope)
    grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  const result = { consent: { grantId: await grant.save() } };
  return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
}

/** A page as the browser ended on it, or (with `stopBefore`) the address it was about to open. */
export interface Visit {
  status: number;
  url: string;
  body: string;
  /** Set when `stopBefore` stopped the walk: where the last redirect pointed. */
  stoppedAt?: URL;
}

export interface Browser {
  get(url: string, options?: WalkOptions): Promise<Visit>;
  post(url: string, fields: Record<string, string>, options?: WalkOptions): Promise<Visit>;
}

interface WalkOptions {
  stopBefore?: (url: URL) => boolean;
}

/**
 * A browser without a screen: fetch with redirects followed by hand (GET after each, as a
 * browser does after 302 and 303) and cookies kept per host (paths and expiry are ignored
 * beyond deletion: each test has its own browser).
 */
export function browser(): Browser {
  const jars = new Map<string, Map<string, string>>();
  const jar = (url: URL) => jars.get(url.host) ?? jars.set(url.host, new Map()).get(url.host)!;
  const keep = (url: URL, response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      const gone =
        value === '' ||
        attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) ||
        attributes.some(
          (a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) <= Date.now(),
        );
      if (gone) jar(url).delete(name);
      else jar(url).set(name, value);
    }
  };
  const walk = async (start: URL, init: RequestInit, options: WalkOptions = {}): Promise<Visit> => {
    let [url, request] = [start, init];
    for (let hop = 0; hop < 20; hop++) {
      const cookie = [...jar(url)].map(([k, v]) => `${k}=${v}`).join('; ');
      const headers = new Headers(request.headers);
      if (cookie) headers.set('cookie', cookie);
      const response = await fetch(url, { ...request, headers, redirect: 'manual' });
      keep(url, response);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location)
        return { status: response.status, url: url.href, body: await response.text() };
      await response.arrayBuffer();
      const to = new URL(location, url);
      if (options.stopBefore?.(to))
        return { status: response.status, url: url.href, body: '', stoppedAt: to };
      [url, request] = [to, { method: 'GET' }];
    }
    throw new Error(`more than 20 redirects from ${start.href}`);
  };
  return {
    get: (url, options) => walk(new URL(url), { method: 'GET' }, options),
    post: (url, fields, options) =>
      walk(
        new URL(url),
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
        },
        options,
      ),
  };
}
