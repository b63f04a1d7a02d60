import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserRecord } from '../../../access/users.service.js';
import { lanternError } from '../../../core/errors.js';
import { actorOf } from '../../forms.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { key, routeSchema } from '../../route-schemas.js';
import { formErrors, type FormProblem } from '../sign-in/sign-in.view.js';
import { roleChoices } from './admin-users.view.js';
import { formOf, readUserForm, userFormFields, type UserForm } from './user-form.js';

type Request = FastifyRequest<{ Params: { id: string }; Body: UserForm }>;

function render(
  page: Page,
  reply: FastifyReply,
  user: UserRecord,
  form: UserForm,
  problems: FormProblem[] = [],
) {
  return page.render(
    reply,
    'pages/admin-users/access.njk',
    {
      pageTitle: `Change ${user.displayName}'s role and scope`,
      user,
      form,
      roles: roleChoices(form.role),
      csrf: reply.generateCsrf(),
      ...formErrors(problems),
    },
    problems.length ? 400 : 200,
  );
}

/** `/admin/users/:id/access`: change a user's role and the LAs or schools it covers. */
export function userAccessRoutes(app: FastifyInstance, page: Page): void {
  const access = page.services.access;
  const find = async (request: Request) => {
    const user = await access.users.byId(request.params.id);
    if (!user) throw lanternError('LANTERN_USER_NOT_FOUND', 'No user has that id.');
    return user;
  };
  app.get(
    '/admin/users/:id/access',
    { schema: routeSchema({ params: { id: key } }), config: needs('manage-users') },
    async (request: Request, reply) => {
      const user = await find(request);
      await access.recordRead(actorOf(request), { kind: 'user', id: user.id });
      return render(page, reply, user, formOf(user));
    },
  );
  app.post(
    '/admin/users/:id/access',
    {
      schema: routeSchema({ params: { id: key }, body: userFormFields }),
      config: needs('manage-users'),
      preHandler: app.csrfProtection,
    },
    async (request: Request, reply) => {
      const user = await find(request);
      // The address and name are not changed here: the form's own fields are the role and scope.
      const form = { ...request.body, email: user.email, name: user.displayName };
      const { details, problems } = readUserForm(form, await page.services.areas.list());
      if (user.id === request.viewer?.id && details.role !== 'administrator')
        problems.push({ text: 'You cannot take your own administrator role away.', href: '#role' });
      if (problems.length) return render(page, reply, user, form, problems);
      await access.users.changeAccess(actorOf(request), user.id, {
        role: details.role,
        laCodes: details.laCodes ?? [],
        urns: details.urns ?? [],
      });
      return reply.redirect(`/admin/users/${user.id}`, 303);
    },
  );
}
