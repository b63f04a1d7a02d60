import type { FastifyPluginAsync } from 'fastify';
import type { Page } from '../../render.js';
import { downloadQuery, key, routeSchema } from '../../route-schemas.js';
import { laMeasureView } from './la-measure.view.js';
import { pageFrame, sendRequestedTable } from '../../layouts/page-frame.js';
import { sendBadChoice } from '../bad-choice/bad-choice.js';
import { laMeasureHref } from '../../urls.js';
import { openStatistics } from '../../plugins/access.js';

/** Where the same LA and measure are compared another way. */
function comparisonLinks(laCode: number, measureCode: string, regionCode: number | null) {
  const code = encodeURIComponent(measureCode);
  return {
    neighbours: `/la/${laCode}/neighbours/${code}`,
    region: regionCode ? `/region/${regionCode}/${code}` : null,
    allLas: `/measure/${code}?la=${laCode}`,
  };
}

type LaMeasureRequest = {
  Params: { code: string; measure: string };
  Querystring: { year?: string; download?: string; table?: string };
};

const schema = routeSchema({
  params: { code: key, measure: key },
  query: { year: key, ...downloadQuery },
});

/** `/la/:code/measure/:measure?year=`: LAIT's LA view of one measure (JSON: api/). */
export function laMeasurePage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get<LaMeasureRequest>(
      '/la/:code/measure/:measure',
      { schema, config: openStatistics },
      async (request, reply) => {
        const la = await page.services.areas.resolveLa(request.params.code);
        const ts = await page.services.laPages.timeSeries(la.code, request.params.measure);
        const m = ts.measure;
        const base = laMeasureHref(la.code, m.code);
        const wanted = request.query.year || ts.latestYearLabel || ts.years.at(-1)!.yearLabel;
        const year = ts.years.find((y) => y.yearLabel === wanted);
        if (!year) {
          const valid = [...ts.years]
            .reverse()
            .map((y) => ({ value: y.yearLabel, label: y.yearLabel }));
          const bad = { parameter: 'year', noun: 'year', given: wanted, valid };
          return sendBadChoice(page, request, reply, bad);
        }
        const view = await page.services.cache.get(
          `la-pages:la-measure-view:${la.code}:${m.code}:${year.yearLabel}`,
          async () => laMeasureView(ts, year),
        );
        if (await sendRequestedTable(request, reply, view.tables)) return reply;
        const frame = await pageFrame(page, request, {
          title: `${la.name}: ${m.name}`,
          breadcrumbs: [
            { text: 'Local authorities', href: '/' },
            { text: la.name, href: `/la/${la.code}` },
          ],
          methodsAnchor: 'bands',
          measure: m,
          yearLabel: year.yearLabel,
          tables: view.tables,
        });
        const regionCode = year.benchmark.regionCode ?? la.regionCode;
        return page.render(reply, 'pages/la-measure/la-measure.njk', {
          frame,
          la,
          measure: m,
          view,
          years: [...ts.years].reverse().map((y) => ({
            value: y.yearLabel,
            text: y.yearLabel,
            selected: y.yearLabel === year.yearLabel,
          })),
          links: comparisonLinks(la.code, m.code, regionCode),
          base,
        });
      },
    );
  };
}
