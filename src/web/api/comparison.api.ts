import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { sendBadChoiceJson } from '../pages/bad-choice/bad-choice.js';
import { neighboursParams, neighboursQuery } from '../pages/neighbours/neighbours.query.js';
import { regionParams, regionQuery } from '../pages/region/region.query.js';
import { isLaCode, isRegionCode } from '../params.js';
import { key, routeSchema } from '../route-schemas.js';
import type { Services } from '../services/services.js';
import { openStatistics } from '../plugins/access.js';

type Request = FastifyRequest<{
  Params: { code: string; measure: string };
  Querystring: Record<string, unknown>;
}>;

/** JSON of the LA-measure, statistical-neighbours and region pages (same queries, same checks). */
export function comparisonApi(services: Services): FastifyPluginAsync {
  return async (app) => {
    const laMeasure = routeSchema({ params: { code: key, measure: key } });
    app.get(
      '/la/:code/measure/:measure',
      { schema: laMeasure, config: openStatistics },
      async (request: Request) => {
        const la = await services.areas.resolveLa(request.params.code);
        return services.laPages.timeSeries(la.code, request.params.measure);
      },
    );

    const neighbours = routeSchema(neighboursParams);
    app.get(
      '/la/:code/neighbours/:measure',
      { schema: neighbours, config: openStatistics },
      async (request: Request, reply) => {
        const { code, measure } = request.params;
        if (!isLaCode(code)) return reply.callNotFound();
        const checked = await neighboursQuery(services, Number(code), measure, request.query);
        return checked.ok ? checked.data : sendBadChoiceJson(reply, checked.bad);
      },
    );

    const region = routeSchema(regionParams);
    app.get(
      '/region/:code/:measure',
      { schema: region, config: openStatistics },
      async (request: Request, reply) => {
        const { code, measure } = request.params;
        if (!isRegionCode(code)) return reply.callNotFound();
        const checked = await regionQuery(services, Number(code), measure, request.query);
        return checked.ok ? checked.data : sendBadChoiceJson(reply, checked.bad);
      },
    );
  };
}
