import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { formatNumber } from '../../../core/format.js';
import type { Page } from '../../render.js';
import { checkedPageData } from '../bad-choice/bad-choice.js';
import { regionParams, regionQuery } from './region.query.js';
import { isRegionCode } from '../../params.js';
import { downloadQuery, routeSchema } from '../../route-schemas.js';
import { canonicalUrl, pathOf } from '../../url.js';
import { regionView } from './region.view.js';
import { pageFrame, sendRequestedTable } from '../../layouts/page-frame.js';
import { openStatistics } from '../../plugins/access.js';

type Request = FastifyRequest<{
  Params: { code: string; measure: string };
  Querystring: Record<string, unknown>;
}>;

const schema = routeSchema({ ...regionParams, query: { ...regionParams.query, ...downloadQuery } });

/** Region: `/region/:code/:measure?year=` (980-990, 987/988 Inner/Outer London) (JSON: api/). */
export function regionPage(page: Page): FastifyPluginAsync {
  const { services } = page;

  /** The page's data; undefined when a reply (404/400) has been sent. */
  const load = (request: Request, reply: FastifyReply) => {
    const { code, measure } = request.params;
    return checkedPageData(page, request, reply, isRegionCode(code), () =>
      regionQuery(services, Number(code), measure, request.query),
    );
  };

  return async (app) => {
    app.get(
      '/region/:code/:measure',
      { schema, config: openStatistics },
      async (request: Request, reply) => {
        const data = await load(request, reply);
        if (!data) return reply;
        const view = await services.cache.get(
          `view:region:${data.region.code}:${data.measure.code}:${data.yearLabel}`,
          async () => regionView(data),
        );
        const tables = [view.las, view.regions];
        if (await sendRequestedTable(request, reply, tables)) return reply;
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
        return page.render(reply, 'pages/region/region.njk', {
          frame,
          data,
          regionValueText: formatNumber(data.region.value, dp, {
            suppression: data.region.suppression,
          }),
          englandValueText: formatNumber(data.england.value, dp, {
            suppression: data.england.suppression,
          }),
          formAction: pathOf(canonicalUrl(request)),
          links: { json: `/api/v1${pathOf(canonicalUrl(request))}?${yearQuery}` },
        });
      },
    );
  };
}
