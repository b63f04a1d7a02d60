import type { FastifyPluginAsync } from 'fastify';
import { lanternError } from '../../../core/errors.js';
import { actorOf, csrfField } from '../../forms.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { key, routeSchema } from '../../route-schemas.js';
import { strategyHrefs } from '../../urls.js';
import { loadStrategy, strategyParams, type StrategyRequest } from './strategy.load.js';

type Request = StrategyRequest<
  object,
  object,
  { published?: string; confirm?: string } | undefined
>;

/**
 * `POST /la/:code/strategies/:id/publish` (published=yes|no): the lead publishes the strategy
 * (after a confirming page, confirm=yes) or withdraws it; then back to the overview, which says
 * which it now is.
 */
export function strategyPublishing(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.post(
      '/la/:code/strategies/:id/publish',
      {
        schema: routeSchema({
          params: strategyParams,
          body: { published: key, confirm: key, ...csrfField },
        }),
        config: needs('edit-la-restricted', { la: 'code' }),
        preHandler: app.csrfProtection,
      },
      async (request: Request, reply) => {
        const choice = request.body?.published;
        if (choice !== 'yes' && choice !== 'no')
          throw lanternError('LANTERN_STRATEGY_INVALID', 'Say whether to publish: yes or no.');
        const loaded = await loadStrategy(page, request, 'publish');
        const published = choice === 'yes';
        const back = strategyHrefs.overview(loaded.la.code, loaded.status.id);
        // Publishing asks first (what the public will and will not see); withdrawing does not.
        if (published && request.body?.confirm !== 'yes')
          return page.render(reply, 'pages/strategy/confirm-publish.njk', {
            pageTitle: `Publish ${loaded.status.strategy.title}?`,
            crumbs: { items: loaded.crumbs, collapseOnMobile: true },
            la: loaded.la,
            title: loaded.status.strategy.title,
            targets: loaded.status.targets.length,
            action: strategyHrefs.publish(loaded.la.code, loaded.status.id),
            back,
            csrf: reply.generateCsrf(),
          });
        await page.services.strategies.publish(
          request.viewer,
          actorOf(request),
          loaded.status,
          published,
        );
        return reply.redirect(`${back}?done=${published ? 'published' : 'withdrawn'}`, 303);
      },
    );
  };
}
