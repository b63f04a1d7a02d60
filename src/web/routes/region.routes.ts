import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { formatNumber } from '../../core/format.js';
import type { Page } from '../app.js';
import { checkChoice, queryString, sendBadChoice } from '../comparison/choices.js';
import { regionView } from '../comparison/region.view.js';
import { pageFrame, sendRequestedTable } from '../page-frame.js';

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
      const download = await sendRequestedTable(request, reply, tables);
      if (download) return download;
      const m = data.measure;
      const measurePath = encodeURIComponent(m.code);
      const yearQuery = `year=${encodeURIComponent(data.yearLabel)}`;
      const frame = await pageFrame(page, request, {
        title: `${data.region.name}: ${m.name}, ${data.yearLabel}`,
        breadcrumbs: [
          { text: 'Local authorities', href: '/' },
          {
            text: `${m.name}: all local authorities`,
            href: `/measure/${measurePath}?${yearQuery}`,
          },
        ],
        methodsAnchor: 'region-england',
        measure: m,
        yearLabel: data.yearLabel,
        tables,
        tableClasses: 'govuk-table--small-text-until-tablet',
      });
      const dp = m.decimalPlaces;
      return page.render(reply, 'pages/region.njk', {
        frame,
        data,
        regionValueText: formatNumber(data.region.value, dp, {
          suppression: data.region.suppression,
        }),
        englandValueText: formatNumber(data.england.value, dp, {
          suppression: data.england.suppression,
        }),
        formAction: request.url.split('?')[0],
        links: { json: `/api/v1${request.url.split('?')[0]}?${yearQuery}` },
      });
    });

    app.get('/api/v1/region/:code/:measure', async (request: Request, reply) => {
      const data = await load(request, reply);
      return data ?? reply;
    });
  };
}
