import type { FastifyPluginAsync } from 'fastify';
import type { Page } from '../../render.js';
import { routeSchema, words } from '../../route-schemas.js';
import { groupLasByRegion } from './home.view.js';
import { readRecent } from '../../plugins/recently-viewed.js';
import { needs } from '../../plugins/access.js';

export function homePage(page: Page): FastifyPluginAsync {
  return async (app) => {
    const schema = routeSchema({ query: { q: words() } });
    app.get<{ Querystring: { q?: string } }>(
      '/',
      { schema, config: needs('open-statistics') },
      async (request, reply) => {
        const q = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 100) : '';
        const results = q ? await page.services.find.search(q) : undefined;
        const groups = groupLasByRegion(await page.services.areas.list());
        return page.render(reply, 'pages/home/home.njk', {
          q,
          results,
          groups,
          recent: readRecent(request.headers.cookie),
          pageTitle: q ? `Search results for “${q}”` : 'Find a local authority or measure',
        });
      },
    );
  };
}
