import type { FastifyPluginAsync } from 'fastify';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { key, routeSchema } from '../../route-schemas.js';
import { actorOf, csrfField } from '../../forms.js';
import { accountRows, adminTools } from './account.view.js';

const notices: Record<string, string> = {
  welcome: 'Your password is set and you are signed in.',
  'password-changed': 'Your password is changed. Other sessions have been signed out.',
};

/** `/account`: who you are signed in as, what you may see, and signing out (everywhere). */
export function accountPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/account',
      { schema: routeSchema({ query: { notice: key } }), config: needs('own-account') },
      async (request, reply) => {
        const user = request.viewer!;
        const notice = notices[String((request.query as { notice?: string }).notice)];
        return page.render(reply, 'pages/account/account.njk', {
          rows: accountRows(user, await page.services.areas.list()),
          tools: adminTools(user),
          csrf: reply.generateCsrf(),
          notice,
        });
      },
    );

    app.post(
      '/account/sign-out-everywhere',
      {
        schema: routeSchema({ body: csrfField }),
        config: needs('own-account'),
        preHandler: app.csrfProtection,
      },
      async (request, reply) => {
        await page.services.access.signOutEverywhere(actorOf(request), request.viewer!.id);
        await request.session.destroy();
        return reply.redirect('/sign-in', 303);
      },
    );
  };
}
