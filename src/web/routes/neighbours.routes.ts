import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Page } from '../app.js';
import { checkChoice, queryString, sendBadChoice } from '../comparison/choices.js';
import { withQuery } from '../comparison/cells.js';
import { neighboursView } from '../comparison/neighbours.view.js';
import { pageFrame, sendRequestedTable } from '../page-frame.js';

type Request = FastifyRequest<{
  Params: { code: string; measure: string };
  Querystring: Record<string, unknown>;
}>;

const laCodePattern = /^\d{3}$/;

/** Statistical neighbours: `/la/:code/neighbours/:measure?set=&year=` and its JSON. */
export function neighboursRoutes(page: Page): FastifyPluginAsync {
  const { services } = page;

  /** Validates the choices; undefined when a reply (404/400) has been sent. */
  async function load(request: Request, reply: FastifyReply) {
    const { code, measure } = request.params;
    if (!laCodePattern.test(code)) return void (await reply.callNotFound());
    const year = queryString(request.query.year);
    const set = queryString(request.query.set);
    const [latest, sets] = [
      await services.benchmarks.measure(measure, {}),
      await services.comparison.neighbourSets(),
    ];
    const bad =
      checkChoice(
        'set',
        'statistical-neighbour set',
        set,
        sets.map((s) => ({ value: s.version, label: s.description })),
      ) ??
      checkChoice(
        'year',
        'year',
        year,
        latest.yearLabels.map((y) => ({ value: y, label: y })),
      );
    if (bad) return void (await sendBadChoice(page, request, reply, bad));
    return services.comparison.neighbours(Number(code), latest.measure.code, year, set);
  }

  return async (app) => {
    app.get('/la/:code/neighbours/:measure', async (request: Request, reply) => {
      const data = await load(request, reply);
      if (!data) return reply;
      const view = await services.cache.get(
        `view:neighbours:${data.la.laCode}:${data.measure.code}:${data.yearLabel}:${data.neighbourSet.version}`,
        async () => neighboursView(data),
      );
      const download = await sendRequestedTable(request, reply, [view.table]);
      if (download) return download;
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
      return page.render(reply, 'pages/neighbours.njk', {
        frame,
        data,
        view,
        formAction: request.url.split('?')[0],
        links: {
          region: data.la.regionCode
            ? `/region/${data.la.regionCode}/${measurePath}?${yearQuery}`
            : null,
          allLas: `/measure/${measurePath}?${yearQuery}&la=${data.la.laCode}`,
          json: withQuery(`/api/v1${request.url}`, {}),
        },
      });
    });

    app.get('/api/v1/la/:code/neighbours/:measure', async (request: Request, reply) => {
      const data = await load(request, reply);
      return data ?? reply;
    });
  };
}
