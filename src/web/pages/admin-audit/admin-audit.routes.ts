import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { formatCount } from '../../../core/format.js';
import { actorOf } from '../../forms.js';
import { sendRequestedTable, tableView } from '../../layouts/page-frame.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { downloadQuery, routeSchema, words } from '../../route-schemas.js';
import { canonicalUrl } from '../../url.js';
import { formErrors } from '../sign-in/sign-in.view.js';
import {
  auditFilter,
  auditTable,
  downloadLimit,
  shownLimit,
  type AuditQuery,
} from './admin-audit.view.js';

/** `/admin/audit?from=&to=&action=&actor=`: the audit log, newest first, filtered; downloadable. */
export function adminAuditPage(page: Page): FastifyPluginAsync {
  const access = page.services.access;
  return async (app) => {
    app.get(
      '/admin/audit',
      {
        schema: routeSchema({
          query: {
            from: words(20),
            to: words(20),
            action: words(100),
            actor: words(320),
            ...downloadQuery,
          },
        }),
        config: needs('read-audit-log'),
      },
      async (
        request: FastifyRequest<{ Querystring: AuditQuery & { download?: string } }>,
        reply,
      ) => {
        const query = request.query;
        const { filter, problems } = auditFilter(query);
        const render = (context: Record<string, unknown>, status = 200) =>
          page.render(
            reply,
            'pages/admin-audit/admin-audit.njk',
            { query, ...formErrors(problems), ...context },
            status,
          );
        if (problems.length) return render({}, 400);
        const download = query.download !== undefined;
        const limit = download ? downloadLimit : shownLimit;
        const events = await access.auditEvents({ ...filter, newestFirst: true, limit: limit + 1 });
        // Reading the log is itself recorded: who looked, and for what.
        await access.recordRead(
          actorOf(request),
          { kind: 'audit-log', id: 'events' },
          { ...query },
        );
        const table = auditTable(events.slice(0, limit));
        if (await sendRequestedTable(request, reply, [table])) return reply;
        const more = events.length > limit;
        const summary = events.length
          ? `${more ? `The newest ${formatCount(limit)} events` : `${formatCount(events.length)} event${events.length === 1 ? '' : 's'}`}, newest first.${more ? ` Narrow the dates, or download (up to ${formatCount(downloadLimit)}), or use \`lantern audit export\` for all of them.` : ''}`
          : 'No events match.';
        return render({
          table: events.length ? tableView(canonicalUrl(request), table) : undefined,
          summary,
        });
      },
    );
  };
}
