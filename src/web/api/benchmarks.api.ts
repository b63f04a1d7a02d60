import type { FastifyPluginAsync } from 'fastify';
import { isLaCode } from '../params.js';
import { key, routeSchema } from '../route-schemas.js';
import type { Services } from '../services/services.js';
import { openStatistics } from '../plugins/access.js';
import { scorecardForApi } from './scorecard.api-shape.js';

/** JSON: the benchmark service's objects as they are (numbers unrounded). */
export function benchmarksApi(services: Services): FastifyPluginAsync {
  return async (app) => {
    const scorecard = routeSchema({ params: { code: key } });
    app.get<{ Params: { code: string } }>(
      '/la/:code/scorecard',
      { schema: scorecard, config: openStatistics },
      async (request, reply) => {
        if (!isLaCode(request.params.code)) return reply.callNotFound();
        return scorecardForApi(await services.benchmarks.scorecard(Number(request.params.code)));
      },
    );

    app.get<{ Params: { code: string }; Querystring: { year?: string; la?: string } }>(
      '/measures/:code/benchmark',
      {
        schema: routeSchema({ params: { code: key }, query: { year: key, la: key } }),
        config: openStatistics,
      },
      async (request, reply) => {
        const { year, la } = request.query;
        if (la !== undefined && !isLaCode(la)) {
          return reply
            .code(400)
            .send({ error: { code: 'LANTERN_USAGE', message: 'la must be a 3-digit LA code.' } });
        }
        return services.benchmarks.measure(request.params.code, {
          ...(year ? { yearLabel: year } : {}),
          ...(la ? { laCode: Number(la) } : {}),
        });
      },
    );
  };
}
