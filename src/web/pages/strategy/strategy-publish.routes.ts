import type { FastifyPluginAsync } from 'fastify';
import { lanternError } from '../../../core/errors.js';
import { actorOf, csrfField } from '../../forms.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { key, routeSchema } from '../../route-schemas.js';
import { strategyHrefs } from '../../urls.js';
import { loadStrategy, strategyParams, type StrategyRequest } from './strategy.load.js';

type Request = StrategyRequest<object, object, { published?: string } | undefined>;

/**
 * `POST /la/:code/strategies/:id/publish` (published=yes|no): the lead publishes the strategy, or
 * withdraws it; then back to the overview, which says which it now is.
 */
export function strategyPublishing(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.post(
      '/la/:code/strategies/:id/publish',
      {
        schema: routeSchema({
          params: strategyParams,
          body: { published: key, ...csrfField },
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
        await page.services.strategies.publish(
          request.viewer,
          actorOf(request),
          loaded.status,
          published,
        );
        return reply.redirect(strategyHrefs.overview(loaded.la.code, loaded.status.id), 303);
      },
    );
  };
}
