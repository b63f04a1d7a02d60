import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../services.js';

const laCodePattern = /^\d{3}$/;

/** JSON: the benchmark service's objects as they are (numbers unrounded). */
export function apiRoutes(services: Services): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { code: string } }>('/la/:code/scorecard', async (request, reply) => {
      if (!laCodePattern.test(request.params.code)) return reply.callNotFound();
      return services.benchmarks.scorecard(Number(request.params.code));
    });

    app.get<{ Params: { code: string }; Querystring: { year?: string; la?: string } }>(
      '/measures/:code/benchmark',
      async (request, reply) => {
        const { year, la } = request.query;
        if (la !== undefined && !laCodePattern.test(la)) {
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
