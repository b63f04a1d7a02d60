import helmet from '@fastify/helmet';
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { govukInlineScriptHash } from './csp.js';

/**
 * The whole Content Security Policy (helmet's defaults off, so what is written here is all of
 * it). Scripts are allowed by hash, not a per-response nonce, so a cached page stays
 * byte-identical for its URL (page-cache.ts, ADR 0006).
 */
const directives: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'", govukInlineScriptHash()],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  // No upgrade-insecure-requests: served over plain HTTP on a laptop; put TLS in front in production.
};

/** Security headers on every response that goes through the app's hooks. */
export const securityHeaders = fp(
  async (app) => {
    await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives } });
  },
  { name: 'lantern-security-headers' },
);

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The same policy, and the headers that matter most, for an answer no hook sees: an address the
 * router cannot decode, answered from app.ts `frameworkErrors` (test/web/hostile-input checks
 * they match a page's).
 */
export function setRouterAnswerHeaders(reply: FastifyReply): FastifyReply {
  const csp = Object.entries(directives).map(
    ([name, values]) => `${kebab(name)} ${values.join(' ')}`,
  );
  return reply.headers({
    'content-security-policy': csp.join(';'),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });
}
