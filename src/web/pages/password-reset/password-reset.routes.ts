import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { resetLinkMinutes } from '../../../access/links.service.js';
import { csrfField, field, from } from '../../forms.js';
import { needs } from '../../plugins/access.js';
import { attemptLimit } from '../../plugins/sessions.js';
import type { Page } from '../../render.js';
import { routeSchema } from '../../route-schemas.js';
import { formErrors, type FormProblem } from '../sign-in/sign-in.view.js';

/**
 * `/password-reset`: "I have forgotten my password". The answer is the same whether or not the
 * address has an account, so the page tells no one who has one.
 */
export function passwordResetPage(page: Page): FastifyPluginAsync {
  const access = page.services.access;
  const render = (reply: FastifyReply, context: Record<string, unknown>, status = 200) =>
    page.render(
      reply,
      'pages/password-reset/password-reset.njk',
      {
        sendsMail: access.sendsMail,
        resetHours: resetLinkMinutes / 60,
        csrf: reply.generateCsrf(),
        ...context,
      },
      status,
    );
  return async (app) => {
    app.get(
      '/password-reset',
      { schema: routeSchema({}), config: needs('anyone') },
      async (_request, reply) => render(reply, formErrors([])),
    );
    app.post(
      '/password-reset',
      {
        schema: routeSchema({ body: { email: field(), ...csrfField } }),
        config: { ...needs('anyone'), rateLimit: attemptLimit },
        preHandler: app.csrfProtection,
      },
      async (request: FastifyRequest<{ Body: { email?: string } }>, reply) => {
        const email = request.body?.email?.trim() ?? '';
        if (!email) {
          const problems: FormProblem[] = [{ text: 'Enter your e-mail address', href: '#email' }];
          return render(reply, { email, ...formErrors(problems) }, 400);
        }
        // Not awaited: an address with an account (an e-mail to send) must not answer slower.
        void access
          .requestReset(email, from(request))
          .catch((error: unknown) =>
            request.log.error({ err: error }, 'password reset e-mail failed'),
          );
        return render(reply, { email, asked: true, ...formErrors([]) });
      },
    );
  };
}
