import type { FastifyPluginAsync } from 'fastify';
import { openApiDocument } from './openapi.js';
import { compareParams, parseCompareQuery } from '../pages/compare/selection.js';
import { routeSchema, words } from '../route-schemas.js';
import type { Services } from '../services/services.js';
import { needs, openStatistics } from '../plugins/access.js';

/** JSON for the home page's search, the catalogue and "build your own" comparisons. */
export function findApi(services: Services): FastifyPluginAsync {
  return async (app) => {
    const search = routeSchema({ query: { q: words() } });
    // Answers for what someone typed: open statistics, not kept by the page cache.
    const openNotKept = needs('open-statistics');
    app.get<{ Querystring: { q?: string } }>(
      '/search',
      { schema: search, config: openNotKept },
      async (request) => {
        const q = typeof request.query.q === 'string' ? request.query.q : '';
        const r = await services.find.search(q);
        return { ...r, counts: { las: r.las.length, measures: r.measures.length } };
      },
    );

    app.get<{ Querystring: { q?: string } }>(
      '/measures',
      { schema: search, config: openNotKept },
      async (request) => {
        const q = typeof request.query.q === 'string' ? request.query.q : '';
        return { query: q, measures: await services.find.measures(q) };
      },
    );

    const none = routeSchema({});
    app.get('/areas', { schema: none, config: openNotKept }, async () => ({
      areas: await services.find.areas(),
    }));

    const compare = routeSchema({ query: compareParams });
    app.get<{ Querystring: Record<string, unknown> }>(
      '/compare',
      { schema: compare, config: openStatistics },
      async (request, reply) => {
        const result = await services.compare.compare(parseCompareQuery(request.query));
        if (result.ok) return result.comparison;
        return reply.code(400).send({
          error: {
            code: 'LANTERN_USAGE',
            message: result.problems.map((p) => p.message).join(' '),
            problems: result.problems,
          },
        });
      },
    );

    app.get('/openapi.json', { schema: none, config: openNotKept }, async () => openApiDocument());
  };
}
