import type { FastifyPluginAsync } from 'fastify';
import type { Page } from '../../render.js';

/** `/methods`: how every figure is worked out, in plain words (docs/methods.md). */
export function methodsPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get('/methods', async (_request, reply) =>
      page.render(reply, 'pages/methods/methods.njk', {
        breadcrumbs: { items: [{ text: 'Local authorities', href: '/' }], collapseOnMobile: true },
      }),
    );
  };
}
