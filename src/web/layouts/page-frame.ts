/**
 * What every page shows around its content, built one way: title, breadcrumbs, where the data
 * came from (release, file, imported date, year shown), a "How this is calculated" link to
 * /methods and each table with its CSV and XLSX links. Use it in a route:
 *
 *   const frame = await pageFrame(page, request, {
 *     title: 'Somerset: KS2 reading, writing and maths',
 *     breadcrumbs: [{ text: 'Local authorities', href: '/' }, { text: 'Somerset', href: '/la/933' }],
 *     methodsAnchor: 'bands', measure, yearLabel: '2025', tables: [table],
 *   });
 *   if (await sendRequestedTable(request, reply, frame.tables)) return reply;
 *   return page.render(reply, 'pages/x.njk', { frame, ... });
 *
 * and in the template (see pages/la-measure.njk):
 *
 *   {% from "partials/frame.njk" import frameHeader, dataSource %}
 *   {% from "partials/table-with-downloads.njk" import tableWithDownloads %}
 *   {% from "partials/chart.njk" import chart %}
 *   {% set pageTitle = frame.pageTitle %}
 *   {% block beforeContent %}{{ super() }}{{ govukBreadcrumbs(frame.breadcrumbs) }}{% endblock %}
 *   {{ dataSource(frame) }}  {{ tableWithDownloads(frame.tables[0]) }}
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../core/format.js';
import type { Measure } from '../../measures/measure.js';
import type { Page } from '../render.js';
import type { SiteStatus } from '../services/services.js';

type Release = SiteStatus['releases'][number];
import { govukTableArgs, type DataTable } from '../tables/data-table.js';
import { downloadLinks, requestedDownload, sendTable } from '../tables/download.js';
import { canonicalUrl } from '../url.js';

/** Anchors on /methods: the `{#id}` of a heading in docs/methods.md (test/web/methods.web.test.ts). */
export const methodsAnchors = [
  'comparison-set',
  'latest-year',
  'cut-points',
  'bands',
  'rank',
  'neighbours',
  'region-england',
  'change',
  'rounding',
] as const;
export type MethodsAnchor = (typeof methodsAnchors)[number];

export interface Crumb {
  text: string;
  href?: string;
}

/** A DataTable ready for `tableWithDownloads`: govukTable arguments plus its download links. */
export interface TableView {
  table: DataTable;
  govuk: ReturnType<typeof govukTableArgs> & { classes?: string | undefined };
  csv: { href: string; text: string };
  xlsx: { href: string; text: string };
  /** Rendered by components/compact-table (tables of hundreds of rows: the scorecard). */
  compact?: boolean;
}

export interface PageFrame {
  pageTitle: string;
  /** govukBreadcrumbs arguments. */
  breadcrumbs: { items: Crumb[]; collapseOnMobile: boolean };
  /** govukSummaryList rows: source release, file, imported date, year shown, measure source. */
  dataSource: { key: { text: string }; value: { text: string } }[];
  methodsLink: { href: string; text: string };
  tables: TableView[];
}

export interface FrameOptions {
  title: string;
  /** Ancestors of this page, home first (the page itself is not a crumb). */
  breadcrumbs: Crumb[];
  methodsAnchor?: MethodsAnchor;
  /** The measure shown: its release (the imported file) and its publisher's source. */
  measure?: Measure;
  yearLabel?: string;
  tables?: DataTable[];
  /** Classes on every table, e.g. 'govuk-table--small-text-until-tablet'. */
  tableClasses?: string;
  /**
   * The kinds of file the page's figures come from (the school pages: schoolReleaseSources):
   * every release of those is named, instead of the biggest file imported.
   */
  releaseSources?: readonly Release['source'][];
}

/** What the school pages are made from: the school files, or the synthetic demo. */
export const schoolReleaseSources: readonly Release['source'][] = [
  'performance-tables',
  'gias',
  'ofsted',
  'ees-schools',
  'demo',
];

/** One table's view for the page at `url` (the request URL: downloads reproduce the view). */
export function tableView(
  url: string,
  table: DataTable,
  options: { classes?: string; compact?: boolean } = {},
): TableView {
  const links = downloadLinks(url, table);
  return {
    table,
    govuk: { ...govukTableArgs(table), classes: options.classes },
    csv: { href: links.csv, text: `Download '${table.caption}' as CSV` },
    xlsx: { href: links.xlsx, text: `Download '${table.caption}' as XLSX (Excel)` },
    ...(options.compact ? { compact: true } : {}),
  };
}

/** One row per release, newest first: "KS2 2018/19 (850_ks2final.csv), imported 7 December 2026". */
function releaseListRows(releases: Release[]): PageFrame['dataSource'] {
  return [...releases]
    .sort((a, b) => b.id - a.id)
    .map((r) => ({
      key: { text: 'Data release' },
      value: { text: `${r.description} (${r.fileName}), imported ${formatDate(r.importedAt)}` },
    }));
}

function releaseRows(release: Release | undefined): PageFrame['dataSource'] {
  if (!release) return [];
  const imported = formatDate(release.importedAt);
  return [
    { key: { text: 'Data release' }, value: { text: release.description } },
    { key: { text: 'File' }, value: { text: release.fileName } },
    { key: { text: 'Imported' }, value: { text: imported } },
  ];
}

export async function pageFrame(
  page: Page,
  request: FastifyRequest,
  options: FrameOptions,
): Promise<PageFrame> {
  const { site } = page.services;
  const [status, measureReleases] = await Promise.all([
    site.status(),
    options.measure ? site.measureReleaseIds() : undefined,
  ]);
  const releaseId = options.measure ? measureReleases?.get(options.measure.code) : undefined;
  // Without a measure: the biggest file imported (the data, not a neighbour list).
  const release =
    status.releases.find((r) => r.id === releaseId) ??
    [...status.releases].sort((a, b) => b.rowCount - a.rowCount || b.id - a.id)[0];
  const sources = options.releaseSources;
  const dataSource = sources
    ? releaseListRows(status.releases.filter((r) => sources.includes(r.source)))
    : releaseRows(release);
  if (options.measure?.source)
    dataSource.push({ key: { text: 'Published by' }, value: { text: options.measure.source } });
  if (options.yearLabel)
    dataSource.push({ key: { text: 'Year shown' }, value: { text: options.yearLabel } });
  return {
    pageTitle: options.title,
    breadcrumbs: { items: options.breadcrumbs, collapseOnMobile: true },
    dataSource,
    methodsLink: {
      href: `/methods${options.methodsAnchor ? `#${options.methodsAnchor}` : ''}`,
      text: 'How this is calculated',
    },
    tables: (options.tables ?? []).map((t) =>
      tableView(
        canonicalUrl(request),
        t,
        options.tableClasses ? { classes: options.tableClasses } : {},
      ),
    ),
  };
}

/**
 * Answers `?download=csv|xlsx&table=<id>` with that table (404 for an unknown id): true when
 * it answered (the route then returns `reply` and sends nothing more), false when the request
 * is not a download, so the route renders the page.
 */
export async function sendRequestedTable(
  request: FastifyRequest,
  reply: FastifyReply,
  tables: (DataTable | TableView)[],
): Promise<boolean> {
  const wanted = requestedDownload(request.query as { download?: string; table?: string });
  if (!wanted) return false;
  const plain = tables.map((t) => ('table' in t ? t.table : t));
  if (!(await sendTable(reply, plain, wanted.format, wanted.tableId))) reply.callNotFound();
  return true;
}
