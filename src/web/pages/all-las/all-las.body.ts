/** The all-LAs page body (chart, sortable table, bands and cut points), rendered once per view. */
import { formatNumber, formatRank } from '../../../core/format.js';
import type { MeasureBenchmark } from '../../../benchmarks/benchmark.js';
import type { Area } from '../../../measures/areas.js';
import { tableView } from '../../layouts/page-frame.js';
import { renderTemplate } from '../../render.js';
import type { DataTable } from '../../tables/data-table.js';
import { withSortLinks } from '../../tables/sort-links.js';
import { allLasView, type SortKey, type SortOrder } from './all-las.view.js';

/** The first click on a column sorts it the useful way round: names A–Z, rank 1 first, values best first. */
export function firstOrder(key: SortKey, polarity: 'high' | 'low' | null): SortOrder {
  return key === 'value' && polarity === 'high' ? 'desc' : 'asc';
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

export function renderBody(
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
      head: withSortLinks(
        lasView.govuk.head,
        url,
        { sort, order },
        (i) => view.sortable.get(i),
        (key) => firstOrder(key, m.polarity),
      ),
    },
  };
  const dp = m.decimalPlaces;
  const chosen = view.chosen;
  const body = renderTemplate('pages/all-las/all-las-body.njk', {
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
