/**
 * The one schema layer for every route's parameters (ADR 0009): JSON Schemas that Fastify checks
 * (with ajv) before a handler runs, so no lookup, cache or SQL query ever sees a control
 * character (PostgreSQL refuses NUL), an over-long value or a name every JavaScript object has
 * (`constructor`, `__proto__`), and undeclared query parameters are dropped (`?utm=x` changes
 * nothing). A value that is well formed but not offered (an unknown year, set or sort) passes
 * here and gets the page's "choose one of" answer (pages/bad-choice).
 */
import type { FastifyError, RouteOptions } from 'fastify';
import { lanternError, type LanternError } from '../core/errors.js';
import { prototypeKeys } from '../measures/measure-code.js';

/** At most this many characters in a code, a name, a choice or search words. */
export const maxTextLength = 200;
/** At most this many characters after the `?` (src/web/plugins/request-guard.ts). */
export const maxQueryLength = 2000;
/** A repeatable query parameter (`?la=933&la=343`) at most this many times. */
export const maxRepeats = 200;

/**
 * Names every object has (`constructor`, `__proto__`...): never a code or a choice. The same list
 * as the measure-code rule's (src/measures/measure-code.ts), so no import can make a measure whose
 * address this layer refuses.
 */

export type Schema = Record<string, unknown>;

/** No C0 or C1 control character (NUL, tab, newline, DEL…): none belongs in an address value. */
const printable = '^[^\\u0000-\\u001F\\u007F-\\u009F]*$';

/** Words typed into a search box (any words, "constructor" too: they are matched, not looked up). */
export const words = (maxLength = maxTextLength): Schema => ({
  type: 'string',
  maxLength,
  pattern: printable,
});

/** What is looked up: an LA or measure code or name, a year label, a topic, a choice. */
export const key: Schema = { ...words(), not: { enum: [...prototypeKeys] } };

/** A repeatable key (`?measure=A&measure=B`); one value is read as a list of one. */
export const keys: Schema = { type: 'array', maxItems: maxRepeats, items: key };

/** The download parameters every page with tables takes (tables/download.ts). */
export const downloadQuery = { download: key, table: key };

/**
 * A route's `schema`: its path parameters (each required) and its query parameters (each
 * optional; any other is dropped by ajv's removeAdditional). The order of `query` is the order
 * of the page's canonical URL (url.ts canonicalUrl), which is also its page-cache key.
 */
export function routeSchema(parts: {
  params?: Record<string, Schema>;
  query?: Record<string, Schema>;
  /** A form's fields (POST): each optional, others dropped; the page checks what they mean. */
  body?: Record<string, Schema>;
}): {
  params?: Schema;
  querystring: Schema;
  body?: Schema;
} {
  const params = parts.params;
  return {
    ...(parts.body
      ? { body: { type: 'object', properties: parts.body, additionalProperties: false } }
      : {}),
    ...(params
      ? {
          params: {
            type: 'object',
            properties: params,
            required: Object.keys(params),
            additionalProperties: false,
          },
        }
      : {}),
    querystring: { type: 'object', properties: parts.query ?? {}, additionalProperties: false },
  };
}

type Validation = NonNullable<FastifyError['validation']>[number];

function problem(v: Validation, part: string | undefined): string {
  const name = v.instancePath.split('/')[1] || 'a value';
  const subject =
    part === 'params'
      ? `The ${name} in the address`
      : part === 'body'
        ? `The form's “${name}”`
        : `The address's “${name}”`;
  const limit = (v.params as { limit?: number }).limit;
  switch (v.keyword) {
    case 'maxLength':
      return `${subject} is too long: at most ${limit} characters.`;
    case 'pattern':
      return `${subject} holds a control character (such as NUL or a line break), which no address value may have.`;
    case 'not':
      return `${subject} is not a code, name or choice Lantern can look up.`;
    case 'maxItems':
      return `${subject} is given too many times: at most ${limit}.`;
    case 'type':
      return `${subject} is given more than once; give it once.`;
    default:
      return `${subject} is not valid.`;
  }
}

export const addressHint =
  'Check the address: it may have been cut short or changed when it was copied. Or start again from the home page.';

/** A Fastify validation error (FST_ERR_VALIDATION) as Lantern's 400, in words for people. */
export function parameterError(error: FastifyError): LanternError {
  const first = error.validation?.[0];
  const message = first ? problem(first, error.validationContext) : 'The address is not valid.';
  return lanternError('LANTERN_USAGE', message, { hint: addressHint });
}

/** A page or API route as registered, with the schema of its parameters. */
export type DeclaredRoute = Pick<RouteOptions, 'method' | 'url' | 'schema' | 'config'>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Every page and API route with its parameter schemas (app.ts), for tests. */
    lanternRoutes: DeclaredRoute[];
  }
}

/**
 * An onRoute hook (app.ts): a route without a querystring schema, or without a schema for each
 * of its path parameters, stops the app at start-up naming the route.
 */
export function requireParameterSchemas(route: RouteOptions): void {
  const schema = route.schema as { params?: Schema; querystring?: Schema } | undefined;
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const declared = Object.keys((schema?.params?.properties as Schema | undefined) ?? {});
  const missing = names.filter((n) => !declared.includes(n));
  if (!schema?.querystring || missing.length) {
    throw new Error(
      `${String(route.method)} ${route.url} must declare its parameters: schema: routeSchema({ params, query }) from src/web/route-schemas.ts${missing.length ? ` (missing ${missing.join(', ')})` : ''}.`,
    );
  }
}
