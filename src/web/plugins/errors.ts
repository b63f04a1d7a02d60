import fp from 'fastify-plugin';
import { LanternError, type ErrorCode } from '../../core/errors.js';
import type { Page } from '../render.js';
import { suggestionLinks } from './suggestion-links.js';

const notFoundCodes: ErrorCode[] = [
  'LANTERN_AREA_NOT_FOUND',
  'LANTERN_MEASURE_NOT_FOUND',
  'LANTERN_YEAR_NOT_FOUND',
  'LANTERN_NO_DATA',
];

/** The HTTP status for an error: 404 for what does not exist, 400 for other Lantern errors. */
export function statusFor(error: Error & { statusCode?: number }): number {
  if (error instanceof LanternError) return notFoundCodes.includes(error.code) ? 404 : 400;
  return error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500
    ? error.statusCode
    : 500;
}

export interface ErrorPagesOptions {
  page: Page;
  /** Production hides messages of 500s and every stack. */
  production: boolean;
}

/** Not-found and error answers: a page for people, JSON under /api/. */
export const errorPages = fp<ErrorPagesOptions>(
  async (app, { page, production }) => {
    app.setNotFoundHandler(async (request, reply) => {
      if (request.url.startsWith('/api/'))
        return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such API path.' } });
      return page.render(reply, 'pages/errors/not-found.njk', {}, 404);
    });

    app.setErrorHandler(
      async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
        const status = statusFor(error);
        if (status >= 500) request.log.error({ err: error }, 'request failed');
        const hide = status >= 500 && production;
        const message = hide ? 'Sorry, there is a problem with the service.' : error.message;
        const stack = production ? undefined : error.stack;
        const notFound = error instanceof LanternError ? error.notFound : undefined;
        const suggestions = notFound ? suggestionLinks(request.url, notFound) : undefined;
        if (request.url.startsWith('/api/')) {
          return reply.code(status).send({
            error: {
              code: status >= 500 ? 'INTERNAL' : (error.code ?? 'BAD_REQUEST'),
              message,
              ...(suggestions ? { suggestions } : {}),
              ...(stack ? { stack } : {}),
            },
          });
        }
        if (status === 404) {
          const context = { message, notFound, suggestions };
          return page.render(reply, 'pages/errors/not-found.njk', context, 404);
        }
        const hint = status < 500 && error instanceof LanternError ? error.hint : undefined;
        return page.render(
          reply,
          'pages/errors/error.njk',
          { status, message, stack, hint },
          status,
        );
      },
    );
  },
  { name: 'lantern-error-pages' },
);
