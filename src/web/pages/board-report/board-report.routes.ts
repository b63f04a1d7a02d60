import contentDisposition from 'content-disposition';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { LanternError, lanternError } from '../../../core/errors.js';
import { formatDateTime, isIsoDay, todayInEngland } from '../../../core/format.js';
import type { BoardReport } from '../../../reports/board-report.js';
import { boardReportFileName, boardReportFiles } from '../../../reports/board-report.service.js';
import { updatesAwaitingApproval, type AwaitingUpdate } from '../../../strategy/approval.js';
import { actionStatusNames } from '../../../strategy/labels.js';
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

type Query = { date?: string; format?: string; day?: string; month?: string; year?: string };
type Body = { date?: string; priority?: string; body?: string; confirm?: string };

/** The date input's day, month and year as year-month-day (as typed when not numbers). */
function fromParts(q: Query): string | undefined {
  const [d, m, y] = [q.day, q.month, q.year].map((x) => x?.trim() ?? '');
  if (!d && !m && !y) return q.date;
  if (![d, m, y].every((x) => /^\d+$/.test(x!))) return `${y}-${m}-${d}`;
  return `${y!.padStart(4, '0')}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** A date the report can be for: a real day, written year-month-day. */
export function reportDate(text: string | undefined): string {
  const t = text?.trim();
  if (!t) return todayInEngland();
  if (!isIsoDay(t))
    throw lanternError(
      'LANTERN_USAGE',
      `"${t}" is not a date: give a real day, month and year, for example 31 3 2026.`,
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

/** What a refused sign-off step puts back on the report page: the problem, by its field. */
interface Problem {
  text: string;
  /** The priority whose commentary form it concerns (opened, and the message beside it). */
  priority?: string;
  field?: boolean;
}

/** The refused step's message: in the summary, and beside the commentary it concerns. */
function problemView(problem: Problem | undefined) {
  if (!problem) return {};
  const href = problem.priority ? `#commentary-${problem.priority}` : '#sign-off';
  return {
    problems: [{ text: problem.text, href }],
    openPriority: problem.priority,
    fieldError: problem.field ? problem.text : undefined,
  };
}

async function show(
  page: Page,
  request: StrategyRequest<object, Query>,
  reply: FastifyReply,
  loaded: LoadedStrategy,
  problem?: Problem,
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
  const waiting = edition ? [] : updatesAwaitingApproval(loaded.status.strategy, report.date);
  return page.render(
    reply,
    'pages/board-report/board-report.njk',
    {
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
      awaiting: byPriority(waiting),
      awaitingCount: waiting.length,
      ...problemView(problem),
      ...(canEdit ? { csrf: reply.generateCsrf() } : {}),
    },
    problem ? 400 : 200,
  );
}

function byPriority(waiting: AwaitingUpdate[]) {
  const out: Record<string, (AwaitingUpdate & { rating: string })[]> = {};
  for (const w of waiting)
    (out[w.priorityKey] ??= []).push({ ...w, rating: actionStatusNames[w.update.status] });
  return out;
}

const steps = {
  commentary: 'draft commentary',
  approve: 'approve commentary',
  'approve-updates': 'approve action updates',
  issue: 'issue the report',
} as const;
type Step = keyof typeof steps;

/** One sign-off step; a refusal in the officer's terms goes back on the page beside its field. */
async function signOffStep(
  page: Page,
  request: StrategyRequest<object, object, Body | undefined>,
  reply: FastifyReply,
  step: Step,
) {
  const form = request.body ?? {};
  const date = reportDate(form.date);
  const loaded = await loadStrategy(page, request, steps[step], date);
  const reports = page.services.strategies.report;
  const signOff = reports.signOff(request.viewer, actorOf(request), loaded.status);
  const priority = form.priority ?? '';
  try {
    if (step === 'commentary') {
      const body = form.body?.trim() ?? '';
      if (!body)
        return show(page, request, reply, loaded, {
          text: 'Write the commentary before saving it',
          priority,
          field: true,
        });
      await signOff.saveCommentary(priority, body);
    } else if (step === 'approve') await signOff.approve(priority);
    else if (step === 'approve-updates') await signOff.approveUpdates(priority);
    else {
      const { report, edition } = await reports.on(request.viewer, loaded.status, loaded.la.name);
      if (edition)
        return show(page, request, reply, loaded, {
          text: `The report for ${report.dateText} has been issued: an issued edition never changes.`,
        });
      // Issuing cannot be undone: the first press asks, the second (confirm=yes) issues.
      if (form.confirm !== 'yes')
        return page.render(reply, 'pages/board-report/confirm-issue.njk', {
          pageTitle: `Issue the board report for ${report.dateText}?`,
          crumbs: { items: loaded.crumbs, collapseOnMobile: true },
          report,
          base: strategyHrefs.report(loaded.la.code, loaded.status.id),
          back: reportHref(loaded, date),
          csrf: reply.generateCsrf(),
        });
      await signOff.issue(report);
    }
  } catch (error) {
    if (error instanceof LanternError && error.code === 'LANTERN_USAGE')
      return show(page, request, reply, loaded, { text: error.message });
    throw error;
  }
  return reply.redirect(reportHref(loaded, date), 303);
}

/** `/la/:code/strategies/:id/report?date=&format=pdf|xlsx`: the board's monitoring report, and its sign-off. */
export function boardReportPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/la/:code/strategies/:id/report',
      {
        schema: routeSchema({
          params: strategyParams,
          query: { date: key, format: key, day: key, month: key, year: key },
        }),
        config: needs('read-la-restricted', { la: 'code' }),
      },
      async (request: StrategyRequest<object, Query>, reply) => {
        const date = reportDate(fromParts(request.query));
        return show(page, request, reply, await loadStrategy(page, request, 'board report', date));
      },
    );
    // Sign-off, each step a form that works without JavaScript and returns to the report.
    for (const step of Object.keys(steps) as Step[]) {
      app.post(
        `/la/:code/strategies/:id/report/${step}`,
        {
          schema: routeSchema({
            params: strategyParams,
            body: {
              date: field(20),
              priority: key,
              body: textareaField(5000),
              confirm: key,
              ...csrfField,
            },
          }),
          config: needs('edit-la-restricted', { la: 'code' }),
          preHandler: app.csrfProtection,
        },
        (request: StrategyRequest<object, object, Body | undefined>, reply) =>
          signOffStep(page, request, reply, step),
      );
    }
  };
}
