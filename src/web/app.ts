import compress from '@fastify/compress';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import { cacheBudget, type Config } from '../core/config.js';
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
import { signInPage } from './pages/sign-in/sign-in.routes.js';
import { oidcCallbackPath, oidcSignIn } from './pages/sign-in/oidc.routes.js';
import { accountPage } from './pages/account/account.routes.js';
import { sessions, sessionViewer } from './plugins/sessions.js';
import { sessionSigningKey } from '../access/sessions.service.js';
import { createMailer } from '../core/mail.js';
import { choosePasswordPage } from './pages/choose-password/choose-password.routes.js';
import { passwordResetPage } from './pages/password-reset/password-reset.routes.js';
import { adminUsersPage } from './pages/admin-users/admin-users.routes.js';
import { adminAuditPage } from './pages/admin-audit/admin-audit.routes.js';
import { strategiesPage } from './pages/strategies/strategies.routes.js';
import { strategyPage } from './pages/strategy/strategy.routes.js';
import { strategyPublishing } from './pages/strategy/strategy-publish.routes.js';
import { strategyTargetPage } from './pages/strategy-target/strategy-target.routes.js';
import { strategyPriorityPage } from './pages/strategy-priority/strategy-priority.routes.js';
import { strategyActionsPage } from './pages/strategy-actions/strategy-actions.routes.js';
import { strategyActionPage } from './pages/strategy-action/strategy-action.routes.js';
import { evidenceRoutes } from './pages/strategy-action/evidence.routes.js';
import { boardReportPage } from './pages/board-report/board-report.routes.js';
import { strategyHistoryPage } from './pages/strategy-history/strategy-history.routes.js';
import { strategyLocalMeasurePage } from './pages/strategy-local-measure/strategy-local-measure.routes.js';
import { strategyEditPage } from './pages/strategy-edit/strategy-edit.routes.js';
import { schoolPage } from './pages/school/school.routes.js';
import { laSchoolsPage } from './pages/la-schools/la-schools.routes.js';
import { schoolFamilyPage } from './pages/school-family/school-family.routes.js';
import type { Viewer } from '../access/policy.js';
import { accessControl, requireAccess } from './plugins/access.js';
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
    Partial<
      Pick<
        Config,
        | 'organisationLogo'
        | 'warmPaths'
        | 'cacheMb'
        | 'publicAccess'
        | 'baseUrl'
        | 'sessionSecret'
        | 'trustProxy'
        | 'smtpUrl'
        | 'mailFrom'
        | 'oidc'
      >
    >;
  /** Who made a request: by default whom the session names (plugins/sessions.ts); tests may pass their own. */
  identify?: (request: FastifyRequest) => Promise<Viewer>;
  /** A pino logger; omit for none. */
  logger?: FastifyBaseLogger;
  /**
   * Background warm-up after each data version change (plugins/warm-up.ts); tests tune it.
   * `everyScorecard` (default true): warm every current LA's scorecard too.
   */
  warm?: Omit<WarmUpOptions, 'version' | 'more'> & { everyScorecard?: boolean };
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
  accountPage,
  choosePasswordPage,
  passwordResetPage,
  adminUsersPage,
  adminAuditPage,
  strategiesPage,
  strategyPage,
  strategyPublishing,
  strategyPriorityPage,
  strategyTargetPage,
  strategyActionsPage,
  strategyActionPage,
  evidenceRoutes,
  boardReportPage,
  strategyHistoryPage,
  strategyLocalMeasurePage,
  strategyEditPage,
  schoolPage,
  laSchoolsPage,
  schoolFamilyPage,
];

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  // The caches share LANTERN_CACHE_MB (core/config.ts cacheBudget).
  const { pageBytes, dataBytes } = cacheBudget(deps.config.cacheMb);
  const services = createServices(deps.db, {
    dataCacheBytes: dataBytes,
    mail: mailSettings(deps),
  });
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
    // Behind a proxy that ends TLS, the client's address (audit log, rate limits) and https.
    trustProxy: trustHops(deps.config.trustProxy ?? 0),
  });
  app.setReplySerializer(safeJson);
  await app.register(errorPages, errors);
  // Headers first: a request the guard refuses still gets them.
  await app.register(securityHeaders);
  await app.register(requestGuard);
  // Every route says who may use it (plugins/access.ts); checked before the page cache answers.
  app.addHook('onRoute', requireAccess);
  await registerAccess(app, deps);
  await app.register(staticFiles, { organisationLogo: deps.config.organisationLogo });
  await app.register(pageCache, { version: services.cache.version, maxBytes: pageBytes });
  await app.register(recentlyViewed);
  // gzip for what the page cache does not send compressed (error pages, the home page, CSV,
  // answers not kept): its onSend runs after the page cache's, which sets Content-Encoding on
  // what it compressed already, so nothing is compressed twice. XLSX is zipped: not compressible.
  await app.register(compress, { global: true, encodings: ['gzip'], threshold: 1024 });
  // Every page and API route declares its parameters (route-schemas.ts); none can be forgotten.
  // The table of them is kept for tests that try every parameter (test/web/request-fuzz).
  const routes: DeclaredRoute[] = [];
  app.decorate('lanternRoutes', routes);
  app.addHook('onRoute', (route) => {
    requireParameterSchemas(route);
    routes.push(route);
  });
  for (const routes of pages) await app.register(routes(page));
  await registerSignIn(app, page, deps);
  await app.register(apiRoutes(services), { prefix: '/api/v1' });
  await registerWarmUp(app, services, deps);
  return app;
}

function mailSettings({ config }: AppDeps) {
  return {
    mailer: createMailer(config.smtpUrl, config.mailFrom ?? 'Lantern <lantern@localhost>'),
    baseUrl: config.baseUrl ?? 'http://127.0.0.1:3000',
    organisationName: config.organisationName,
  };
}

/** The sign-in page, and signing in with the council's identity provider when one is set. */
async function registerSignIn(app: FastifyInstance, page: Page, { config }: AppDeps) {
  await app.register(signInPage(page, config.oidc && { name: config.oidc.name }));
  if (!config.oidc) return;
  const redirectUri = `${config.baseUrl ?? 'http://127.0.0.1:3000'}${oidcCallbackPath}`;
  const signIn = page.services.access.signInWithOidc;
  await app.register(oidcSignIn(page, { ...config.oidc, redirectUri, signIn }));
}

/** The proxies in front: X-Forwarded-* read `hops` back from this server, never further. */
function trustHops(hops: number) {
  return hops > 0 ? (_address: string, hop: number) => hop < hops : false;
}

/** Sessions, then the access check: the session says who is asking, before anything answers. */
async function registerAccess(app: FastifyInstance, deps: AppDeps) {
  await app.register(sessions, {
    db: deps.db,
    secret: await sessionSigningKey(deps.db, deps.config.sessionSecret),
    secure: (deps.config.baseUrl ?? '').startsWith('https://'),
  });
  await app.register(accessControl, {
    publicAccess: deps.config.publicAccess ?? 'open',
    identify: deps.identify ?? sessionViewer(deps.db),
  });
}

/** The background warm-up after each data version change, logging what it made and the caches' size. */
async function registerWarmUp(app: FastifyInstance, services: Page['services'], deps: AppDeps) {
  const { everyScorecard = true, ...warm } = deps.warm ?? {};
  await app.register(warmUp, {
    version: services.cache.version,
    paths: deps.config.warmPaths ?? [],
    ...(everyScorecard ? { more: () => scorecardPaths(services) } : {}),
    onWarmed: (path, statusCode, ms) =>
      app.log.debug({ path, statusCode, ms: Math.round(ms) }, 'warmed'),
    onDone: (version, paths, ms) => {
      const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
      const [pageCacheMb, dataCacheMb] = [app.lanternPageCacheBytes(), services.cache.bytes()];
      app.log.info(
        {
          version,
          paths,
          ms: Math.round(ms),
          pageCacheMb: mb(pageCacheMb),
          dataCacheMb: mb(dataCacheMb),
        },
        'warm-up: pages made',
      );
    },
    ...warm,
  });
}

/** Every current LA's scorecard and its sparklines, for the warm-up. */
async function scorecardPaths(services: Page['services']): Promise<string[]> {
  const las = (await services.areas.list()).filter(
    (a) => a.kind === 'la' && a.status === 'current',
  );
  return las.flatMap((la) => [`/la/${la.code}`, `/la/${la.code}/sparklines.json`]);
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
