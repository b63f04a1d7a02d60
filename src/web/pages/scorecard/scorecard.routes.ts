import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { renderTemplate } from '../../render.js';
import type { Page } from '../../render.js';
import { downloadQuery, key, routeSchema } from '../../route-schemas.js';
import { pageFrame, sendRequestedTable, tableView } from '../../layouts/page-frame.js';
import { scorecardRegion, scorecardSparklines, scorecardTables } from './scorecard.view.js';
import { downloadLinks, sendTable } from '../../tables/download.js';
import { openStatistics } from '../../plugins/access.js';

/**
 * Scorecard tables for one LA and topic filter, built and rendered once per data version
 * (the all-topics page has ~430 rows; rendering them per request would be slow). Download
 * links use the canonical URL, so the cached markup serves every request.
 */
async function scorecardData(page: Page, laCode: number, topic: string | undefined) {
  const scorecard = await page.services.benchmarks.scorecard(laCode);
  const known = topic === undefined || scorecard.topics.some((t) => t.topic === topic);
  // Keyed by the topic shown, never by what was typed: an unknown topic makes nothing new.
  const shown = known ? topic : undefined;
  const data = await page.services.cache.get(
    `la-pages:scorecard-page:${laCode}:${shown ?? ''}`,
    async () => {
      const history = await page.services.laPages.scorecardHistory(laCode);
      const { topics: tables, whole } = scorecardTables(scorecard, history, shown);
      const url = `/la/${laCode}${shown ? `?topic=${encodeURIComponent(shown)}` : ''}`;
      const views = tables.map((t) =>
        tableView(url, t, {
          classes: 'lantern-scorecard govuk-table--small-text-until-tablet',
          compact: true,
        }),
      );
      return {
        // Not the scorecard itself: it is cached on its own, and counted there (memory-size.ts).
        neighbourSetVersion: scorecard.neighbourSetVersion,
        tables,
        tablesHtml: renderTemplate('pages/scorecard/scorecard-tables.njk', { views }),
        whole,
        // Only the whole table's links are shown: no govukTable copy of its ~4,000 cells.
        wholeLinks: downloadLinks(url, whole),
        topics: scorecard.topics.map((t) => t.topic),
        regionName: scorecardRegion(scorecard),
      };
    },
  );
  return { ...data, known };
}

/**
 * The LA a scorecard address names (a code, a name, an old code), or undefined after a 301 to
 * its canonical address, `/la/<code>` + `suffix` (".csv", "/sparklines.json").
 */
async function laOrRedirect(page: Page, reply: FastifyReply, given: string, suffix = '') {
  const la = await page.services.areas.resolveLa(given);
  if (String(la.code) === given) return la;
  void reply.redirect(`/la/${la.code}${suffix}`, 301); // sent: not awaited (a reply is a thenable)
  return undefined;
}

async function scorecard(
  page: Page,
  request: FastifyRequest<{ Params: { code: string }; Querystring: Record<string, string> }>,
  reply: FastifyReply,
) {
  let raw = request.params.code;
  let csv = request.query.format === 'csv';
  if (raw.toLowerCase().endsWith('.csv')) {
    csv = true;
    raw = raw.slice(0, -4);
  }
  const la = await laOrRedirect(page, reply, raw, csv ? '.csv' : '');
  if (!la) return reply;

  const topic =
    typeof request.query.topic === 'string' && request.query.topic
      ? request.query.topic
      : undefined;
  const data = await scorecardData(page, la.code, topic);
  if (csv) {
    await sendTable(reply, [data.whole], 'csv');
    return reply;
  }
  if (await sendRequestedTable(request, reply, [...data.tables, data.whole])) return reply;

  const frame = await pageFrame(page, request, {
    title: `${la.name} scorecard`,
    breadcrumbs: [{ text: 'Local authorities', href: '/' }],
    methodsAnchor: 'bands',
  });
  const region = (await page.services.areas.list()).find((a) => a.code === la.regionCode);
  return page.render(
    reply,
    'pages/scorecard/scorecard.njk',
    {
      frame,
      la,
      regionName: data.regionName ?? region?.name ?? null,
      neighbourSetVersion: data.neighbourSetVersion,
      topic: data.known ? (topic ?? '') : '',
      topicError: data.known
        ? null
        : `There is no topic called "${topic}". Choose a topic from the list.`,
      topicItems: [
        { value: '', text: 'All topics' },
        ...data.topics.map((t) => ({ value: t, text: t, selected: t === topic })),
      ],
      whole: { csv: { href: data.wholeLinks.csv }, xlsx: { href: data.wholeLinks.xlsx } },
      sparklinesHref: `/la/${la.code}/sparklines.json`,
      tablesHtml: data.tablesHtml,
      hasTables: data.tables.length > 0,
    },
    data.known ? 200 : 400,
  );
}

/**
 * Every sparkline path of an LA's scorecard, keyed by its row's link, for public/sparklines.mjs
 * (one cached answer per LA and data version, ~25 KB, a few KB gzipped).
 */
async function sparklines(
  page: Page,
  request: FastifyRequest<{ Params: { code: string } }>,
  reply: FastifyReply,
) {
  const la = await laOrRedirect(page, reply, request.params.code, '/sparklines.json');
  if (!la) return reply;
  const paths = await page.services.cache.get(`la-pages:sparklines:${la.code}`, async () =>
    scorecardSparklines(
      await page.services.benchmarks.scorecard(la.code),
      await page.services.laPages.scorecardHistory(la.code),
    ),
  );
  return reply.type('application/json; charset=utf-8').send({ laCode: la.code, paths });
}

export function scorecardPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { code: string } }>(
      '/la/:code/sparklines.json',
      { schema: routeSchema({ params: { code: key } }), config: openStatistics },
      (request, reply) => sparklines(page, request, reply),
    );
    app.get<{ Params: { code: string }; Querystring: Record<string, string> }>(
      '/la/:code',
      {
        schema: routeSchema({
          params: { code: key },
          query: { topic: key, format: key, ...downloadQuery },
        }),
        config: openStatistics,
      },
      (request, reply) => scorecard(page, request, reply),
    );
  };
}
