import type { FastifyPluginAsync } from 'fastify';
import type { Page } from '../app.js';
import { chartInput, formChoices, measureTable, summaryText } from '../compare/compare.view.js';
import { maxLas, maxMeasures } from '../../benchmarks/compare.js';
import { isEmptyQuery, parseCompareQuery } from '../compare/selection.js';
import { lineChart } from '../charts/line-chart.js';
import { pageFrame, sendRequestedTable } from '../page-frame.js';

/** Where the error summary sends each problem (the first control of the field). */
const fieldAnchor: Record<string, string> = {
  la: '#choose-las',
  group: '#group-regions',
  setlas: '#setlas',
  setname: '#setname',
  measure: '#mq',
  year: '#year',
};

export function compareRoutes(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: Record<string, unknown> }>('/compare', async (request, reply) => {
      const query = request.query;
      const q = parseCompareQuery(query);
      const finding = query.find === '1';
      const { find, compare } = page.services;
      const [areas, allMeasures] = [await find.areas(), await find.measures()];
      const found = q.mq ? await find.measures(q.mq) : [];
      const result = isEmptyQuery(q) || finding ? undefined : await compare.compare(q);

      const url = new URL(request.url, 'http://lantern.local');
      url.searchParams.delete('download');
      url.searchParams.delete('table');
      url.searchParams.delete('find');
      const pageUrl = `${url.pathname}${url.search}`;
      const comparison = result?.ok ? result.comparison : undefined;
      const tables = comparison?.measures.map((mc, i) => measureTable(mc, i, pageUrl)) ?? [];

      const title = comparison
        ? `Comparison: ${comparison.measures.map((m) => m.measure.name).join('; ')}`.slice(0, 150)
        : 'Build your own comparison';
      const frame = await pageFrame(page, request, {
        title,
        breadcrumbs: [{ text: 'Local authorities', href: '/' }],
        methodsAnchor: 'rounding',
        tables,
      });
      if (comparison) {
        const sent = await sendRequestedTable(request, reply, frame.tables);
        if (sent) return sent;
      }
      const downloadWithoutTable = 'download' in query && !comparison;

      const problems = result && !result.ok ? result.problems : [];
      const sections = (comparison?.measures ?? []).map((mc, i) => {
        const chart = chartInput(mc);
        return {
          measure: mc.measure,
          table: frame.tables[i]!,
          chart,
          chartSvg: mc.yearLabels.length ? lineChart(chart).svg : '',
          empty: mc.yearLabels.length === 0,
        };
      });
      return page.render(
        reply,
        'pages/compare.njk',
        {
          frame,
          q,
          fresh: isEmptyQuery(q),
          finding,
          choices: formChoices(q, areas, allMeasures, found),
          problems: problems.map((p) => ({ text: p.message, href: fieldAnchor[p.field] })),
          comparison,
          summary: comparison ? summaryText(comparison) : '',
          sections,
          maxLas,
          maxMeasures,
          pageTitle: title,
        },
        downloadWithoutTable || problems.length ? 400 : 200,
      );
    });
  };
}
