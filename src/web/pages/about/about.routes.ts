import type { FastifyPluginAsync } from 'fastify';
import type { Page } from '../../render.js';

export function aboutPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get('/about', async (_request, reply) => page.render(reply, 'pages/about/about.njk'));
  };
}
