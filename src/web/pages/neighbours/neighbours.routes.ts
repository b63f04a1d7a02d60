import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Page } from '../../render.js';
import { isLaCode } from '../../params.js';
import { downloadQuery, routeSchema } from '../../route-schemas.js';
import { checkedPageData } from '../bad-choice/bad-choice.js';
import { neighboursParams, neighboursQuery } from './neighbours.query.js';
import { canonicalUrl, pathOf, withQuery } from '../../url.js';
import { neighboursView } from './neighbours.view.js';
import { pageFrame, sendRequestedTable } from '../../layouts/page-frame.js';
import { openStatistics } from '../../plugins/access.js';

type Request = FastifyRequest<{
  Params: { code: string; measure: string };
  Querystring: Record<string, unknown>;
}>;

const schema = routeSchema({
  ...neighboursParams,
  query: { ...neighboursParams.query, ...downloadQuery },
});

/** Statistical neighbours: `/la/:code/neighbours/:measure?set=&year=` (JSON: api/). */
export function neighboursPage(page: Page): FastifyPluginAsync {
  const { services } = page;

  /** The page's data; undefined when a reply (404/400) has been sent. */
  const load = (request: Request, reply: FastifyReply) => {
    const { code, measure } = request.params;
    return checkedPageData(page, request, reply, isLaCode(code), () =>
      neighboursQuery(services, Number(code), measure, request.query),
    );
  };

  return async (app) => {
    app.get(
      '/la/:code/neighbours/:measure',
      { schema, config: openStatistics },
      async (request: Request, reply) => {
        const data = await load(request, reply);
        if (!data) return reply;
        const view = await services.cache.get(
          `view:neighbours:${data.la.laCode}:${data.measure.code}:${data.yearLabel}:${data.neighbourSet.version}`,
          async () => neighboursView(data),
        );
        if (await sendRequestedTable(request, reply, [view.table])) return reply;
        const m = data.measure;
        const measurePath = encodeURIComponent(m.code);
        const yearQuery = `year=${encodeURIComponent(data.yearLabel)}`;
        const frame = await pageFrame(page, request, {
          title: `${data.la.laName}: statistical neighbours – ${m.name}, ${data.yearLabel}`,
          breadcrumbs: [
            { text: 'Local authorities', href: '/' },
            { text: data.la.laName, href: `/la/${data.la.laCode}` },
            { text: m.name, href: `/la/${data.la.laCode}/measure/${measurePath}` },
          ],
          methodsAnchor: 'neighbours',
          measure: m,
          yearLabel: data.yearLabel,
          tables: [view.table],
          tableClasses: 'govuk-table--small-text-until-tablet lantern-neighbours-table',
        });
        return page.render(reply, 'pages/neighbours/neighbours.njk', {
          frame,
          data,
          view,
          formAction: pathOf(canonicalUrl(request)),
          links: {
            region: data.la.regionCode
              ? `/region/${data.la.regionCode}/${measurePath}?${yearQuery}`
              : null,
            allLas: `/measure/${measurePath}?${yearQuery}&la=${data.la.laCode}`,
            json: withQuery(`/api/v1${canonicalUrl(request)}`, {}),
          },
        });
      },
    );
  };
}
