import path from 'node:path';
import { z } from 'zod';

/** Everything Lantern reads from the environment, read once and checked at start-up. */
/** LANTERN_CACHE_MB's default. */
export const defaultCacheMb = 160;

/**
 * How the caches share LANTERN_CACHE_MB: three quarters whole answers (pages, API answers,
 * downloads: what visitors get), a quarter the data they are made from (first views, downloads).
 */
export function cacheBudget(cacheMb = defaultCacheMb): { pageBytes: number; dataBytes: number } {
  const bytes = cacheMb * 2 ** 20;
  const pageBytes = Math.floor(bytes * 0.75);
  return { pageBytes, dataBytes: bytes - pageBytes };
}

const configSchema = z.object({
  LANTERN_DATA_DIR: z.string().min(1).default('./.lantern'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LANTERN_ORGANISATION_NAME: z.string().default('Lantern'),
  LANTERN_ORGANISATION_LOGO: z
    .string()
    .regex(/\.(svg|png|jpe?g)$/i, 'must be an .svg, .png or .jpg file')
    .optional(),
  LANTERN_WARM_PATHS: z
    .string()
    .regex(/^\s*\/[^,]*(,\s*\/[^,]*)*$/, 'must be paths starting with /, separated by commas')
    .optional(),
  LANTERN_CACHE_MB: z.coerce.number().int().min(1).max(1_000_000).default(defaultCacheMb),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Production unless development is asked for by name: an unset NODE_ENV (npm start) must
  // never show a stack trace to a visitor.
  LANTERN_ENV: z.enum(['production', 'development']).default('production'),
  // "signed-in" is understood by the app (and its tests), but refused here until people can
  // sign in on the web: set now, it would lock everyone out of every page.
  LANTERN_PUBLIC_ACCESS: z.enum(['open', 'signed-in']).default('open'),
  LANTERN_SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)')
    .optional(),
  LANTERN_SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^\s]+$/,
      'must be an smtp:// or smtps:// address, e.g. smtp://user:password@mail.example.org:587',
    )
    .optional(),
  LANTERN_MAIL_FROM: z.string().default('Lantern <lantern@localhost>'),
  // How many proxies stand in front (1 for one TLS proxy). A count, not "trust everything":
  // with `true` the client's own X-Forwarded-For would name its address (rate limits, audit).
  LANTERN_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, 'must be the number of proxies in front (0, 1, 2…)')
    .default('0')
    .transform((v) => (v === 'false' ? 0 : v === 'true' ? 1 : Number(v))),
  LANTERN_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/, 'must be an http:// or https:// address')
    .optional(),
  LANTERN_OIDC_ISSUER: z
    .string()
    .refine(
      isIssuer,
      'must be an https:// address without ? or # (http:// only for 127.0.0.1 or localhost), e.g. https://login.microsoftonline.com/<tenant id>/v2.0',
    )
    .optional(),
  LANTERN_OIDC_CLIENT_ID: z.string().max(500).optional(),
  LANTERN_OIDC_CLIENT_SECRET: z.string().max(2000).optional(),
  LANTERN_OIDC_NAME: z.string().max(100).default("your organisation's account"),
});

const oidcVariables = [
  'LANTERN_OIDC_ISSUER',
  'LANTERN_OIDC_CLIENT_ID',
  'LANTERN_OIDC_CLIENT_SECRET',
] as const;

/**
 * An OpenID Connect issuer: https, or plain http on this machine only (a provider run for
 * development or the tests), where the traffic never leaves the host.
 */
function isIssuer(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.search || url.hash || text.includes('#') || url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Signing in with OpenID Connect needs all three of issuer, client id and secret, or none. */
function oidcProblems(env: Record<string, unknown>): string[] {
  const missing = oidcVariables.filter((name) => env[name] === undefined);
  if (missing.length === 0 || missing.length === oidcVariables.length) return [];
  return [
    `  ${missing.join(', ')}: missing; signing in with your organisation's account needs ${oidcVariables.join(', ')} together (or none of them)`,
  ];
}

export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  port: number;
  host: string;
  organisationName: string;
  /** Path of the organisation's logo (SVG, PNG or JPEG) shown in the page header. */
  organisationLogo?: string | undefined;
  /** Pages made in the background at start-up and after each import (web/plugins/warm-up.ts). */
  warmPaths: string[];
  /** Megabytes the web server's two caches hold at most in all (cacheBudget). */
  cacheMb: number;
  logLevel: string;
  /** False only with LANTERN_ENV=development (or `lantern serve --dev`): 500 pages show the stack. */
  production: boolean;
  /** Whether the published statistics need signing in (LANTERN_PUBLIC_ACCESS). */
  publicAccess: 'open' | 'signed-in';
  /** Where people reach the app (links in invitations): LANTERN_BASE_URL, or http://HOST:PORT. */
  baseUrl: string;
  /** Signs session cookies (LANTERN_SESSION_SECRET); unset, one is made and kept in the database. */
  sessionSecret?: string | undefined;
  /** The SMTP server invitations and password resets are sent through (LANTERN_SMTP_URL); none: none sent. */
  smtpUrl?: string | undefined;
  /** The From of Lantern's e-mail (LANTERN_MAIL_FROM). */
  mailFrom: string;
  /** Proxies in front that end TLS, 0 for none: X-Forwarded-For and -Proto read that many hops. */
  trustProxy: number;
  /** Signing in with the council's identity provider (LANTERN_OIDC_*); unset, passwords only. */
  oidc?: OidcSettings | undefined;
}

export interface OidcSettings {
  /** The provider's issuer identifier, e.g. https://login.microsoftonline.com/<tenant id>/v2.0. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The sign-in button says "Sign in with <name>". */
  name: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL=) means "not set", as in most tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = configSchema.safeParse(present);
  const oidcLines = oidcProblems(present);
  if (!parsed.success || oidcLines.length) {
    const issues = parsed.success ? [] : parsed.error.issues;
    const lines = [...issues.map((i) => `  ${i.path.join('.')}: ${i.message}`), ...oidcLines];
    throw new Error(`Lantern's settings are not valid:\n${lines.join('\n')}\nSee .env.example.`);
  }
  const e = parsed.data;
  return {
    dataDir: path.resolve(e.LANTERN_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    organisationName: e.LANTERN_ORGANISATION_NAME,
    organisationLogo: e.LANTERN_ORGANISATION_LOGO
      ? path.resolve(e.LANTERN_ORGANISATION_LOGO)
      : undefined,
    warmPaths: (e.LANTERN_WARM_PATHS ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    cacheMb: e.LANTERN_CACHE_MB,
    logLevel: e.LOG_LEVEL,
    production: e.LANTERN_ENV !== 'development',
    publicAccess: e.LANTERN_PUBLIC_ACCESS,
    baseUrl: (e.LANTERN_BASE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    sessionSecret: e.LANTERN_SESSION_SECRET,
    trustProxy: e.LANTERN_TRUST_PROXY,
    smtpUrl: e.LANTERN_SMTP_URL,
    mailFrom: e.LANTERN_MAIL_FROM,
    oidc: oidcSettings(e),
  };
}

function oidcSettings(e: z.infer<typeof configSchema>): OidcSettings | undefined {
  if (!e.LANTERN_OIDC_ISSUER || !e.LANTERN_OIDC_CLIENT_ID || !e.LANTERN_OIDC_CLIENT_SECRET)
    return undefined;
  return {
    issuer: e.LANTERN_OIDC_ISSUER,
    clientId: e.LANTERN_OIDC_CLIENT_ID,
    clientSecret: e.LANTERN_OIDC_CLIENT_SECRET,
    name: e.LANTERN_OIDC_NAME,
  };
}
