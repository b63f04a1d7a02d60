import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { formatNumber, formatRank } from '../../core/format.js';
import type { Page } from '../app.js';
import { allLasView, sortKeys, type SortKey, type SortOrder } from '../comparison/all-las.view.js';
import { withQuery } from '../comparison/cells.js';
import { checkChoice, queryString, sendBadChoice } from '../comparison/choices.js';
import { escapeHtml } from '../html.js';
import { govukTableArgs, type DataTable } from '../tables/data-table.js';
import type { MeasureBenchmark } from '../../benchmarks/benchmark.js';
import type { Area } from '../../measures/areas.js';
import { pageFrame, sendRequestedTable, tableView } from '../page-frame.js';
import { createViews } from '../views.js';

type Request = FastifyRequest<{
  Params: { measure: string };
  Querystring: Record<string, unknown>;
}>;

/** The first click on a column sorts it the useful way round: names A–Z, rank 1 first, values best first. */
function firstOrder(key: SortKey, polarity: 'high' | 'low' | null): SortOrder {
  return key === 'value' && polarity === 'high' ? 'desc' : 'asc';
}

/** govukTable arguments with sort links in the sortable headers and aria-sort on each. */
function sortableHead(
  head: ReturnType<typeof govukTableArgs>['head'],
  sortable: Map<number, SortKey>,
  url: string,
  current: { sort: SortKey; order: SortOrder },
  polarity: 'high' | 'low' | null,
) {
  return head.map((h, i) => {
    const key = sortable.get(i);
    if (!key) return h;
    const active = current.sort === key;
    const next: SortOrder = active
      ? current.order === 'asc'
        ? 'desc'
        : 'asc'
      : firstOrder(key, polarity);
    const href = withQuery(url, { sort: key, order: next });
    const label = `${escapeHtml(h.text)}<span class="govuk-visually-hidden"> (sort ${next === 'asc' ? 'ascending' : 'descending'})</span>`;
    const arrow = active ? (current.order === 'asc' ? ' ▲' : ' ▼') : '';
    return {
      format: h.format,
      classes: h.classes,
      html: `<a class="govuk-link lantern-sort-link" href="${escapeHtml(href)}">${label}<span aria-hidden="true">${arrow}</span></a>`,
      attributes: {
        'aria-sort': active ? (current.order === 'asc' ? 'ascending' : 'descending') : 'none',
      },
    } as unknown as (typeof head)[number];
  });
}

/** The canonical URL of a view: every choice as a query parameter, so it reproduces the view. */
function canonicalUrl(
  code: string,
  yearLabel: string,
  la: Area | undefined,
  sort: SortKey,
  order: SortOrder,
): string {
  const params = new URLSearchParams({ year: yearLabel });
  if (la) params.set('la', String(la.code));
  params.set('sort', sort);
  params.set('order', order);
  return `/measure/${encodeURIComponent(code)}?${params.toString()}`;
}

function renderBody(
  data: MeasureBenchmark,
  areas: Area[],
  la: Area | undefined,
  sort: SortKey,
  order: SortOrder,
) {
  const view = allLasView(data, areas, { sort, order, ...(la ? { laCode: la.code } : {}) });
  const tables = [view.las, view.bands, view.cutPoints].filter((t): t is DataTable => t !== null);
  const m = data.measure;
  const code = encodeURIComponent(m.code);
  const yearQuery = `year=${encodeURIComponent(data.yearLabel)}`;
  const url = canonicalUrl(m.code, data.yearLabel, la, sort, order);
  const [lasView, ...smallTables] = tables.map((t) =>
    tableView(url, t, { classes: 'govuk-table--small-text-until-tablet' }),
  );
  const lasTable = lasView && {
    ...lasView,
    govuk: {
      ...lasView.govuk,
      head: sortableHead(lasView.govuk.head, view.sortable, url, { sort, order }, m.polarity),
    },
  };
  const dp = m.decimalPlaces;
  const chosen = view.chosen;
  const body = fragments.render('pages/all-las.body.njk', {
    data,
    view,
    la: la ?? null,
    sort,
    order,
    lasTable,
    smallTables,
    chosenText: chosen
      ? formatNumber(chosen.value, dp, { suppression: chosen.suppression }) +
        (chosen.rank !== null ? `, rank ${formatRank(chosen.rank, chosen.rankOf)}` : '') +
        (chosen.quartileBand ? `, band ${chosen.quartileBand}` : '')
      : null,
    laOptions: areas
      .filter((a) => a.kind === 'la' && a.status === 'current')
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    formAction: `/measure/${code}`,
    links: {
      json: `/api/v1/measures/${code}/benchmark?${yearQuery}`,
      region: la?.regionCode ? `/region/${la.regionCode}/${code}?${yearQuery}` : null,
      neighbours: la ? `/la/${la.code}/neighbours/${code}?${yearQuery}` : null,
    },
  });
  return { tables, body };
}

/** Renders the cached page bodies (templates compiled once). */
const fragments = createViews({ production: true });

/** All LAs: `/measure/:measure?year=&la=&sort=&order=`. Its JSON is /api/v1/measures/:code/benchmark. */
export function allLasRoutes(page: Page): FastifyPluginAsync {
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
        const bad =
          checkChoice(
            'year',
            'year',
            year,
            latest.yearLabels.map((y) => ({ value: y, label: y })),
          ) ??
          checkChoice(
            'sort',
            'sort column',
            sortText,
            sortKeys.map((k) => ({ value: k, label: `Sort by ${k}` })),
          ) ??
          checkChoice('order', 'sort order', orderText, [
            { value: 'asc', label: 'Ascending' },
            { value: 'desc', label: 'Descending' },
          ]);
        if (bad) return { kind: 'bad' as const, bad };
        const areas = await services.areas.list();
        const la =
          laText === undefined
            ? undefined
            : areas.find((a) => a.kind === 'la' && String(a.code) === laText);
        if (laText !== undefined && !la) return { kind: 'not-found' as const };
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

    app.get('/measure/:measure', async (request: Request, reply) => {
      const rendered = await resolve(request.params.measure, request.query);
      if (rendered.kind === 'bad') return sendBadChoice(page, request, reply, rendered.bad);
      if (rendered.kind === 'not-found') return reply.callNotFound();
      const data = rendered;
      const download = await sendRequestedTable(request, reply, rendered.tables);
      if (download) return download;
      const frame = await pageFrame(page, request, {
        title: `${data.measure.name}, ${data.yearLabel}: all local authorities`,
        breadcrumbs: [{ text: 'Local authorities', href: '/' }],
        methodsAnchor: 'bands',
        measure: data.measure,
        yearLabel: data.yearLabel,
      });
      return page.render(reply, 'pages/all-las.njk', { frame, body: rendered.body });
    });
  };
}
