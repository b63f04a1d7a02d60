import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
} from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.js';
import type { Database } from '../core/db.js';
import { LanternError, lanternError, type ErrorCode } from '../core/errors.js';
import { apiRoutes } from './routes/api.routes.js';
import { homeRoutes } from './routes/home.routes.js';
import { laRoutes } from './routes/la.routes.js';
import { laMeasureRoutes } from './routes/la-measure.routes.js';
import { methodsRoutes } from './routes/methods.routes.js';
import { aboutRoutes } from './routes/about.routes.js';
import { allLasRoutes } from './routes/all-las.routes.js';
import { neighboursRoutes } from './routes/neighbours.routes.js';
import { regionRoutes } from './routes/region.routes.js';
import { compareRoutes } from './routes/compare.routes.js';
import { findApiRoutes } from './routes/find-api.routes.js';
import { recentlyViewed } from './recently-viewed.js';
import { govukFrontendDist, publicDir } from './paths.js';
import { createServices, type Services, type SiteStatus } from './services.js';
import { createViews } from './views.js';
import { govukInlineScriptHash } from './csp.js';
import { pageCache } from './page-cache.js';

export interface AppDeps {
  db: Database;
  config: Pick<Config, 'organisationName' | 'production'> &
    Partial<Pick<Config, 'organisationLogo'>>;
  /** A pino logger; omit for none. */
  logger?: FastifyBaseLogger;
}

export interface Page {
  services: Services;
  /** Renders a page with the layout's shared data (organisation, demo banner, releases). */
  render(
    reply: FastifyReply,
    view: string,
    context?: Record<string, unknown>,
    statusCode?: number,
  ): Promise<FastifyReply>;
  /** Renders a partial to HTML (no layout), e.g. to cache a big table's markup per data version. */
  renderFragment(view: string, context: Record<string, unknown>): string;
}

const notFoundCodes: ErrorCode[] = [
  'LANTERN_AREA_NOT_FOUND',
  'LANTERN_MEASURE_NOT_FOUND',
  'LANTERN_YEAR_NOT_FOUND',
  'LANTERN_NO_DATA',
];

export function statusFor(error: Error & { statusCode?: number }): number {
  if (error instanceof LanternError) return notFoundCodes.includes(error.code) ? 404 : 400;
  return error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500
    ? error.statusCode
    : 500;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    // Two log lines per page view drown what matters on an analyst's terminal; errors are
    // always logged, and LOG_LEVEL=debug brings the request lines back.
    logController: new LogController({
      disableRequestLogging: !['debug', 'trace'].includes(deps.logger?.level ?? 'info'),
    }),
  });
  const services = createServices(deps.db);
  const views = createViews(deps.config);

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
  await app.register(fastifyStatic, {
    root: path.join(govukFrontendDist, 'govuk'),
    prefix: '/govuk/',
    index: false,
  });
  await app.register(fastifyStatic, {
    root: path.join(govukFrontendDist, 'govuk', 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
  });
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/public/',
    decorateReply: false,
    index: false,
  });

  const logo = deps.config.organisationLogo ? readLogo(deps.config.organisationLogo) : undefined;
  if (logo) {
    app.get('/organisation-logo', async (_request, reply) =>
      reply.type(logo.type).header('cache-control', 'public, max-age=3600').send(logo.bytes),
    );
  }

  const siteStatus = async (): Promise<SiteStatus> =>
    services.site.status().catch(() => ({ demo: false, releases: [] }));
  const page: Page = {
    services,
    async render(reply, view, context = {}, statusCode = 200) {
      const html = views.render(view, {
        organisationName: deps.config.organisationName,
        organisationLogo: logo !== undefined,
        site: await siteStatus(),
        currentPath: reply.request.url.split('?')[0],
        ...context,
      });
      return reply.code(statusCode).type('text/html; charset=utf-8').send(html);
    },
    renderFragment: (view, context) => views.render(view, context),
  };

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/'))
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such API path.' } });
    return page.render(reply, 'pages/not-found.njk', {}, 404);
  });

  app.setErrorHandler(
    async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
      const status = statusFor(error);
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      const hide = status >= 500 && deps.config.production;
      const message = hide ? 'Sorry, there is a problem with the service.' : error.message;
      const stack = deps.config.production ? undefined : error.stack;
      if (request.url.startsWith('/api/')) {
        return reply.code(status).send({
          error: {
            code: status >= 500 ? 'INTERNAL' : (error.code ?? 'BAD_REQUEST'),
            message,
            ...(stack ? { stack } : {}),
          },
        });
      }
      if (status === 404) return page.render(reply, 'pages/not-found.njk', { message }, 404);
      return page.render(reply, 'pages/error.njk', { status, message, stack }, status);
    },
  );

  await app.register(pageCache({ version: services.cache.version }));
  await app.register(recentlyViewed);
  await app.register(homeRoutes(page));
  await app.register(laRoutes(page));
  await app.register(laMeasureRoutes(page));
  await app.register(methodsRoutes(page));
  await app.register(aboutRoutes(page));
  await app.register(neighboursRoutes(page));
  await app.register(regionRoutes(page));
  await app.register(allLasRoutes(page));
  await app.register(apiRoutes(services), { prefix: '/api/v1' });
  await app.register(compareRoutes(page));
  await app.register(findApiRoutes(services), { prefix: '/api/v1' });
  return app;
}

const logoTypes: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** The organisation's logo, read once at start-up; a missing file stops the app with a clear message. */
function readLogo(file: string): { bytes: Buffer; type: string } {
  if (!fs.existsSync(file)) {
    throw lanternError('LANTERN_CONFIG_INVALID', `LANTERN_ORGANISATION_LOGO: no file at ${file}.`, {
      hint: 'Give the path of an .svg, .png or .jpg file, or leave LANTERN_ORGANISATION_LOGO unset.',
    });
  }
  return {
    bytes: fs.readFileSync(file),
    type: logoTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
  };
}
