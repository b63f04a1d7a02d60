import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { routeSchema, words } from '../../route-schemas.js';
import { actorOf, csrfField, field, from, localPath, passwordField } from '../../forms.js';
import { formErrors, signInRefusal, type FormProblem } from './sign-in.view.js';
import { attemptLimit, startSignedInSession } from '../../plugins/sessions.js';

type SignInForm = { email?: string; password?: string; next?: string };

/**
 * `/sign-in` (a form: e-mail address and password) and `/sign-out`. With `oidc`, the page also
 * offers signing in with the organisation's account (oidc.routes.ts).
 */
export function signInPage(page: Page, oidc?: { name: string }): FastifyPluginAsync {
  const render = (
    reply: FastifyReply,
    form: SignInForm,
    problems: FormProblem[] = [],
    status = 200,
  ) =>
    page.render(
      reply,
      'pages/sign-in/sign-in.njk',
      {
        email: form.email ?? '',
        next: localPath(form.next),
        csrf: reply.generateCsrf(),
        ...(oidc ? { oidc } : {}),
        ...formErrors(problems),
      },
      status,
    );

  return async (app) => {
    app.get(
      '/sign-in',
      { schema: routeSchema({ query: { next: words(600) } }), config: needs('anyone') },
      async (request: FastifyRequest<{ Querystring: { next?: string } }>, reply) => {
        if (request.viewer) return reply.redirect(localPath(request.query.next), 303);
        return render(reply, { next: request.query.next });
      },
    );

    signOutRoute(app, page);
    app.post(
      '/sign-in',
      {
        schema: routeSchema({
          body: { email: field(), password: passwordField, next: field(600), ...csrfField },
        }),
        config: { ...needs('anyone'), rateLimit: attemptLimit },
        preHandler: app.csrfProtection,
      },
      async (request: FastifyRequest<{ Body: SignInForm }>, reply) => {
        const form = request.body ?? {};
        const missing = missingFields(form);
        if (missing.length) return render(reply, form, missing, 400);
        const result = await page.services.access.signIn(
          form.email!,
          form.password!,
          from(request),
        );
        if (!result.ok) return render(reply, form, [signInRefusal(result)], 401);
        await startSignedInSession(request, {
          userId: result.user.id,
          signedInAt: result.signedInAt,
        });
        return reply.redirect(localPath(form.next), 303);
      },
    );
  };
}

/** `/sign-out`: ends this session (a form, so no other site can sign a person out). */
function signOutRoute(app: FastifyInstance, page: Page): void {
  app.post(
    '/sign-out',
    {
      schema: routeSchema({ body: csrfField }),
      config: needs('anyone'),
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      if (request.viewer) await page.services.access.signedOut(actorOf(request));
      await request.session.destroy();
      return reply.redirect('/', 303);
    },
  );
}

function missingFields(form: SignInForm): FormProblem[] {
  return [
    ...(form.email?.trim() ? [] : [{ text: 'Enter your e-mail address', href: '#email' }]),
    ...(form.password ? [] : [{ text: 'Enter your password', href: '#password' }]),
  ];
}
