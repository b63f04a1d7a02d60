import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { pageFrame, sendRequestedTable } from '../../layouts/page-frame.js';
import type { Page } from '../../render.js';
import { downloadQuery, key, routeSchema } from '../../route-schemas.js';
import { checkChoice, queryString, sendBadChoice, yearChoices } from '../bad-choice/bad-choice.js';
import { firstOrder, renderBody } from './all-las.body.js';
import { sortKeys, type SortKey, type SortOrder } from './all-las.view.js';
import { openStatistics } from '../../plugins/access.js';

type Request = FastifyRequest<{
  Params: { measure: string };
  Querystring: Record<string, unknown>;
}>;

const schema = routeSchema({
  params: { measure: key },
  query: { year: key, la: key, sort: key, order: key, ...downloadQuery },
});

/** All LAs: `/measure/:measure?year=&la=&sort=&order=`. Its JSON is /api/v1/measures/:code/benchmark. */
const sortChoices = sortKeys.map((k) => ({ value: k, label: `Sort by ${k}` }));
const orderChoices = [
  { value: 'asc', label: 'Ascending' },
  { value: 'desc', label: 'Descending' },
];

/** The first of year, sort and order that the page does not offer, if any. */
function badChoice(
  yearLabels: string[],
  year: string | undefined,
  sort: string | undefined,
  order: string | undefined,
) {
  return (
    checkChoice('year', 'year', year, yearChoices(yearLabels)) ??
    checkChoice('sort', 'sort column', sort, sortChoices) ??
    checkChoice('order', 'sort order', order, orderChoices)
  );
}

export function allLasPage(page: Page): FastifyPluginAsync {
  const { services } = page;
  return async (app) => {
    /** Everything a request for this URL needs, worked out once per distinct query (one cache read). */
    async function resolve(measure: string, q: Record<string, unknown>) {
      const year = queryString(q.year);
      const laText = queryString(q.la);
      const sortText = queryString(q.sort);
      const orderText = queryString(q.order);
      const key = JSON.stringify([measure, year, laText, sortText, orderText]);
      return services.cache.get(`page:all-las:${key}`, async () => {
        const latest = await services.benchmarks.measure(measure, {});
        const bad = badChoice(latest.yearLabels, year, sortText, orderText);
        if (bad) return { kind: 'bad' as const, bad };
        const areas = await services.areas.list();
        // An unknown LA is a 404 naming the nearest ones (thrown, so nothing is cached for it).
        const la = laText === undefined ? undefined : await services.areas.resolveLa(laText);
        const sort = (sortText ?? 'name') as SortKey;
        const order = (orderText ??
          (sortText ? firstOrder(sort, latest.measure.polarity) : 'asc')) as SortOrder;
        const data =
          year === undefined
            ? latest
            : await services.benchmarks.measure(latest.measure.code, { yearLabel: year });
        // The page body (chart, tables, form) is rendered once per view and cached as HTML:
        // this page is read far more than data changes, and rendering 150 rows is the slow part.
        return {
          kind: 'ok' as const,
          measure: data.measure,
          yearLabel: data.yearLabel,
          ...renderBody(data, areas, la, sort, order),
        };
      });
    }

    app.get(
      '/measure/:measure',
      { schema, config: openStatistics },
      async (request: Request, reply) => {
        const rendered = await resolve(request.params.measure, request.query);
        if (rendered.kind === 'bad') return sendBadChoice(page, request, reply, rendered.bad);
        const data = rendered;
        if (await sendRequestedTable(request, reply, rendered.tables)) return reply;
        const frame = await pageFrame(page, request, {
          title: `${data.measure.name}, ${data.yearLabel}: all local authorities`,
          breadcrumbs: [{ text: 'Local authorities', href: '/' }],
          methodsAnchor: 'bands',
          measure: data.measure,
          yearLabel: data.yearLabel,
        });
        return page.render(reply, 'pages/all-las/all-las.njk', { frame, body: rendered.body });
      },
    );
  };
}
