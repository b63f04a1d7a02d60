import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { columnKey, filterSchools, type ListFilters } from '../../../schools/la-schools.js';
import type { LaSchoolsList } from '../../../schools/la-schools.service.js';
import { outcomeChoices } from '../../../schools/ofsted-outcome.js';
import {
  pageFrame,
  schoolReleaseSources,
  sendRequestedTable,
  tableView,
} from '../../layouts/page-frame.js';
import { isLaCode } from '../../params.js';
import { openStatistics } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { downloadQuery, key, routeSchema, words } from '../../route-schemas.js';
import { canonicalUrl, withQuery } from '../../url.js';
import { gapsTable } from '../../tables/gap-table.js';
import { schoolHrefs } from '../../urls.js';
import {
  checkChoice,
  queryString,
  sendBadChoice,
  type BadChoice,
} from '../bad-choice/bad-choice.js';
import {
  firstOrder,
  schoolsTable,
  shownColumns,
  sortKeysOf,
  sortSchools,
  withSortHeaders,
  type SortOrder,
} from './la-schools.view.js';

type Query = {
  phase?: string;
  type?: string;
  trust?: string;
  ofsted?: string;
  below?: string;
  attendance?: string;
  closed?: string;
  page?: string;
  sort?: string;
  order?: string;
};

// The order of the canonical URL (and of every link the page makes to itself).
const query = {
  phase: words(),
  type: words(),
  trust: words(),
  ofsted: key,
  below: key,
  attendance: key,
  closed: key,
  sort: key,
  order: key,
  page: key,
  ...downloadQuery,
};

type Request = FastifyRequest<{ Params: { code: string }; Querystring: Query }>;

const distinct = (values: (string | null)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));

/** Every choice the form offers, from the LA's own schools. */
function choicesOf(list: LaSchoolsList) {
  const schools = list.schools.map((s) => s.school);
  return {
    phases: distinct(schools.map((s) => s.phase)),
    types: distinct(schools.map((s) => s.schoolType)),
    trusts: distinct(schools.map((s) => s.trust)),
    below: list.columns.filter((c) => c.figure.polarity !== null),
  };
}

function badChoice(list: LaSchoolsList, q: Query): BadChoice | undefined {
  const c = choicesOf(list);
  const plain = (values: string[]) => values.map((v) => ({ value: v, label: v }));
  return (
    checkChoice('phase', 'phase', queryString(q.phase), plain(c.phases)) ??
    checkChoice('type', 'school type', queryString(q.type), plain(c.types)) ??
    checkChoice('trust', 'trust', queryString(q.trust), plain(c.trusts)) ??
    checkChoice(
      'ofsted',
      'Ofsted outcome',
      queryString(q.ofsted),
      outcomeChoices.map((o) => ({ value: o.key, label: o.label })),
    ) ??
    checkChoice(
      'below',
      'figure',
      queryString(q.below),
      c.below.map((b) => ({ value: columnKey(b.figure), label: b.figure.label })),
    ) ??
    checkChoice('attendance', 'attendance choice', queryString(q.attendance), [
      { value: 'below', label: 'Below the national average' },
    ]) ??
    checkChoice('closed', 'closed-schools choice', queryString(q.closed), [
      { value: 'include', label: 'Include closed schools' },
    ]) ??
    checkChoice('sort', 'sort column', queryString(q.sort), plain(sortKeysOf(list))) ??
    checkChoice('order', 'sort order', queryString(q.order), plain(['asc', 'desc']))
  );
}

function formItems(list: LaSchoolsList, q: Query) {
  const c = choicesOf(list);
  const option = (value: string, text: string, chosen?: string) => ({
    value,
    text,
    selected: value === (chosen ?? ''),
  });
  return {
    phases: [option('', 'Any phase', q.phase), ...c.phases.map((v) => option(v, v, q.phase))],
    types: [option('', 'Any type', q.type), ...c.types.map((v) => option(v, v, q.type))],
    trusts: [
      option('', 'Any trust or none', q.trust),
      ...c.trusts.map((v) => option(v, v, q.trust)),
    ],
    ofsted: [
      option('', 'Any outcome', q.ofsted),
      ...outcomeChoices.map((o) => option(o.key, o.label, q.ofsted)),
    ],
    below: [
      option('', 'No', q.below),
      ...c.below.map((b) =>
        option(columnKey(b.figure), `${b.figure.label} (${b.yearLabel})`, q.below),
      ),
    ],
    attendance: q.attendance === 'below',
    closed: q.closed === 'include',
    hidden: [
      ...(q.sort ? [{ name: 'sort', value: q.sort }] : []),
      ...(q.order ? [{ name: 'order', value: q.order }] : []),
    ],
  };
}

/** "105 of 652 open schools match.", and what to say when none is shown. */
function summaryTexts(shown: number, open: number, all: number, q: Query, laName: string) {
  const which = q.closed === 'include' ? '' : 'open ';
  return {
    summary: `${shown} of ${open} ${which}school${open === 1 ? '' : 's'}${shown < open ? ' match' : ''}.`,
    emptyText: all
      ? 'No school matches these choices.'
      : `Lantern holds no schools for ${laName} yet. Import GIAS or the performance tables to list them.`,
  };
}

/** The LA's own disadvantage gaps (from its total rows), when the files gave any. */
function laGapsTable(list: LaSchoolsList, la: { code: number; name: string }) {
  if (!list.gaps.length) return null;
  const caption = `Disadvantaged pupils and the others: ${la.name}`;
  return gapsTable('gaps', caption, list.gaps, `lantern-gaps-${la.code}`);
}

const perPage = 100;

/** Which hundred schools this page shows, and govukPagination's links; null for a page past the end. */
function pageOf(count: number, raw: string | undefined, url: string) {
  const pages = Math.max(1, Math.ceil(count / perPage));
  const page = raw === undefined ? 1 : /^[1-9]\d{0,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(page >= 1 && page <= pages)) return null;
  const href = (n: number) => withQuery(url, { page: n === 1 ? undefined : String(n) });
  return {
    from: count === 0 ? 0 : (page - 1) * perPage + 1,
    to: Math.min(count, page * perPage),
    count,
    pagination:
      pages === 1
        ? null
        : {
            ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
            ...(page < pages ? { next: { href: href(page + 1) } } : {}),
            items: Array.from({ length: pages }, (_, i) => ({
              number: i + 1,
              href: href(i + 1),
              current: i + 1 === page,
            })),
          },
  };
}

/** Closed schools (GIAS keeps them) only when asked for: an officer works with open ones. */
function openUnlessAsked(list: LaSchoolsList, q: Query) {
  return q.closed === 'include'
    ? list.schools
    : list.schools.filter((s) => s.school.status !== 'Closed');
}

function filtersOf(q: Query): ListFilters {
  const text = (v: string | undefined) => queryString(v);
  return {
    ...(text(q.phase) ? { phase: text(q.phase)! } : {}),
    ...(text(q.type) ? { type: text(q.type)! } : {}),
    ...(text(q.trust) ? { trust: text(q.trust)! } : {}),
    ...(text(q.ofsted) ? { ofsted: text(q.ofsted)! } : {}),
    ...(text(q.below) ? { belowEngland: text(q.below)! } : {}),
    attendanceBelowEngland: q.attendance === 'below',
  };
}

/**
 * `/la/:code/schools?phase=&type=&trust=&ofsted=&below=&attendance=below&sort=&order=`: every
 * school the register places in the LA, with its latest headline figures. Filters and sort are
 * query parameters, so each view has an address and its downloads give exactly the rows shown.
 */
export function laSchoolsPage(page: Page): FastifyPluginAsync {
  const { services } = page;
  return async (app) => {
    app.get(
      '/la/:code/schools',
      { schema: routeSchema({ params: { code: key }, query }), config: openStatistics },
      async (request: Request, reply) => {
        if (!isLaCode(request.params.code)) return reply.callNotFound();
        const la = await services.areas.findLa(request.params.code);
        if (!la || la.kind !== 'la') return reply.callNotFound();
        const list = await services.schools.laList(la.code);
        const q = request.query;
        const bad = badChoice(list, q);
        if (bad) return sendBadChoice(page, request, reply, bad);
        const filters = filtersOf(q);
        const sort = queryString(q.sort) ?? 'name';
        const order = (queryString(q.order) ?? firstOrder(list, sort)) as SortOrder;
        const open = openUnlessAsked(list, q);
        const shown = sortSchools(filterSchools(open, list.columns, filters), sort, order);
        const visible = shownColumns(list, shown);
        // Downloads hold every matching school; the page shows them a hundred at a time.
        const gaps = laGapsTable(list, la);
        const downloads = [schoolsTable(visible, shown, la.name), ...(gaps ? [gaps] : [])];
        if (await sendRequestedTable(request, reply, downloads)) return reply;
        const url = canonicalUrl(request);
        const paging = pageOf(shown.length, queryString(q.page), url);
        if (!paging) return reply.callNotFound();
        const table = schoolsTable(visible, shown.slice(paging.from - 1, paging.to), la.name);
        const frame = await pageFrame(page, request, {
          title: `${la.name}: schools`,
          breadcrumbs: [
            { text: 'Local authorities', href: '/' },
            { text: la.name, href: `/la/${la.code}` },
          ],
          releaseSources: schoolReleaseSources,
        });
        return page.render(reply, 'pages/la-schools/la-schools.njk', {
          frame,
          la,
          base: schoolHrefs.laList(la.code),
          ...formItems(list, q),
          ...summaryTexts(shown.length, open.length, list.schools.length, q, la.name),
          paging,
          gaps: gaps
            ? tableView(url, gaps, { classes: 'govuk-table--small-text-until-tablet' })
            : null,
          table: shown.length
            ? withSortHeaders(
                tableView(url, table, { classes: 'govuk-table--small-text-until-tablet' }),
                withQuery(url, { page: undefined }),
                visible,
                { sort, order },
              )
            : undefined,
        });
      },
    );
  };
}
