import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import { govukInlineScriptHash } from './csp.js';

/**
 * Security headers on every response. Scripts are allowed by hash, not a per-response nonce,
 * so a cached page stays byte-identical for its URL (page-cache.ts, ADR 0006).
 */
export const securityHeaders = fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", govukInlineScriptHash()],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          // Served over plain HTTP on a laptop; put TLS in front in production.
          upgradeInsecureRequests: null,
        },
      },
    });
  },
  { name: 'lantern-security-headers' },
);
