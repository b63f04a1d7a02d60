import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { linkGone, type LinkPurpose } from '../../../access/links.service.js';
import { minPasswordLength } from '../../../access/secrets.js';
import { LanternError } from '../../../core/errors.js';
import { actorOf, csrfField, from, passwordField } from '../../forms.js';
import { needs } from '../../plugins/access.js';
import { attemptLimit, startSignedInSession } from '../../plugins/sessions.js';
import type { Page } from '../../render.js';
import { key, routeSchema } from '../../route-schemas.js';
import { formErrors, type FormProblem } from '../sign-in/sign-in.view.js';

type Request = FastifyRequest<{
  Params: { token: string };
  Body: { password?: string; confirm?: string };
}>;

const titles: Record<LinkPurpose, string> = {
  invitation: 'Choose your password',
  password_reset: 'Choose a new password',
};

/**
 * The page a one-time link opens (`/invitation/:token`, `/password-reset/:token`): choose a
 * password, and be signed in. The token is never logged or put in another address.
 */
type Context = { email?: string; gone?: string; problems?: FormProblem[] };

function render(
  page: Page,
  reply: FastifyReply,
  purpose: LinkPurpose,
  context: Context,
  status = 200,
) {
  return page.render(
    reply,
    'pages/choose-password/choose-password.njk',
    {
      pageTitle: titles[purpose],
      purpose,
      minLength: minPasswordLength,
      csrf: reply.generateCsrf(),
      ...context,
      ...formErrors(context.problems ?? []),
    },
    status,
  );
}

export function choosePasswordPage(page: Page): FastifyPluginAsync {
  const access = page.services.access;
  return async (app) => {
    const routes: [string, LinkPurpose][] = [
      ['/invitation/:token', 'invitation'],
      ['/password-reset/:token', 'password_reset'],
    ];
    for (const [url, purpose] of routes) {
      app.get(
        url,
        { schema: routeSchema({ params: { token: key } }), config: needs('anyone') },
        async (request: Request, reply) => {
          // A link must not leak to other sites through the Referer of a page it opens.
          reply.header('referrer-policy', 'no-referrer');
          const holder = await access.links.holder(purpose, request.params.token);
          if (!holder) return refuseLink(page, request, reply, purpose);
          return render(page, reply, purpose, { email: holder.email });
        },
      );
      app.post(
        url,
        {
          schema: routeSchema({
            params: { token: key },
            body: { password: passwordField, confirm: passwordField, ...csrfField },
          }),
          config: { ...needs('anyone'), rateLimit: attemptLimit },
          preHandler: app.csrfProtection,
        },
        (request: Request, reply) => choose(page, purpose, request, reply),
      );
    }
  };
}

/** The form sent: the password checked, set, and the person signed in. */
async function choose(page: Page, purpose: LinkPurpose, request: Request, reply: FastifyReply) {
  const access = page.services.access;
  const { token } = request.params;
  const holder = await access.links.holder(purpose, token);
  if (!holder) return refuseLink(page, request, reply, purpose);
  const { password = '', confirm = '' } = request.body ?? {};
  const retry = (problems: FormProblem[]) =>
    render(page, reply, purpose, { email: holder.email, problems }, 400);
  const problems = passwordProblems(password, confirm);
  if (problems.length) return retry(problems);
  let result: Awaited<ReturnType<typeof access.links.setPassword>>;
  try {
    result = await access.links.setPassword(purpose, token, password, from(request));
  } catch (error) {
    if (error instanceof LanternError && error.code === 'LANTERN_USER_INVALID')
      return retry([{ text: error.message, href: '#password' }]);
    throw error;
  }
  if ('problem' in result) return render(page, reply, purpose, { gone: result.problem }, 410);
  await startSignedInSession(request, { userId: result.user.id, signedInAt: result.signedInAt });
  const notice = purpose === 'invitation' ? 'welcome' : 'password-changed';
  return reply.redirect(`/account?notice=${notice}`, 303);
}

/** An unknown, used or expired link: said plainly, and audited (someone may be trying links). */
async function refuseLink(
  page: Page,
  request: FastifyRequest,
  reply: FastifyReply,
  purpose: LinkPurpose,
) {
  await page.services.access.recordRefusedLink(actorOf(request), purpose);
  return render(page, reply, purpose, { gone: linkGone }, 410);
}

function passwordProblems(password: string, confirm: string): FormProblem[] {
  if (!password) return [{ text: 'Enter a new password', href: '#password' }];
  if (password !== confirm)
    return [{ text: 'The two passwords are not the same: type them again', href: '#confirm' }];
  return [];
}
