import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { formatNumber, formatRank } from '../../core/format.js';
import type { Page } from '../app.js';
import { allLasView, sortKeys, type SortKey, type SortOrder } from '../comparison/all-las.view.js';
import { withQuery } from '../comparison/cells.js';
import { checkChoice, queryString, sendBadChoice } from '../comparison/choices.js';
import { escapeHtml } from '../html.js';
import { govukTableArgs, type DataTable } from '../tables/data-table.js';
import { downloadLinks, requestedDownload, sendTable } from '../tables/download.js';

type Request = FastifyRequest<{
  Params: { measure: string };
  Querystring: Record<string, unknown>;
}>;

/** The first click on a column sorts it the useful way round: names A–Z, rank 1 first, values best first. */
function firstOrder(key: SortKey, polarity: 'high' | 'low' | null): SortOrder {
  return key === 'value' && polarity === 'high' ? 'desc' : 'asc';
}

/** govukTable arguments with sort links in the sortable headers and aria-sort on each. */
function sortableArgs(
  table: DataTable,
  sortable: Map<number, SortKey>,
  url: string,
  current: { sort: SortKey; order: SortOrder },
  polarity: 'high' | 'low' | null,
) {
  const args = govukTableArgs(table, { captionClasses: 'govuk-table__caption--m' });
  args.head = args.head.map((h, i) => {
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
    } as unknown as (typeof args.head)[number];
  });
  return args;
}

/** All LAs: `/measure/:measure?year=&la=&sort=&order=`. Its JSON is /api/v1/measures/:code/benchmark. */
export function allLasRoutes(page: Page): FastifyPluginAsync {
  const { services } = page;
  return async (app) => {
    app.get('/measure/:measure', async (request: Request, reply) => {
      const q = request.query;
      const year = queryString(q.year);
      const laText = queryString(q.la);
      const sortText = queryString(q.sort);
      const orderText = queryString(q.order);
      const latest = await services.benchmarks.measure(request.params.measure, {});
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
      if (bad) return sendBadChoice(page, request, reply, bad);
      const areas = await services.areas.list();
      const la =
        laText === undefined
          ? undefined
          : areas.find((a) => a.kind === 'la' && String(a.code) === laText);
      if (laText !== undefined && !la) return reply.callNotFound();
      const sort = (sortText ?? 'name') as SortKey;
      const order = (orderText ??
        (sortText ? firstOrder(sort, latest.measure.polarity) : 'asc')) as SortOrder;
      const code = latest.measure.code;
      const data =
        year === undefined ? latest : await services.benchmarks.measure(code, { yearLabel: year });
      const view = await services.cache.get(
        `view:all-las:${JSON.stringify([code, data.yearLabel, la?.code, sort, order])}`,
        async () => allLasView(data, areas, { sort, order, ...(la ? { laCode: la.code } : {}) }),
      );
      const tables = [view.las, view.bands, view.cutPoints].filter(
        (t): t is DataTable => t !== null,
      );
      const download = requestedDownload(q as { download?: string; table?: string });
      if (download) {
        return (
          (await sendTable(reply, tables, download.format, download.tableId)) ??
          reply.callNotFound()
        );
      }
      const url = request.url;
      const small = (t: DataTable | null) =>
        t && {
          table: t,
          args: govukTableArgs(t, { captionClasses: 'govuk-table__caption--s' }),
          downloads: downloadLinks(url, t),
        };
      return page.render(reply, 'pages/all-las.njk', {
        data,
        view,
        la: la ?? null,
        sort,
        order,
        chosenText: view.chosen
          ? `${formatNumber(view.chosen.value, data.measure.decimalPlaces, { suppression: view.chosen.suppression })}` +
            (view.chosen.rank !== null
              ? `, rank ${formatRank(view.chosen.rank, view.chosen.rankOf)}`
              : '') +
            (view.chosen.quartileBand ? `, band ${view.chosen.quartileBand}` : '')
          : null,
        lasArgs: sortableArgs(view.las, view.sortable, url, { sort, order }, data.measure.polarity),
        lasDownloads: downloadLinks(url, view.las),
        bands: small(view.bands),
        cutPoints: small(view.cutPoints),
        laOptions: areas
          .filter((a) => a.kind === 'la' && a.status === 'current')
          .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
        formAction: url.split('?')[0],
        links: {
          json: `/api/v1/measures/${encodeURIComponent(code)}/benchmark?year=${encodeURIComponent(data.yearLabel)}`,
          region: la?.regionCode
            ? `/region/${la.regionCode}/${encodeURIComponent(code)}?year=${encodeURIComponent(data.yearLabel)}`
            : null,
          neighbours: la
            ? `/la/${la.code}/neighbours/${encodeURIComponent(code)}?year=${encodeURIComponent(data.yearLabel)}`
            : null,
        },
      });
    });
  };
}
