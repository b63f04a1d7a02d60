import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Page } from '../../render.js';
import { downloadQuery, key, routeSchema, words } from '../../route-schemas.js';
import { canonicalUrl, withQuery } from '../../url.js';
import { compareSections, formChoices, summaryText } from './compare.view.js';
import { maxLas, maxMeasures } from '../../../benchmarks/compare.js';
import { compareParams, isEmptyQuery, parseCompareQuery } from './selection.js';
import { pageFrame, sendRequestedTable, tableView } from '../../layouts/page-frame.js';
import { openStatistics } from '../../plugins/access.js';

/** Where the error summary sends each problem (the first control of the field). */
const fieldAnchor: Record<string, string> = {
  la: '#choose-las',
  group: '#group-regions',
  setlas: '#setlas',
  setname: '#setname',
  measure: '#mq',
  year: '#year',
};

const schema = routeSchema({
  query: { ...compareParams, mq: words(), find: key, ...downloadQuery },
});

type Request = FastifyRequest<{ Querystring: Record<string, unknown> }>;

/** `/compare?…`: the form, and the comparison when something is chosen (selection.ts). */
async function showComparison(page: Page, request: Request, reply: FastifyReply) {
  const query = request.query;
  const q = parseCompareQuery(query);
  const finding = query.find === '1';
  const { find, compare } = page.services;
  const [areas, allMeasures] = [await find.areas(), await find.measures()];
  const found = q.mq ? await find.measures(q.mq) : [];
  const result = isEmptyQuery(q) || finding ? undefined : await compare.compare(q);

  const comparison = result?.ok ? result.comparison : undefined;
  const title = comparison
    ? `Comparison: ${comparison.measures.map((m) => m.measure.name).join('; ')}`.slice(0, 150)
    : 'Build your own comparison';
  // Each section carries its own measure, table and chart (nothing paired by position).
  const url = canonicalUrl(request);
  const pageUrl = withQuery(url, { find: undefined });
  const sections = compareSections(comparison, pageUrl).map((s) => ({
    ...s,
    table: tableView(url, s.table),
  }));
  const tables = sections.map((s) => s.table);
  if (comparison && (await sendRequestedTable(request, reply, tables))) return reply;
  const frame = await pageFrame(page, request, {
    title,
    breadcrumbs: [{ text: 'Local authorities', href: '/' }],
    methodsAnchor: 'rounding',
  });
  const downloadWithoutTable = 'download' in query && !comparison;
  const problems = result && !result.ok ? result.problems : [];
  return page.render(
    reply,
    'pages/compare/compare.njk',
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
}

export function comparePage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get('/compare', { schema, config: openStatistics }, (request: Request, reply) =>
      showComparison(page, request, reply),
    );
  };
}
