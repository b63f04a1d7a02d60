import type { FastifyPluginAsync } from 'fastify';
import type { Page } from '../app.js';
import { toCsv } from '../tables/csv.js';
import {
  scorecardCsvHeader,
  scorecardCsvRows,
  scorecardHead,
  scorecardRegion,
  scorecardTables,
} from '../scorecard.view.js';

export function laRoutes(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { code: string }; Querystring: { format?: string } }>(
      '/la/:code',
      async (request, reply) => {
        let raw = request.params.code;
        let csv = request.query.format === 'csv';
        if (raw.toLowerCase().endsWith('.csv')) {
          csv = true;
          raw = raw.slice(0, -4);
        }
        const areas = await page.services.areas.list();
        const la = areas.find(
          (a) => a.kind === 'la' && (String(a.code) === raw || a.gssCode === raw.toUpperCase()),
        );
        if (!la) return reply.callNotFound();
        if (String(la.code) !== raw)
          return reply.redirect(`/la/${la.code}${csv ? '.csv' : ''}`, 301);

        const scorecard = await page.services.benchmarks.scorecard(la.code);
        if (csv) {
          return reply
            .type('text/csv; charset=utf-8')
            .header(
              'content-disposition',
              `attachment; filename="lantern-scorecard-${la.code}.csv"`,
            )
            .send(toCsv(scorecardCsvHeader, scorecardCsvRows(scorecard)));
        }
        const region = areas.find((a) => a.code === la.regionCode);
        return page.render(reply, 'pages/scorecard.njk', {
          la,
          regionName: scorecardRegion(scorecard) ?? region?.name ?? null,
          neighbourSetVersion: scorecard.neighbourSetVersion,
          head: scorecardHead,
          tables: scorecardTables(scorecard),
        });
      },
    );
  };
}
