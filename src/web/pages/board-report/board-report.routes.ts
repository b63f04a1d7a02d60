import contentDisposition from 'content-disposition';
import type { FastifyPluginAsync } from 'fastify';
import { lanternError } from '../../../core/errors.js';
import { todayInEngland } from '../../../core/format.js';
import {
  boardReportFileName,
  boardReportFiles,
  boardReportFrom,
} from '../../../reports/board-report.service.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { key, routeSchema } from '../../route-schemas.js';
import { strategyHrefs } from '../../urls.js';
import { loadStrategy, strategyParams, type StrategyRequest } from '../strategy/strategy.load.js';

type Query = { date?: string; format?: string };

/** A date the report can be for: a real day, written year-month-day. */
function reportDate(text: string | undefined): string {
  const t = text?.trim();
  if (!t) return todayInEngland();
  const d = new Date(`${t}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(t) ||
    Number.isNaN(d.getTime()) ||
    d.toISOString().slice(0, 10) !== t
  )
    throw lanternError(
      'LANTERN_USAGE',
      `"${t}" is not a date: write it as year-month-day, for example 2026-03-31.`,
    );
  return t;
}

/** `/la/:code/strategies/:id/report?date=&format=pdf|xlsx`: the board's monitoring report. */
export function boardReportPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/la/:code/strategies/:id/report',
      {
        schema: routeSchema({ params: strategyParams, query: { date: key, format: key } }),
        config: needs('read-la-restricted', { la: 'code' }),
      },
      async (request: StrategyRequest<object, Query>, reply) => {
        const date = reportDate(request.query.date);
        const loaded = await loadStrategy(page, request, 'board report', date);
        const report = boardReportFrom(loaded.status, loaded.la.name);
        const format = request.query.format;
        if (format === 'pdf' || format === 'xlsx') {
          const file = boardReportFiles[format];
          return reply
            .type(file.contentType)
            .header(
              'content-disposition',
              contentDisposition(`${boardReportFileName(report)}.${format}`),
            )
            .send(await file.write(report));
        }
        if (format)
          throw lanternError('LANTERN_USAGE', `Unknown format "${format}": use pdf or xlsx.`);
        const base = strategyHrefs.report(loaded.la.code, loaded.status.id);
        const q = `date=${encodeURIComponent(date)}`;
        return page.render(reply, 'pages/board-report/board-report.njk', {
          pageTitle: `${report.title}: board monitoring report`,
          crumbs: { items: loaded.crumbs, collapseOnMobile: true },
          report,
          base,
          pdfHref: `${base}?${q}&format=pdf`,
          xlsxHref: `${base}?${q}&format=xlsx`,
        });
      },
    );
  };
}
