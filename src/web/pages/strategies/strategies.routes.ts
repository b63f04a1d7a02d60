import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { strategyAudience } from '../../../access/policy.js';
import { formatDateTime } from '../../../core/format.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { key, routeSchema } from '../../route-schemas.js';
import { strategyHrefs } from '../../urls.js';

/** `/la/:code/strategies`: the LA's strategies the viewer may see (the public: the published ones). */
export function strategiesPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/la/:code/strategies',
      {
        schema: routeSchema({ params: { code: key } }),
        config: needs('read-strategy'),
      },
      async (request: FastifyRequest<{ Params: { code: string } }>, reply) => {
        const la = await page.services.areas.resolveLa(request.params.code);
        const audience = strategyAudience(request.viewer, la.code);
        const list = await page.services.strategies.ofLa(request.viewer, la.code, audience);
        return page.render(reply, 'pages/strategies/strategies.njk', {
          pageTitle: `${la.name}: strategies`,
          la,
          audience,
          strategies: list.map((s) => ({
            ...s,
            href: strategyHrefs.overview(la.code, s.id),
            // Two copies of one file (export, then import) read the same but for these.
            updatedText: formatDateTime(s.updatedAt),
            shortId: s.id.slice(0, 8),
          })),
        });
      },
    );
  };
}
