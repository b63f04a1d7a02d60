import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { roleNames } from '../../../access/policy.js';
import { LanternError, lanternError } from '../../../core/errors.js';
import type { UserRecord } from '../../../access/users.service.js';
import type { Area } from '../../../measures/areas.js';
import { formatDate, formatDateTime } from '../../../core/format.js';
import { tableView, sendRequestedTable } from '../../layouts/page-frame.js';
import { actorOf, csrfField } from '../../forms.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { downloadQuery, key, routeSchema } from '../../route-schemas.js';
import { canonicalUrl } from '../../url.js';
import { formErrors, type FormProblem } from '../sign-in/sign-in.view.js';
import { readUserForm, userFormFields, type UserForm } from './user-form.js';
import { userAccessRoutes } from './user-access.routes.js';
import { roleChoices, scopeText, statusNames, usersTable } from './admin-users.view.js';

type UserRequest = FastifyRequest<{ Params: { id: string } }>;

const manage = needs('manage-users');

/** `/admin/users`: the users, inviting one, and each user's page (new link, disable). */
export function adminUsersPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/admin/users',
      { schema: routeSchema({ query: downloadQuery }), config: manage },
      async (request, reply) => {
        const [users, areas] = await Promise.all([
          page.services.access.users.list(),
          page.services.areas.list(),
        ]);
        await page.services.access.recordRead(actorOf(request), { kind: 'users', id: 'list' });
        const table = usersTable(users, areas);
        if (await sendRequestedTable(request, reply, [table])) return reply;
        return page.render(reply, 'pages/admin-users/users.njk', {
          table: tableView(canonicalUrl(request), table),
        });
      },
    );
    inviteRoutes(app, page);
    userRoutes(app, page);
    userAccessRoutes(app, page);
  };
}

function renderInvite(
  page: Page,
  reply: FastifyReply,
  form: UserForm,
  problems: FormProblem[] = [],
) {
  return page.render(
    reply,
    'pages/admin-users/invite.njk',
    {
      form,
      roles: roleChoices(form.role),
      sendsMail: page.services.access.sendsMail,
      csrf: reply.generateCsrf(),
      ...formErrors(problems),
    },
    problems.length ? 400 : 200,
  );
}

function inviteRoutes(app: FastifyInstance, page: Page): void {
  app.get('/admin/users/invite', { schema: routeSchema({}), config: manage }, async (_r, reply) =>
    renderInvite(page, reply, {}),
  );
  app.post(
    '/admin/users/invite',
    {
      schema: routeSchema({ body: userFormFields }),
      config: manage,
      preHandler: app.csrfProtection,
    },
    async (request: FastifyRequest<{ Body: UserForm }>, reply) => {
      const form = request.body ?? {};
      const { details, problems } = readUserForm(form, await page.services.areas.list());
      if (problems.length) return renderInvite(page, reply, form, problems);
      try {
        const made = await page.services.access.invite(actorOf(request), details);
        return renderUser(
          page,
          request,
          reply,
          made.user,
          madeLink({ ...made, purpose: 'invitation' }),
        );
      } catch (error) {
        if (error instanceof LanternError && error.code === 'LANTERN_USER_EXISTS')
          return renderInvite(page, reply, form, [{ text: error.message, href: '#email' }]);
        throw error;
      }
    },
  );
}

/** What the user page says about a link just made: shown once, on the answer to the form. */
interface MadeLink {
  what: string;
  until: string;
  can: string;
  address?: string;
}

function madeLink(made: {
  purpose: string;
  link: string;
  expiresAt: string;
  sent: boolean;
}): MadeLink {
  const invitation = made.purpose === 'invitation';
  return {
    what: invitation ? 'An invitation link is made.' : 'A password reset link is made.',
    until: formatDateTime(made.expiresAt),
    can: invitation ? 'choose the password of this account' : 'set a new password for this account',
    ...(made.sent ? {} : { address: made.link }),
  };
}

function userRows(user: UserRecord, areas: Area[]) {
  const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
  return [
    row('E-mail address', user.email),
    row('Role', roleNames[user.role]),
    row('Local authorities or schools', scopeText(user, areas)),
    row('Status', statusNames[user.status]),
    row('Added', formatDate(user.createdAt)),
    ...(user.lockedUntil && Date.parse(user.lockedUntil) > Date.now()
      ? [row('Locked', `After wrong passwords, until ${formatDateTime(user.lockedUntil)}`)]
      : []),
  ];
}

/** Each user's page, and its two actions: a new link, and disabling the account. */
function userRoutes(app: FastifyInstance, page: Page): void {
  const access = page.services.access;
  const find = async (request: UserRequest) => {
    const user = await access.users.byId(request.params.id);
    if (!user)
      throw lanternError(
        'LANTERN_USER_NOT_FOUND',
        'No user has that id: it may have been mistyped.',
      );
    return user;
  };
  app.get(
    '/admin/users/:id',
    { schema: routeSchema({ params: { id: key } }), config: manage },
    async (request: UserRequest, reply) => renderUser(page, request, reply, await find(request)),
  );
  const post = {
    schema: routeSchema({ params: { id: key }, body: csrfField }),
    config: manage,
    preHandler: app.csrfProtection,
  };
  app.post('/admin/users/:id/link', post, async (request: UserRequest, reply) => {
    const user = await find(request);
    if (user.status === 'disabled') return reply.redirect(`/admin/users/${user.id}`, 303);
    const made = await access.newLink(actorOf(request), user);
    return renderUser(page, request, reply, user, madeLink(made));
  });
  app.post('/admin/users/:id/disable', post, async (request: UserRequest, reply) => {
    const user = await find(request);
    if (user.id !== request.viewer?.id) await access.users.disable(actorOf(request), user.email);
    return reply.redirect(`/admin/users/${user.id}`, 303);
  });
}

/** A user's page; with `link`, the answer to making one (the only time its address is shown). */
export async function renderUser(
  page: Page,
  request: FastifyRequest,
  reply: FastifyReply,
  user: UserRecord,
  link?: MadeLink,
) {
  // A page holding a one-time link is never stored by a browser or proxy.
  if (link) reply.header('cache-control', 'no-store');
  await page.services.access.recordRead(actorOf(request), { kind: 'user', id: user.id });
  return page.render(reply, 'pages/admin-users/user.njk', {
    pageTitle: user.displayName,
    user,
    rows: userRows(user, await page.services.areas.list()),
    isSelf: user.id === request.viewer?.id,
    csrf: reply.generateCsrf(),
    link,
  });
}
