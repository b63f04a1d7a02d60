import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { formatNumber } from '../../core/format.js';
import type { Page } from '../app.js';
import { checkChoice, queryString, sendBadChoice } from '../comparison/choices.js';
import { regionView } from '../comparison/region.view.js';
import { govukTableArgs } from '../tables/data-table.js';
import { downloadLinks, requestedDownload, sendTable } from '../tables/download.js';

type Request = FastifyRequest<{
  Params: { code: string; measure: string };
  Querystring: Record<string, unknown>;
}>;

const regionCodePattern = /^9[89]\d$/;

/** Region: `/region/:code/:measure?year=` (980-990, 987/988 Inner/Outer London) and its JSON. */
export function regionRoutes(page: Page): FastifyPluginAsync {
  const { services } = page;

  async function load(request: Request, reply: FastifyReply) {
    const { code, measure } = request.params;
    if (!regionCodePattern.test(code)) return void (await reply.callNotFound());
    const year = queryString(request.query.year);
    const latest = await services.benchmarks.measure(measure, {});
    const bad = checkChoice(
      'year',
      'year',
      year,
      latest.yearLabels.map((y) => ({ value: y, label: y })),
    );
    if (bad) return void (await sendBadChoice(page, request, reply, bad));
    return services.comparison.region(Number(code), latest.measure.code, year);
  }

  return async (app) => {
    app.get('/region/:code/:measure', async (request: Request, reply) => {
      const data = await load(request, reply);
      if (!data) return reply;
      const view = await services.cache.get(
        `view:region:${data.region.code}:${data.measure.code}:${data.yearLabel}`,
        async () => regionView(data),
      );
      const tables = [view.las, view.regions];
      const download = requestedDownload(request.query as { download?: string; table?: string });
      if (download) {
        return (
          (await sendTable(reply, tables, download.format, download.tableId)) ??
          reply.callNotFound()
        );
      }
      const url = request.url;
      return page.render(reply, 'pages/region.njk', {
        data,
        tables: tables.map((t) => ({
          table: t,
          args: govukTableArgs(t, { captionClasses: 'govuk-table__caption--m' }),
          downloads: downloadLinks(url, t),
        })),
        regionValueText: formatNumber(data.region.value, data.measure.decimalPlaces, {
          suppression: data.region.suppression,
        }),
        englandValueText: formatNumber(data.england.value, data.measure.decimalPlaces, {
          suppression: data.england.suppression,
        }),
        formAction: url.split('?')[0],
        links: {
          allLas: `/measure/${encodeURIComponent(data.measure.code)}?year=${encodeURIComponent(data.yearLabel)}`,
          json: `/api/v1${url.split('?')[0]}?year=${encodeURIComponent(data.yearLabel)}`,
        },
      });
    });

    app.get('/api/v1/region/:code/:measure', async (request: Request, reply) => {
      const data = await load(request, reply);
      return data ?? reply;
    });
  };
}
