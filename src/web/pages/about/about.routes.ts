import type { FastifyPluginAsync } from 'fastify';
import type { Page } from '../../render.js';
import { routeSchema } from '../../route-schemas.js';
import { openStatistics } from '../../plugins/access.js';

export function aboutPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/about',
      { schema: routeSchema({}), config: openStatistics },
      async (_request, reply) => page.render(reply, 'pages/about/about.njk'),
    );
  };
}
