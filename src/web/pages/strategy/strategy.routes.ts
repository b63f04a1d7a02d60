import type { FastifyPluginAsync } from 'fastify';
import { sendRequestedTable, tableView } from '../../layouts/page-frame.js';
import { noDirectionName } from '../../../strategy/labels.js';
import type { StrategyStatus } from '../../../strategy/strategy.service.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { downloadQuery, routeSchema } from '../../route-schemas.js';
import { canonicalUrl } from '../../url.js';
import { strategyHrefs } from '../../urls.js';
import { loadStrategy, strategyParams, type StrategyRequest } from './strategy.load.js';
import { countsTable, priorityCounts, targetsTable, type PriorityCounts } from './strategy.view.js';

const smallCaption = 'govuk-table__caption--s';

/** The counts by priority, then each priority's targets: the page's tables, each downloadable. */
function overviewTables(status: StrategyStatus, counts: PriorityCounts[], file: string) {
  return [
    countsTable(counts, `${file}-summary`),
    ...status.strategy.priorities.map((p) =>
      targetsTable(
        status,
        status.targets.filter((t) => t.priority.key === p.key),
        { id: `targets-${p.key}`, caption: `Targets: ${p.title}`, fileName: `${file}-${p.key}` },
      ),
    ),
  ];
}

/** `/la/:code/strategies/:id`: are we achieving our targets, are we getting better, per priority. */
export function strategyPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/la/:code/strategies/:id',
      {
        schema: routeSchema({ params: strategyParams, query: downloadQuery }),
        config: needs('read-la-restricted', { la: 'code' }),
      },
      async (request: StrategyRequest, reply) => {
        const loaded = await loadStrategy(page, request, 'overview');
        const { la, status, today } = loaded;
        const counts = priorityCounts(status, today);
        const tables = overviewTables(status, counts, `lantern-strategy-${la.code}`);
        if (await sendRequestedTable(request, reply, tables)) return reply;
        const url = canonicalUrl(request);
        const views = tables.map((t, i) => {
          const v = tableView(url, t, { classes: 'govuk-table--small-text-until-tablet' });
          // Under its priority's heading, a priority's table caption is the smaller one.
          return i === 0 ? v : { ...v, govuk: { ...v.govuk, captionClasses: smallCaption } };
        });
        return page.render(reply, 'pages/strategy/strategy.njk', {
          pageTitle: status.strategy.title,
          crumbs: { items: loaded.crumbs.slice(0, 2), collapseOnMobile: true },
          la,
          strategy: status.strategy,
          asOfText: loaded.asOfText,
          total: counts.at(-1),
          noDirectionName,
          summary: views[0],
          priorities: status.strategy.priorities.map((p, i) => ({
            key: p.key,
            title: p.title,
            description: p.description,
            counts: counts[i],
            table: views[i + 1],
            hasTargets: counts[i]!.targets > 0,
          })),
          actionsHref: strategyHrefs.actions(la.code, status.id),
          reportHref: strategyHrefs.report(la.code, status.id),
          historyHref: strategyHrefs.history(la.code, status.id),
          localMeasures: status.strategy.localMeasures.map((m) => ({
            name: m.name,
            values: m.values.length,
            href: strategyHrefs.localMeasure(la.code, status.id, m.code),
          })),
          overdueHref: `${strategyHrefs.actions(la.code, status.id)}?overdue=yes`,
        });
      },
    );
  };
}
