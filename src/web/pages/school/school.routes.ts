import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { formatDate } from '../../../core/format.js';
import { pageFrame, schoolReleaseSources, sendRequestedTable } from '../../layouts/page-frame.js';
import { openStatistics } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { downloadQuery, key, routeSchema } from '../../route-schemas.js';
import { schoolHrefs } from '../../urls.js';
import { schoolView } from './school.view.js';

type Request = FastifyRequest<{ Params: { urn: string }; Querystring: Record<string, unknown> }>;

const schema = routeSchema({ params: { urn: key }, query: { ...downloadQuery } });

/** A URN as the register writes it: digits, at most 7 (GIAS's are 6). */
export function isUrn(raw: string): boolean {
  return /^[1-9]\d{0,6}$/.test(raw);
}

/** School profile: `/school/:urn` (JSON: `lantern school --urn URN --format json`). */
export function schoolPage(page: Page): FastifyPluginAsync {
  const { services } = page;
  return async (app) => {
    app.get('/school/:urn', { schema, config: openStatistics }, async (request: Request, reply) => {
      if (!isUrn(request.params.urn)) return reply.callNotFound();
      const urn = Number(request.params.urn);
      const profile = await services.schools.profile(urn);
      if (!profile) return reply.callNotFound();
      const view = await services.cache.get(`view:school:${urn}`, async () => schoolView(profile));
      const tables = [
        ...view.sections,
        ...(view.gaps ? [view.gaps] : []),
        ...(view.inspections ? [view.inspections] : []),
      ];
      if (await sendRequestedTable(request, reply, tables)) return reply;
      const s = profile.school;
      const la = profile.la;
      const frame = await pageFrame(page, request, {
        title: `${s.name}: school profile`,
        breadcrumbs: [
          { text: 'Local authorities', href: '/' },
          ...(la
            ? [
                { text: la.name, href: `/la/${la.code}` },
                { text: 'Schools', href: schoolHrefs.laList(la.code) },
              ]
            : []),
        ],
        tables,
        tableClasses: 'govuk-table--small-text-until-tablet',
        releaseSources: schoolReleaseSources,
      });
      return page.render(reply, 'pages/school/school.njk', {
        frame,
        school: s,
        la,
        summary: summaryRows(profile),
        predecessors: profile.predecessors.map((x) => ({
          text: `${x.name ?? 'A school'} (URN ${x.urn})`,
          href: schoolHrefs.profile(x.urn),
          how: `${x.linkType}${x.date ? `, ${formatDate(x.date)}` : ''}`,
        })),
        successors: profile.successors.map((x) => ({
          text: `${x.name ?? 'A school'} (URN ${x.urn})`,
          href: schoolHrefs.profile(x.urn),
          how: `${x.linkType}${x.date ? `, ${formatDate(x.date)}` : ''}`,
        })),
        links: { family: schoolHrefs.family(urn), laList: la ? schoolHrefs.laList(la.code) : null },
        hasFigures: profile.sections.length > 0,
      });
    });
  };
}

function summaryRows(p: NonNullable<Awaited<ReturnType<Page['services']['schools']['profile']>>>) {
  const s = p.school;
  const row = (key: string, value: string | number | null) =>
    value === null || value === '' ? [] : [{ key: { text: key }, value: { text: String(value) } }];
  return [
    ...row('URN', s.urn),
    ...row('Local authority', p.la ? `${p.la.name} (${p.la.code})` : null),
    ...row('Phase', s.phase),
    ...row('Type', s.schoolType),
    ...row('Trust', s.trust),
    ...row('Status', s.status),
    ...row('Opened', s.openDate ? formatDate(s.openDate) : null),
    ...row('Closed', s.closeDate ? formatDate(s.closeDate) : null),
    ...row('Ages', s.ageLow !== null && s.ageHigh !== null ? `${s.ageLow} to ${s.ageHigh}` : null),
    ...row('Pupils (GIAS)', s.pupils),
    ...row('Capacity', s.capacity),
  ];
}
