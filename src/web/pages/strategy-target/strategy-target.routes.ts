import type { FastifyPluginAsync } from 'fastify';
import { lanternError } from '../../../core/errors.js';
import { sendRequestedTable, tableView } from '../../layouts/page-frame.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { downloadQuery, key, routeSchema } from '../../route-schemas.js';
import { canonicalUrl } from '../../url.js';
import { loadStrategy, strategyParams, type StrategyRequest } from '../strategy/strategy.load.js';
import {
  tableIntro,
  targetChart,
  targetSummary,
  targetTable,
  type TargetNames,
} from './strategy-target.view.js';

type Request = StrategyRequest<{ key: string }>;

/** `/la/:code/strategies/:id/targets/:key`: one target, why it stands where it does, its figures. */
export function strategyTargetPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/la/:code/strategies/:id/targets/:key',
      {
        schema: routeSchema({ params: { ...strategyParams, key }, query: downloadQuery }),
        config: needs('read-strategy'),
      },
      async (request: Request, reply) => {
        const loaded = await loadStrategy(page, request, `target ${request.params.key}`);
        const { la, status } = loaded;
        const t = status.targets.find((x) => x.key === request.params.key);
        if (!t)
          throw lanternError(
            'LANTERN_STRATEGY_NOT_FOUND',
            'The strategy has no target with that key.',
          );
        // The region's own name for its line and column (as the LA pages name it).
        const areas = await page.services.areas.list();
        const names: TargetNames = {
          la: la.name,
          region: areas.find((a) => a.code === la.regionCode)?.name ?? 'Region',
        };
        const table = targetTable(t, names, `lantern-strategy-${la.code}-${t.key}`);
        if (await sendRequestedTable(request, reply, [table])) return reply;
        const rows = targetSummary(t);
        const chart = targetChart(t, names);
        return page.render(reply, 'pages/strategy-target/strategy-target.njk', {
          pageTitle: `${t.measureEntry.name}: ${t.sentence}`,
          crumbs: { items: loaded.crumbs, collapseOnMobile: true },
          la,
          t,
          rows,
          asOfText: loaded.asOfText,
          chart: chart?.svg,
          table: tableView(canonicalUrl(request), table),
          tableIntro: tableIntro(t),
          hasFigures: table.rows.length > 0,
        });
      },
    );
  };
}
