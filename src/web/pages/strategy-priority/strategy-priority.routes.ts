import type { FastifyPluginAsync } from 'fastify';
import { lanternError } from '../../../core/errors.js';
import { sendRequestedTable, tableView } from '../../layouts/page-frame.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import type { DataTable } from '../../tables/data-table.js';
import type { StrategyStatus } from '../../../strategy/strategy.service.js';
import { downloadQuery, key, routeSchema } from '../../route-schemas.js';
import { canonicalUrl } from '../../url.js';
import { strategyHrefs } from '../../urls.js';
import { actionsTable } from '../strategy-actions/strategy-actions.view.js';
import { loadStrategy, strategyParams, type StrategyRequest } from '../strategy/strategy.load.js';
import { actionsOf, priorityCounts, risksTable, targetsTable } from '../strategy/strategy.view.js';

type Request = StrategyRequest<{ priority: string }>;

/** The priority's targets, actions and risks, by the overview's and the tracker's own tables. */
function priorityTables(
  status: StrategyStatus,
  p: StrategyStatus['strategy']['priorities'][number],
  today: string,
  file: string,
): { targets: DataTable; actions: DataTable; risks: DataTable | undefined } {
  const targets = targetsTable(
    status,
    status.targets.filter((t) => t.priority.key === p.key),
    { id: 'targets', caption: 'Targets', fileName: file },
  );
  const actions = actionsTable(
    status,
    actionsOf(status).filter((r) => r.priorityKey === p.key),
    today,
    `${file}-actions`,
  );
  const risks = p.risks.length
    ? risksTable(p.risks, { id: 'risks', caption: 'Risks', fileName: `${file}-risks` })
    : undefined;
  return { targets, actions: { ...actions, id: 'actions', caption: 'Actions' }, risks };
}

/**
 * `/la/:code/strategies/:id/priorities/:priority`: one priority on its own page, for the owners a
 * board holds to account for it: its counts, its targets, its actions and (for the LA's staff)
 * its risks, each table downloadable; the same rules and tables as the overview and the tracker.
 */
export function strategyPriorityPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/la/:code/strategies/:id/priorities/:priority',
      {
        schema: routeSchema({ params: { ...strategyParams, priority: key }, query: downloadQuery }),
        config: needs('read-strategy'),
      },
      async (request: Request, reply) => {
        const loaded = await loadStrategy(page, request, `priority ${request.params.priority}`);
        const { la, status, today } = loaded;
        const index = status.strategy.priorities.findIndex(
          (p) => p.key === request.params.priority,
        );
        const p = status.strategy.priorities[index];
        if (!p)
          throw lanternError(
            'LANTERN_STRATEGY_NOT_FOUND',
            'The strategy has no priority with that key.',
          );
        const { targets, actions, risks } = priorityTables(
          status,
          p,
          today,
          `lantern-strategy-${la.code}-${p.key}`,
        );
        const tables = [
          targets,
          { ...actions, id: 'actions', caption: 'Actions' },
          ...(risks ? [risks] : []),
        ];
        if (await sendRequestedTable(request, reply, tables)) return reply;
        const url = canonicalUrl(request);
        // Each table sits under its own heading: the caption, there for screen readers, is hidden.
        const view = (t: DataTable) => {
          const v = tableView(url, t);
          return { ...v, govuk: { ...v.govuk, captionClasses: 'govuk-visually-hidden' } };
        };
        return page.render(reply, 'pages/strategy-priority/strategy-priority.njk', {
          pageTitle: `${p.title}: ${status.strategy.title}`,
          crumbs: { items: loaded.crumbs, collapseOnMobile: true },
          la,
          strategy: status.strategy,
          priority: p,
          counts: priorityCounts(status, today)[index],
          asOfText: loaded.asOfText,
          targets: targets.rows.length ? view(targets) : undefined,
          actions: actions.rows.length ? view(actions) : undefined,
          risks: risks ? view(risks) : undefined,
          trackerHref: `${strategyHrefs.actions(la.code, status.id)}?priority=${encodeURIComponent(p.key!)}`,
        });
      },
    );
  };
}
