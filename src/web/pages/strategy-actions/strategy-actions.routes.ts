import type { FastifyPluginAsync } from 'fastify';
import { isOverdue } from '../../../strategy/actions.js';
import { actionStatusNames } from '../../../strategy/labels.js';
import { actionStatuses } from '../../../strategy/strategy-schema.js';
import { sendRequestedTable, tableView } from '../../layouts/page-frame.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { downloadQuery, key, routeSchema, words } from '../../route-schemas.js';
import { canonicalUrl } from '../../url.js';
import { strategyHrefs } from '../../urls.js';
import { loadStrategy, strategyParams, type StrategyRequest } from '../strategy/strategy.load.js';
import { actionsOf, actionsTable } from '../strategy/strategy.view.js';

type Filters = { owner?: string; status?: string; overdue?: string };

/** `/la/:code/strategies/:id/actions?owner=&status=&overdue=yes`: the action tracker. */
export function strategyActionsPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/la/:code/strategies/:id/actions',
      {
        schema: routeSchema({
          params: strategyParams,
          query: { owner: words(200), status: key, overdue: key, ...downloadQuery },
        }),
        config: needs('read-la-restricted', { la: 'code' }),
      },
      async (request: StrategyRequest<object, Filters>, reply) => {
        const loaded = await loadStrategy(page, request, 'actions');
        const { la, status, today } = loaded;
        const q = request.query;
        const all = actionsOf(status);
        const owners = [...new Set(all.map((r) => r.action.owner.person))].sort();
        const shown = all.filter(
          (r) =>
            (!q.owner || r.action.owner.person === q.owner) &&
            (!q.status || r.action.status === q.status) &&
            (q.overdue !== 'yes' || isOverdue(r.action, today)),
        );
        const table = actionsTable(status, shown, today, `lantern-strategy-${la.code}-actions`);
        if (await sendRequestedTable(request, reply, [table])) return reply;
        const option = (value: string, text: string, chosen?: string) => ({
          value,
          text,
          selected: value === (chosen ?? ''),
        });
        return page.render(reply, 'pages/strategy-actions/strategy-actions.njk', {
          pageTitle: `Actions: ${status.strategy.title}`,
          crumbs: { items: loaded.crumbs, collapseOnMobile: true },
          la,
          base: strategyHrefs.actions(la.code, status.id),
          owners: [option('', 'Any owner', q.owner), ...owners.map((o) => option(o, o, q.owner))],
          statuses: [
            option('', 'Any rating', q.status),
            ...actionStatuses.map((s) => option(s, actionStatusNames[s], q.status)),
          ],
          overdue: q.overdue === 'yes',
          summary: `${shown.length} of ${all.length} action${all.length === 1 ? '' : 's'}${shown.length < all.length ? ' match' : ''}.`,
          table: shown.length ? tableView(canonicalUrl(request), table) : undefined,
        });
      },
    );
  };
}
