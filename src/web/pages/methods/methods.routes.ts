import type { FastifyPluginAsync } from 'fastify';
import type { Page } from '../../render.js';
import { routeSchema } from '../../route-schemas.js';
import { loadMethodsDoc } from './methods.view.js';
import { openStatistics } from '../../plugins/access.js';

/** `/methods`: how every figure is worked out, in plain words: docs/methods.md itself. */
export function methodsPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    // Read when the app is built, so a missing docs/methods.md stops `npm start` at once.
    const doc = loadMethodsDoc();
    app.get(
      '/methods',
      { schema: routeSchema({}), config: openStatistics },
      async (_request, reply) =>
        page.render(reply, 'pages/methods/methods.njk', {
          doc,
          breadcrumbs: {
            items: [{ text: 'Local authorities', href: '/' }],
            collapseOnMobile: true,
          },
        }),
    );
  };
}
