import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../core/config.js';
import type { Database } from '../core/db.js';
import { apiRoutes } from './api/api.routes.js';
import { aboutPage } from './pages/about/about.routes.js';
import { allLasPage } from './pages/all-las/all-las.routes.js';
import { comparePage } from './pages/compare/compare.routes.js';
import { homePage } from './pages/home/home.routes.js';
import { laMeasurePage } from './pages/la-measure/la-measure.routes.js';
import { methodsPage } from './pages/methods/methods.routes.js';
import { neighboursPage } from './pages/neighbours/neighbours.routes.js';
import { regionPage } from './pages/region/region.routes.js';
import { scorecardPage } from './pages/scorecard/scorecard.routes.js';
import { errorPages, errorResponder } from './plugins/errors.js';
import { pageCache } from './plugins/page-cache.js';
import { recentlyViewed } from './plugins/recently-viewed.js';
import { requestGuard } from './plugins/request-guard.js';
import { securityHeaders, setRouterAnswerHeaders } from './plugins/security-headers.js';
import { staticFiles } from './plugins/static-files.js';
import { warmUp, type WarmUpOptions } from './plugins/warm-up.js';
import { renderTemplate, type Page } from './render.js';
import { pathOf } from './url.js';
import { createServices, type SiteStatus } from './services/services.js';
import { safeJson } from './json.js';
import { requireParameterSchemas, type DeclaredRoute } from './route-schemas.js';

export interface AppDeps {
  db: Database;
  config: Pick<Config, 'organisationName' | 'production'> &
    Partial<Pick<Config, 'organisationLogo' | 'warmPaths'>>;
  /** A pino logger; omit for none. */
  logger?: FastifyBaseLogger;
  /** Background warm-up after each data version change (plugins/warm-up.ts); tests tune it. */
  warm?: Omit<WarmUpOptions, 'version'>;
}

/** Every page: a folder under pages/ whose routes module exports `(page) => plugin`. */
const pages = [
  homePage,
  scorecardPage,
  laMeasurePage,
  neighboursPage,
  regionPage,
  allLasPage,
  comparePage,
  methodsPage,
  aboutPage,
];

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const services = createServices(deps.db);
  const page = createPage(services, deps.config);
  const errors = { page, production: deps.config.production };
  const sendError = errorResponder(errors);
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    // Two log lines per page view drown what matters on an analyst's terminal; errors are
    // always logged, and LOG_LEVEL=debug brings the request lines back.
    logController: new LogController({
      disableRequestLogging: !['debug', 'trace'].includes(deps.logger?.level ?? 'info'),
    }),
    // A path the router cannot decode (%E0) or a too-long segment: our 400, not Fastify's JSON.
    // Segments up to 1,000 characters reach the route schemas, which allow 200 and say so.
    frameworkErrors: (error, request, reply) =>
      void sendError(error, request, setRouterAnswerHeaders(reply)),
    routerOptions: { maxParamLength: 1000 },
  });
  app.setReplySerializer(safeJson);
  await app.register(errorPages, errors);
  // Headers first: a request the guard refuses still gets them.
  await app.register(securityHeaders);
  await app.register(requestGuard);
  await app.register(staticFiles, { organisationLogo: deps.config.organisationLogo });
  await app.register(pageCache, { version: services.cache.version });
  await app.register(recentlyViewed);
  // Every page and API route declares its parameters (route-schemas.ts); none can be forgotten.
  // The table of them is kept for tests that try every parameter (test/web/request-fuzz).
  const routes: DeclaredRoute[] = [];
  app.decorate('lanternRoutes', routes);
  app.addHook('onRoute', (route) => {
    requireParameterSchemas(route);
    routes.push(route);
  });
  for (const routes of pages) await app.register(routes(page));
  await app.register(apiRoutes(services), { prefix: '/api/v1' });
  await app.register(warmUp, {
    version: services.cache.version,
    paths: deps.config.warmPaths ?? [],
    onWarmed: (path, statusCode, ms) =>
      app.log.debug({ path, statusCode, ms: Math.round(ms) }, 'warmed'),
    ...deps.warm,
  });
  return app;
}

function createPage(services: Page['services'], config: AppDeps['config']): Page {
  const siteStatus = async (): Promise<SiteStatus> =>
    services.site.status().catch(() => ({ demo: false, releases: [] }));
  return {
    services,
    async render(reply, view, context = {}, statusCode = 200) {
      const frame = context.frame as { pageTitle?: string } | undefined;
      const title = (context.pageTitle as string | undefined) ?? frame?.pageTitle;
      if (title !== undefined) reply.request.lanternPageTitle = title;
      const html = renderTemplate(view, {
        organisationName: config.organisationName,
        organisationLogo: Boolean(config.organisationLogo),
        site: await siteStatus(),
        currentPath: pathOf(reply.request.url),
        ...context,
      });
      return reply.code(statusCode).type('text/html; charset=utf-8').send(html);
    },
  };
}
