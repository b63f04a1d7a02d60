import type { FastifyPluginAsync } from 'fastify';
import { actionStatusNames } from '../../../strategy/labels.js';
import { actionStatuses } from '../../../strategy/strategy-schema.js';
import type { StrategyStatus } from '../../../strategy/strategy.service.js';
import { sendRequestedTable, tableView } from '../../layouts/page-frame.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { downloadQuery, key, routeSchema, words } from '../../route-schemas.js';
import { canonicalUrl } from '../../url.js';
import { strategyHrefs } from '../../urls.js';
import { checkChoice, queryString, sendBadChoice } from '../bad-choice/bad-choice.js';
import { loadStrategy, strategyParams, type StrategyRequest } from '../strategy/strategy.load.js';
import { actionsOf } from '../strategy/strategy.view.js';
import {
  actionsTable,
  defaultSort,
  filterActions,
  firstOrder,
  sortActions,
  sortKeys,
  sortNames,
  withSortLinks,
  type SortKey,
  type SortOrder,
} from './strategy-actions.view.js';

type Query = {
  priority?: string;
  owner?: string;
  status?: string;
  overdue?: string;
  sort?: string;
  order?: string;
};

// The order of the canonical URL (and of every link the page makes to itself).
const query = {
  priority: key,
  owner: words(200),
  status: key,
  overdue: key,
  sort: key,
  order: key,
  ...downloadQuery,
};

const sortChoices = sortKeys.map((k) => ({ value: k, label: `Sort by ${sortNames[k]}` }));
const orderChoices = [
  { value: 'asc', label: 'Ascending' },
  { value: 'desc', label: 'Descending' },
];
const ratingChoices = actionStatuses.map((s) => ({ value: s, label: actionStatusNames[s] }));

/** The first of priority, rating, sort and order that the tracker does not offer, if any. */
function badChoice(status: StrategyStatus, q: Query) {
  const priorities = status.strategy.priorities.map((p) => ({ value: p.key!, label: p.title }));
  return (
    checkChoice('priority', 'priority', queryString(q.priority), priorities) ??
    checkChoice('status', "owner's rating", queryString(q.status), ratingChoices) ??
    checkChoice('sort', 'sort column', queryString(q.sort), sortChoices) ??
    checkChoice('order', 'sort order', queryString(q.order), orderChoices)
  );
}

/** The GET form's choices, each with the one chosen now selected. */
function formItems(status: StrategyStatus, q: Query, owners: string[]) {
  const option = (value: string, text: string, chosen?: string) => ({
    value,
    text,
    selected: value === (chosen ?? ''),
  });
  return {
    priorities: [
      option('', 'Any priority', q.priority),
      ...status.strategy.priorities.map((p) => option(p.key!, p.title, q.priority)),
    ],
    owners: [option('', 'Any owner', q.owner), ...owners.map((o) => option(o, o, q.owner))],
    statuses: [
      option('', 'Any rating', q.status),
      ...actionStatuses.map((s) => option(s, actionStatusNames[s], q.status)),
    ],
    overdue: q.overdue === 'yes',
    // A sort chosen by a header link stays when the filters change.
    hidden: [
      ...(q.sort ? [{ name: 'sort', value: q.sort }] : []),
      ...(q.order ? [{ name: 'order', value: q.order }] : []),
    ],
  };
}

/**
 * `/la/:code/strategies/:id/actions?priority=&owner=&status=&overdue=yes&sort=&order=`: the
 * action tracker. Filters and sort are query parameters, so each view has its own address and
 * its downloads give exactly the rows shown, in the order shown.
 */
export function strategyActionsPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/la/:code/strategies/:id/actions',
      {
        schema: routeSchema({ params: strategyParams, query }),
        config: needs('read-strategy'),
      },
      async (request: StrategyRequest<object, Query>, reply) => {
        const loaded = await loadStrategy(page, request, 'actions');
        const { la, status, today } = loaded;
        const q = request.query;
        const bad = badChoice(status, q);
        if (bad) return sendBadChoice(page, request, reply, bad);
        const sort = (queryString(q.sort) ?? defaultSort.sort) as SortKey;
        const order = (queryString(q.order) ??
          (queryString(q.sort) ? firstOrder(sort) : defaultSort.order)) as SortOrder;
        const all = actionsOf(status);
        const filters = { ...q, overdue: q.overdue === 'yes' };
        const priorityKeys = status.strategy.priorities.map((p) => p.key!);
        const shown = sortActions(filterActions(all, filters, today), sort, order, priorityKeys);
        const table = actionsTable(status, shown, today, `lantern-strategy-${la.code}-actions`);
        if (await sendRequestedTable(request, reply, [table])) return reply;
        const url = canonicalUrl(request);
        const owners = [...new Set(all.map((r) => r.action.owner.person))].sort();
        return page.render(reply, 'pages/strategy-actions/strategy-actions.njk', {
          pageTitle: `Actions: ${status.strategy.title}`,
          crumbs: { items: loaded.crumbs, collapseOnMobile: true },
          la,
          base: strategyHrefs.actions(la.code, status.id),
          ...formItems(status, q, owners),
          summary: `${shown.length} of ${all.length} action${all.length === 1 ? '' : 's'}${shown.length < all.length ? ' match' : ''}.`,
          table: shown.length
            ? withSortLinks(tableView(url, table), url, { sort, order })
            : undefined,
        });
      },
    );
  };
}
