import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LanternError, lanternError, type ErrorCode } from '../../core/errors.js';
import { safeJson } from '../json.js';
import type { Page } from '../render.js';
import { addressHint, maxTextLength, parameterError } from '../route-schemas.js';
import { badEscapeError } from './request-guard.js';
import { suggestionLinks } from './suggestion-links.js';
import { localPath } from '../forms.js';

const notFoundCodes: ErrorCode[] = [
  'LANTERN_AREA_NOT_FOUND',
  'LANTERN_MEASURE_NOT_FOUND',
  'LANTERN_YEAR_NOT_FOUND',
  'LANTERN_NO_DATA',
  'LANTERN_USER_NOT_FOUND',
  'LANTERN_STRATEGY_NOT_FOUND',
];

type AnyError = Error & { statusCode?: number; code?: string };

/**
 * The HTTP status for an error: 401 to sign in, 403 not allowed, 404 for what does not exist,
 * 400 for other Lantern errors.
 */
export function statusFor(error: AnyError): number {
  if (error instanceof LanternError) {
    if (error.code === 'LANTERN_SIGN_IN_NEEDED') return 401;
    if (error.code === 'LANTERN_FORBIDDEN' || error.code === 'LANTERN_FORM_EXPIRED') return 403;
    if (error.code === 'LANTERN_TOO_MANY_ATTEMPTS') return 429;
    return notFoundCodes.includes(error.code) ? 404 : 400;
  }
  return error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500
    ? error.statusCode
    : 500;
}

/** Fastify's own 400s (a parameter its schema refuses, a path it cannot decode) in our words. */
function asLanternError(error: AnyError): AnyError {
  if ((error as FastifyError).validation) return parameterError(error as FastifyError);
  if (error.code === 'FST_ERR_BAD_URL') return badEscapeError();
  if (error.code === 'FST_CSRF_MISSING_SECRET' || error.code === 'FST_CSRF_INVALID_TOKEN') {
    return lanternError(
      'LANTERN_FORM_EXPIRED',
      'This form has expired, or was sent from another site, so it was not used.',
      { hint: 'Go back, reload the page and send the form again.' },
    );
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return lanternError('LANTERN_USAGE', 'A part of the address is too long.', {
      hint: `${addressHint} Codes and names are at most ${maxTextLength} characters.`,
    });
  }
  return error;
}

export interface ErrorPagesOptions {
  page: Page;
  /** Production hides messages of 500s; only development shows a 500's stack, and only on the page. */
  production: boolean;
}

const sorry = 'Sorry, there is a problem with the service.';

/** The message a person sees: ours, or in production only the status's name for anything else. */
function messageFor(error: AnyError, status: number, production: boolean): string {
  if (error instanceof LanternError) return error.message;
  if (status >= 500) return production ? sorry : error.message;
  return production ? (STATUS_CODES[status] ?? 'Bad request') : error.message;
}

function apiCode(error: AnyError, status: number): string {
  if (status >= 500) return 'INTERNAL';
  if (error instanceof LanternError) return error.code;
  return status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
}

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');

function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(safeJson(body));
}

/**
 * Answers an error: a page for people, JSON `{ error: { code, message } }` under /api/. Never a
 * stack or a file path, except a 500's stack on the page in development.
 */
export function errorResponder({ page, production }: ErrorPagesOptions) {
  return async (raw: AnyError, request: FastifyRequest, reply: FastifyReply) => {
    const error = asLanternError(raw);
    const status = statusFor(error);
    if (status >= 500) request.log.error({ err: raw }, 'request failed');
    const message = messageFor(error, status, production);
    const notFound = error instanceof LanternError ? error.notFound : undefined;
    const suggestions = notFound ? suggestionLinks(request.url, notFound) : undefined;
    if (isApi(request)) {
      const code = apiCode(error, status);
      return sendJson(reply, status, {
        error: { code, message, ...(suggestions ? { suggestions } : {}) },
      });
    }
    if (status === 404) {
      const context = { message, notFound, suggestions };
      return page.render(reply, 'pages/errors/not-found.njk', context, 404);
    }
    if (status === 401 || (status === 403 && error.code === 'LANTERN_FORBIDDEN')) {
      // Back to this address after signing in (a GET: a form's POST cannot be replayed).
      const next = request.method === 'GET' ? localPath(request.url, '/') : '/';
      return page.render(reply, 'pages/errors/access.njk', { status, message, next }, status);
    }
    const hint = status < 500 && error instanceof LanternError ? error.hint : undefined;
    const stack = status >= 500 && !production ? error.stack : undefined;
    return page.render(reply, 'pages/errors/error.njk', { status, message, stack, hint }, status);
  };
}

/** Not-found and error answers for every route. */
export const errorPages = fp<ErrorPagesOptions>(
  async (app, options) => {
    const sendError = errorResponder(options);
    app.setNotFoundHandler(async (request, reply) => {
      if (isApi(request))
        return sendJson(reply, 404, {
          error: {
            code: 'NOT_FOUND',
            message: 'No such API path. /api/v1/openapi.json lists every path and its parameters.',
          },
        });
      return options.page.render(reply, 'pages/errors/not-found.njk', {}, 404);
    });
    app.setErrorHandler(sendError);
  },
  { name: 'lantern-error-pages' },
);
