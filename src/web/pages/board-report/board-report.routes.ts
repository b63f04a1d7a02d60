import contentDisposition from 'content-disposition';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { lanternError } from '../../../core/errors.js';
import { formatDateTime, isIsoDay, todayInEngland } from '../../../core/format.js';
import type { BoardReport } from '../../../reports/board-report.js';
import { boardReportFileName, boardReportFiles } from '../../../reports/board-report.service.js';
import { actorOf, csrfField, field, textareaField } from '../../forms.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { key, routeSchema } from '../../route-schemas.js';
import { strategyHrefs } from '../../urls.js';
import {
  loadStrategy,
  strategyParams,
  type LoadedStrategy,
  type StrategyRequest,
} from '../strategy/strategy.load.js';

type Query = { date?: string; format?: string };
type Body = { date?: string; priority?: string; body?: string };

/** A date the report can be for: a real day, written year-month-day. */
export function reportDate(text: string | undefined): string {
  const t = text?.trim();
  if (!t) return todayInEngland();
  if (!isIsoDay(t))
    throw lanternError(
      'LANTERN_USAGE',
      `"${t}" is not a date: write it as year-month-day, for example 2026-03-31.`,
    );
  return t;
}

function withoutDrafts(r: BoardReport): BoardReport {
  return {
    ...r,
    priorities: r.priorities.map((p) =>
      p.commentary?.status === 'draft' ? { ...p, commentary: null } : p,
    ),
  };
}

const reportHref = (l: LoadedStrategy, date: string) =>
  `${strategyHrefs.report(l.la.code, l.status.id)}?date=${encodeURIComponent(date)}`;

async function show(
  page: Page,
  request: StrategyRequest<object, Query>,
  reply: FastifyReply,
  loaded: LoadedStrategy,
) {
  const reports = page.services.strategies.report;
  const found = await reports.on(request.viewer, loaded.status, loaded.la.name);
  const { edition } = found;
  const mayEdit = loaded.mayEdit;
  // Draft commentary is for the officers writing and approving it, not yet for the board.
  const report = mayEdit || edition ? found.report : withoutDrafts(found.report);
  const format = request.query.format;
  if (format === 'pdf' || format === 'xlsx') {
    const file = boardReportFiles[format];
    return reply
      .type(file.contentType)
      .header('content-disposition', contentDisposition(`${boardReportFileName(report)}.${format}`))
      .send(await file.write(report));
  }
  if (format) throw lanternError('LANTERN_USAGE', `Unknown format "${format}": use pdf or xlsx.`);
  const canEdit = !edition && mayEdit;
  const canApprove = !edition && reports.mayApprove(request.viewer, loaded.status.strategy);
  const href = reportHref(loaded, report.date);
  return page.render(reply, 'pages/board-report/board-report.njk', {
    pageTitle: `${report.title}: board monitoring report`,
    crumbs: { items: loaded.crumbs, collapseOnMobile: true },
    report,
    edition: edition && {
      issuedAt: formatDateTime(edition.issuedAt),
      issuedBy: edition.issuedBy,
      newerFigures: edition.newerFigures,
    },
    editions: await reports.editions(request.viewer, loaded.status.id),
    base: strategyHrefs.report(loaded.la.code, loaded.status.id),
    pdfHref: `${href}&format=pdf`,
    xlsxHref: `${href}&format=xlsx`,
    canEdit,
    canApprove,
    lead: loaded.status.strategy.lead,
    drafts: report.priorities.filter((p) => p.commentary?.status === 'draft').length,
    ...(canEdit ? { csrf: reply.generateCsrf() } : {}),
  });
}

/** `/la/:code/strategies/:id/report?date=&format=pdf|xlsx`: the board's monitoring report, and its sign-off. */
export function boardReportPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/la/:code/strategies/:id/report',
      {
        schema: routeSchema({ params: strategyParams, query: { date: key, format: key } }),
        config: needs('read-la-restricted', { la: 'code' }),
      },
      async (request: StrategyRequest<object, Query>, reply) => {
        const date = reportDate(request.query.date);
        return show(page, request, reply, await loadStrategy(page, request, 'board report', date));
      },
    );
    // Sign-off, each step a form that works without JavaScript and returns to the report.
    const steps = {
      commentary: 'draft commentary',
      approve: 'approve commentary',
      issue: 'issue the report',
    } as const;
    for (const step of Object.keys(steps) as (keyof typeof steps)[]) {
      app.post(
        `/la/:code/strategies/:id/report/${step}`,
        {
          schema: routeSchema({
            params: strategyParams,
            body: { date: field(20), priority: key, body: textareaField(5000), ...csrfField },
          }),
          config: needs('edit-la-restricted', { la: 'code' }),
          preHandler: app.csrfProtection,
        },
        async (request: StrategyRequest<object, object, Body | undefined>, reply) => {
          const form = request.body ?? {};
          const date = reportDate(form.date);
          const loaded = await loadStrategy(page, request, steps[step], date);
          const reports = page.services.strategies.report;
          const signOff = reports.signOff(request.viewer, actorOf(request), loaded.status);
          if (step === 'commentary') {
            const body = form.body?.trim() ?? '';
            if (!body)
              throw lanternError('LANTERN_USAGE', 'Write the commentary before saving it.');
            await signOff.saveCommentary(form.priority ?? '', body);
          } else if (step === 'approve') {
            await signOff.approve(form.priority ?? '');
          } else {
            const { report } = await reports.on(request.viewer, loaded.status, loaded.la.name);
            await signOff.issue(report);
          }
          return reply.redirect(reportHref(loaded, date), 303);
        },
      );
    }
  };
}
