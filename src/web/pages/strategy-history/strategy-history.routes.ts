import type { FastifyPluginAsync } from 'fastify';
import type { AuditEvent } from '../../../access/audit.service.js';
import { formatDateTime } from '../../../core/format.js';
import { actionStatusNames, strategyChangeNames } from '../../../strategy/labels.js';
import type { ActionStatus } from '../../../strategy/strategy-schema.js';
import { sendRequestedTable, tableView } from '../../layouts/page-frame.js';
import { needs } from '../../plugins/access.js';
import type { Page } from '../../render.js';
import { downloadQuery, routeSchema } from '../../route-schemas.js';
import type { DataTable } from '../../tables/data-table.js';
import { canonicalUrl } from '../../url.js';
import { loadStrategy, strategyParams, type StrategyRequest } from '../strategy/strategy.load.js';

/** What a change was about, in words: the action's key, the report's date and priority. */
function about(e: AuditEvent): string {
  const d = e.details as {
    date?: string;
    priority?: string;
    status?: string;
    was?: string;
    file?: string;
    title?: string;
    updates?: number;
  };
  const rating = (s: string | undefined) =>
    s && s in actionStatusNames ? actionStatusNames[s as ActionStatus] : (s ?? '?');
  const part = e.targetId?.split('/')[1] ?? '';
  if (e.action === 'strategy.action.update')
    return `${part}: ${rating(d.was)} → ${rating(d.status)} (update of ${d.date ?? '?'})`;
  if (e.action === 'strategy.action.evidence') return `${part}: ${d.title ?? ''} (${d.file ?? ''})`;
  if (e.action === 'strategy.action.approve')
    return `Priority ${d.priority ?? '?'}: ${d.updates ?? '?'} update${d.updates === 1 ? '' : 's'} up to ${d.date ?? '?'}`;
  if (e.action.startsWith('report.commentary'))
    return `Report for ${d.date ?? '?'}, priority ${d.priority ?? '?'}`;
  if (e.action === 'report.issue') return `Report for ${d.date ?? '?'}`;
  if (e.action === 'strategy.import') return d.file ? `From ${d.file}` : '';
  if (e.action === 'strategy.edit') return editAbout(e.details);
  if (e.action === 'strategy.local-values') {
    const values =
      (e.details as { values?: { year: string; value: number; was: number | null }[] }).values ??
      [];
    const code = e.targetId?.split('/')[1] ?? '';
    return `${code}: ${values.map((v) => `${v.year} ${v.was === null ? '' : `${v.was} → `}${v.value}`).join('; ')}`;
  }
  return '';
}

/** "Priorities 2 → 2, targets 3 → 4, actions 4 → 4; 1 progress update added". */
function editAbout(details: Record<string, unknown>): string {
  type Counts = { priorities?: number; targets?: number; actions?: number };
  const {
    before = {},
    after = {},
    addedUpdates = 0,
  } = details as {
    before?: Counts;
    after?: Counts;
    addedUpdates?: number;
  };
  const parts = (['priorities', 'targets', 'actions'] as const).map(
    (k) => `${k} ${before[k] ?? '?'} → ${after[k] ?? '?'}`,
  );
  const added = addedUpdates
    ? `; ${addedUpdates} progress update${addedUpdates === 1 ? '' : 's'} added`
    : '';
  const text = `${parts.join(', ')}${added}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function historyTable(events: AuditEvent[], fileName: string): DataTable {
  return {
    id: 'history',
    caption: 'Changes, newest first',
    fileName,
    columns: [
      { header: 'When (UK time)' },
      { header: 'Who' },
      { header: 'What' },
      { header: 'About' },
    ],
    rows: events.map((e) => [
      { raw: e.at, text: formatDateTime(e.at) },
      { raw: e.actor },
      { raw: strategyChangeNames[e.action] ?? e.action },
      { raw: about(e) },
    ]),
    notes: ['From the Lantern audit log, which cannot be changed or deleted.'],
  };
}

/** `/la/:code/strategies/:id/history`: who changed what in the strategy, and when. */
export function strategyHistoryPage(page: Page): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/la/:code/strategies/:id/history',
      {
        schema: routeSchema({ params: strategyParams, query: downloadQuery }),
        config: needs('read-la-restricted', { la: 'code' }),
      },
      async (request: StrategyRequest, reply) => {
        const loaded = await loadStrategy(page, request, 'history');
        const events = await page.services.strategies.history(loaded.status.id);
        const table = historyTable(events, `lantern-strategy-${loaded.la.code}-history`);
        if (await sendRequestedTable(request, reply, [table])) return reply;
        return page.render(reply, 'pages/strategy-history/strategy-history.njk', {
          pageTitle: `History: ${loaded.status.strategy.title}`,
          crumbs: { items: loaded.crumbs, collapseOnMobile: true },
          la: loaded.la,
          table: events.length ? tableView(canonicalUrl(request), table) : undefined,
        });
      },
    );
  };
}
