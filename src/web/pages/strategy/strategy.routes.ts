import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { sendRequestedTable, tableView } from '../../layouts/page-frame.js';
import type { StrategyStatus } from '../../../strategy/strategy.service.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import type { DataTable } from '../../tables/data-table.js';
import { downloadQuery, key, routeSchema } from '../../route-schemas.js';
import { canonicalUrl, withQuery } from '../../url.js';
import { strategyHrefs } from '../../urls.js';
import {
  loadStrategy,
  strategyParams,
  type LoadedStrategy,
  type StrategyRequest,
} from './strategy.load.js';
import {
  countsTable,
  priorityCounts,
  risksTable,
  targetsTable,
  type PriorityCounts,
} from './strategy.view.js';

const smallCaption = 'govuk-table__caption--s';
const smallText = 'govuk-table--small-text-until-tablet';

/** The counts by priority, then each priority's targets and its risks: each downloadable. */
function overviewTables(status: StrategyStatus, counts: PriorityCounts[], file: string) {
  const priorities = status.strategy.priorities;
  return {
    summary: countsTable(counts, `${file}-summary`),
    targets: priorities.map((p) =>
      targetsTable(
        status,
        status.targets.filter((t) => t.priority.key === p.key),
        { id: `targets-${p.key}`, caption: `Targets: ${p.title}`, fileName: `${file}-${p.key}` },
      ),
    ),
    risks: priorities.map((p) =>
      p.risks.length
        ? risksTable(p.risks, {
            id: `risks-${p.key}`,
            caption: `Risks: ${p.title}`,
            fileName: `${file}-${p.key}-risks`,
          })
        : undefined,
    ),
  };
}

/**
 * Where the overview leads, by who is looking: the tracker for everyone; the board's report and
 * the history for the LA's own staff; editing for officers; publishing for the lead; and
 * "Changes saved" on coming back from an edit (saved=yes).
 */
function overviewLinks(
  page: Page,
  request: StrategyRequest,
  reply: FastifyReply,
  loaded: LoadedStrategy,
) {
  const { la, status } = loaded;
  const code = la.code;
  return {
    actionsHref: strategyHrefs.actions(code, status.id),
    overdueHref: `${strategyHrefs.actions(code, status.id)}?overdue=yes`,
    ...(loaded.audience === 'la'
      ? {
          reportHref: strategyHrefs.report(code, status.id),
          historyHref: strategyHrefs.history(code, status.id),
        }
      : {}),
    published: status.strategy.published,
    ...(page.services.strategies.report.mayApprove(request.viewer, status.strategy)
      ? {
          publishAction: strategyHrefs.publish(code, status.id),
          csrf: reply.generateCsrf(),
        }
      : {}),
    saved: (request.query as { saved?: string }).saved,
    done: (request.query as { done?: string }).done,
    ...(loaded.mayEdit ? { editHref: strategyHrefs.edit(code, status.id) } : {}),
  };
}

/** `/la/:code/strategies/:id`: are we achieving our targets, are we getting better, per priority. */
export function strategyPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/la/:code/strategies/:id',
      {
        schema: routeSchema({
          params: strategyParams,
          query: { ...downloadQuery, saved: key, done: key },
        }),
        config: needs('read-strategy'),
      },
      async (request: StrategyRequest, reply) => {
        const loaded = await loadStrategy(page, request, 'overview');
        const { la, status, today } = loaded;
        const counts = priorityCounts(status, today);
        const tables = overviewTables(status, counts, `lantern-strategy-${la.code}`);
        const all = [
          tables.summary,
          ...tables.targets,
          ...tables.risks.filter((t) => t !== undefined),
        ];
        if (await sendRequestedTable(request, reply, all)) return reply;
        const url = withQuery(canonicalUrl(request), { saved: undefined, done: undefined });
        // Under its priority's heading, a priority's table caption is the smaller one.
        const small = (t: DataTable) => {
          const v = tableView(url, t, { classes: smallText });
          return { ...v, govuk: { ...v.govuk, captionClasses: smallCaption } };
        };
        return page.render(reply, 'pages/strategy/strategy.njk', {
          pageTitle: status.strategy.title,
          crumbs: { items: loaded.crumbs.slice(0, 2), collapseOnMobile: true },
          la,
          strategy: status.strategy,
          asOfText: loaded.asOfText,
          total: counts.at(-1),
          summary: tableView(url, tables.summary, { classes: smallText }),
          priorities: status.strategy.priorities.map((p, i) => ({
            key: p.key,
            title: p.title,
            description: p.description,
            counts: counts[i],
            table: small(tables.targets[i]!),
            risks: tables.risks[i] ? small(tables.risks[i]) : undefined,
            hasTargets: counts[i]!.targets > 0,
            href: strategyHrefs.priority(la.code, status.id, p.key!),
          })),
          ...overviewLinks(page, request, reply, loaded),
          localMeasures: status.strategy.localMeasures.map((m) => ({
            name: m.name,
            values: m.values.length,
            href: strategyHrefs.localMeasure(la.code, status.id, m.code),
          })),
        });
      },
    );
  };
}
