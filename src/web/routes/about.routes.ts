import type { FastifyPluginAsync } from 'fastify';
import type { Page } from '../app.js';

export function aboutRoutes(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get('/about', async (_request, reply) => page.render(reply, 'pages/about.njk'));
  };
}
