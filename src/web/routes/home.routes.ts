import type { FastifyPluginAsync } from 'fastify';
import type { Page } from '../app.js';
import { groupLasByRegion } from '../home.view.js';

export function homeRoutes(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { q?: string } }>('/', async (request, reply) => {
      const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 100) : '';
      const groups = groupLasByRegion(await page.services.areas.list(), q);
      const count = groups.reduce((n, g) => n + g.las.length, 0);
      return page.render(reply, 'pages/home.njk', { q, groups, count });
    });
  };
}
