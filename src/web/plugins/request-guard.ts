import fp from 'fastify-plugin';
import { lanternError } from '../../core/errors.js';
import { addressHint, maxQueryLength } from '../route-schemas.js';

/**
 * What the route schemas cannot see, checked on every request before anything else: the query
 * string's length, and its %-escapes (Fastify's parser keeps a malformed one, such as `%E0`, as
 * text; the path's are refused by the router: app.ts frameworkErrors). Both are a 400.
 */
export const requestGuard = fp(
  async (app) => {
    // CONNECT (a proxy tunnel) never reaches Fastify: Node hands it to 'connect' listeners and,
    // without one, drops the connection with no answer. Lantern is no proxy: say so.
    app.server.on('connect', (_request, socket: import('node:stream').Duplex) => {
      socket.end(
        'HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
      );
    });
    app.addHook('onRequest', async (request) => {
      const at = request.url.indexOf('?');
      if (at < 0) return;
      const query = request.url.slice(at + 1);
      // A route may allow more (an identity provider's answer); every other has the one limit.
      const limit = request.routeOptions.config?.maxQueryLength ?? maxQueryLength;
      if (query.length > limit) {
        throw lanternError(
          'LANTERN_USAGE',
          `The address's query (after "?") is too long: at most ${limit} characters.`,
          { hint: addressHint },
        );
      }
      if (!wellEscaped(query)) throw badEscapeError();
    });
  },
  { name: 'lantern-request-guard' },
);

/** Whether every %-escape in `text` is well formed UTF-8 (split on & and = changes nothing). */
function wellEscaped(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

export function badEscapeError() {
  return lanternError(
    'LANTERN_USAGE',
    'The address has a "%" that does not start a valid escape (such as %20 for a space).',
    { hint: addressHint },
  );
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The longest query (after "?") the route takes, if not `maxQueryLength`. */
    maxQueryLength?: number;
  }
}
