import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { EditProblem, StrategyText } from '../../../strategy/strategy-edit.service.js';
import { actorOf, csrfField, field, textareaField } from '../../forms.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { routeSchema } from '../../route-schemas.js';
import { strategyHrefs } from '../../urls.js';
import {
  loadStrategy,
  strategyParams,
  type LoadedStrategy,
  type StrategyRequest,
} from '../strategy/strategy.load.js';
import { fieldMessage, formProblems, textareaValue, textId } from './strategy-edit.view.js';

type Request = StrategyRequest<object, object, Partial<StrategyText> | undefined>;

/** The longest text taken, characters: the largest seed strategy is about 40,000. */
const maxText = 200_000;
/**
 * The form's bytes at most: the text %-encoded (a character of a script such as Welsh's ŵ takes up
 * to 9 bytes), above the 16 KB every other form is held to (plugins/sessions.ts).
 */
const bodyLimit = maxText * 9 + 4096;

async function render(
  page: Page,
  request: Request,
  reply: FastifyReply,
  loaded: LoadedStrategy,
  form: StrategyText,
  refused: EditProblem[] = [],
) {
  const { la, status } = loaded;
  const problems = formProblems(refused, form.text);
  return page.render(
    reply,
    'pages/strategy-edit/strategy-edit.njk',
    {
      pageTitle: `Edit ${status.strategy.title}`,
      crumbs: { items: loaded.crumbs, collapseOnMobile: true },
      la,
      title: status.strategy.title,
      action: strategyHrefs.edit(la.code, status.id),
      cancelHref: strategyHrefs.overview(la.code, status.id),
      textId,
      text: textareaValue(form.text),
      version: form.version,
      csrf: reply.generateCsrf(),
      problems,
      fieldMessage: fieldMessage(problems),
      // An update added by anyone but the lead waits for them, as on the action's page.
      needsApproval: !page.services.strategies.report.mayApprove(request.viewer, status.strategy),
      lead: status.strategy.lead,
    },
    problems.length ? 400 : 200,
  );
}

/**
 * `/la/:code/strategies/:id/edit`: the whole strategy as its file text, for an LA officer to
 * change and save, checked exactly as `lantern strategy import` checks a file.
 */
export function strategyEditPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    const url = '/la/:code/strategies/:id/edit';
    const access = needs('edit-la-restricted', { la: 'code' });
    app.get(
      url,
      { schema: routeSchema({ params: strategyParams }), config: access },
      async (request: Request, reply) => {
        const loaded = await loadStrategy(page, request, 'edit');
        const opened = await page.services.strategies.edit.open(request.viewer, loaded.status.id);
        return render(page, request, reply, loaded, opened);
      },
    );
    app.post(
      url,
      {
        schema: routeSchema({
          params: strategyParams,
          body: { text: textareaField(maxText), version: field(100), ...csrfField },
        }),
        bodyLimit,
        config: access,
        preHandler: app.csrfProtection,
      },
      async (request: Request, reply) => {
        const loaded = await loadStrategy(page, request, 'edit');
        const form = { text: request.body?.text ?? '', version: request.body?.version ?? '' };
        const outcome = await page.services.strategies.edit.save(request.viewer, actorOf(request), {
          id: loaded.status.id,
          ...form,
        });
        const back = strategyHrefs.overview(loaded.la.code, loaded.status.id);
        if ('unchanged' in outcome) return reply.redirect(`${back}?saved=unchanged`, 303);
        if (!outcome.saved) return render(page, request, reply, loaded, form, outcome.problems);
        return reply.redirect(`${back}?saved=yes`, 303);
      },
    );
  };
}
