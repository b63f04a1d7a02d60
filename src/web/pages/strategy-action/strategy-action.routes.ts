import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { lanternError } from '../../../core/errors.js';
import { expectedProgress, isOverdue } from '../../../strategy/actions.js';
import { approvedUpdates } from '../../../strategy/approval.js';
import { actionStatusNames } from '../../../strategy/labels.js';
import { actionStatuses } from '../../../strategy/strategy-schema.js';
import type { ActionUpdateForm } from '../../../strategy/actions.service.js';
import { actorOf, csrfField, field, textareaField } from '../../forms.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { key, routeSchema } from '../../route-schemas.js';
import { strategyHrefs } from '../../urls.js';
import { formErrors, type FormProblem } from '../sign-in/sign-in.view.js';
import {
  loadStrategy,
  strategyParams,
  type LoadedStrategy,
  type StrategyRequest,
} from '../strategy/strategy.load.js';
import { actionsOf } from '../strategy/strategy.view.js';
import { evidenceView } from './evidence.view.js';

type Request = StrategyRequest<{ key: string }, object, ActionUpdateForm | undefined>;
const params = { ...strategyParams, key };

function findAction(loaded: LoadedStrategy, actionKey: string) {
  const row = actionsOf(loaded.status).find((r) => r.key === actionKey);
  if (!row)
    throw lanternError('LANTERN_STRATEGY_NOT_FOUND', 'The strategy has no action with that key.');
  return row;
}

/** What a refused form brings back to the page: the fields as typed and the problems. */
export interface ActionForms {
  update?: ActionUpdateForm;
  /** The evidence form's title as typed. */
  evidenceTitle?: string;
  problems?: FormProblem[];
}

export async function render(
  page: Page,
  request: StrategyRequest<{ key: string }, object, unknown>,
  reply: FastifyReply,
  loaded: LoadedStrategy,
  forms: ActionForms = {},
) {
  const { update: form = {}, problems = [] } = forms;
  const { la, status, today } = loaded;
  const row = findAction(loaded, request.params.key);
  const x = row.action;
  const canEdit = loaded.mayEdit;
  return page.render(
    reply,
    'pages/strategy-action/strategy-action.njk',
    {
      pageTitle: x.title,
      crumbs: {
        items: [
          ...loaded.crumbs,
          { text: 'Actions', href: strategyHrefs.actions(la.code, status.id) },
        ],
        collapseOnMobile: true,
      },
      la,
      row,
      x,
      rating: actionStatusNames[x.status],
      overdue: isOverdue(x, today),
      expected: expectedProgress(x, today).words,
      // An update awaiting the lead is for the officers, not yet for the board.
      updates: (canEdit ? [...x.updates] : approvedUpdates(x))
        .reverse()
        .map((u) => ({ ...u, statusText: actionStatusNames[u.status] })),
      canEdit,
      saved: (request.query as { saved?: string }).saved === 'yes' && problems.length === 0,
      evidenceAdded:
        (request.query as { evidence?: string }).evidence === 'added' && problems.length === 0,
      // An update from anyone but the lead waits for them before it changes the rating.
      needsApproval: !page.services.strategies.report.mayApprove(request.viewer, status.strategy),
      lead: status.strategy.lead,
      action: strategyHrefs.action(la.code, status.id, row.key),
      form: { date: form.date ?? today, status: form.status, text: form.text ?? '' },
      // Nothing chosen for the officer: the rating is theirs to give (GOV.UK: no pre-selection).
      statusItems: actionStatuses.map((s) => ({
        value: s,
        text: actionStatusNames[s],
        checked: s === form.status,
      })),
      ...(canEdit ? { csrf: reply.generateCsrf() } : {}),
      ...(await evidenceView(page, request, loaded, row.key, forms.evidenceTitle)),
      ...formErrors(problems),
    },
    problems.length ? 400 : 200,
  );
}

/** `/la/:code/strategies/:id/actions/:key`: one action, its updates, and (for officers) a new update. */
export function strategyActionPage(page: Page): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    app.get(
      '/la/:code/strategies/:id/actions/:key',
      {
        schema: routeSchema({ params, query: { saved: key, evidence: key } }),
        config: needs('read-strategy'),
      },
      async (request: Request, reply) =>
        render(
          page,
          request,
          reply,
          await loadStrategy(page, request, `action ${request.params.key}`),
        ),
    );
    app.post(
      '/la/:code/strategies/:id/actions/:key',
      {
        schema: routeSchema({
          params,
          body: { date: field(20), status: key, text: textareaField(5000), ...csrfField },
        }),
        config: needs('edit-la-restricted', { la: 'code' }),
        preHandler: app.csrfProtection,
      },
      async (request: Request, reply) => {
        const loaded = await loadStrategy(page, request, `action ${request.params.key}`);
        findAction(loaded, request.params.key);
        const form = request.body ?? {};
        const by = request.viewer?.displayName ?? 'unknown';
        const read = page.services.strategies.readUpdate(form, by, loaded.today);
        if ('problems' in read)
          return render(page, request, reply, loaded, {
            update: form,
            problems: read.problems.map((p) => ({
              text: p.message,
              href: `#${p.field === 'status' ? 'status' : p.field}`,
            })),
          });
        await page.services.strategies.addUpdate(
          request.viewer,
          actorOf(request),
          loaded.status.id,
          request.params.key,
          read.update,
        );
        return reply.redirect(
          `${strategyHrefs.action(loaded.la.code, loaded.status.id, request.params.key)}?saved=yes`,
          303,
        );
      },
    );
  };
}
