/**
 * The action tracker's rows: filtered by priority, owner, rating and overdue, sorted by a column
 * (server-side, by query parameter, so it works without JavaScript), and the table itself with a
 * sort link in each header. Pure.
 */
import { formatDate } from '../../../core/format.js';
import { isOverdue, latestUpdate } from '../../../strategy/actions.js';
import { noUpdateYet } from '../../../strategy/labels.js';
import { actionStatusNames } from '../../../strategy/labels.js';
import { actionStatuses } from '../../../strategy/strategy-schema.js';
import type { StrategyStatus } from '../../../strategy/strategy.service.js';
import type { TableView } from '../../layouts/page-frame.js';
import { linkCell } from '../../tables/cells.js';
import type { DataTable } from '../../tables/data-table.js';
import { strategyHrefs } from '../../urls.js';
import { withSortLinks as sortLinks, type SortOrder } from '../../tables/sort-links.js';
import type { ActionRow } from '../strategy/strategy.view.js';

/** The tracker's columns, in order, each sortable by its key. */
export const sortKeys = ['action', 'priority', 'owner', 'due', 'rating', 'update'] as const;
export type SortKey = (typeof sortKeys)[number];
export type { SortOrder };

/** The order with no `?sort=`: the strategy's own order, priority by priority. */
export const defaultSort = { sort: 'priority', order: 'asc' } as const;

export const sortNames: Record<SortKey, string> = {
  action: 'Action',
  priority: 'Priority',
  owner: 'Owner',
  due: 'Due',
  rating: "Owner's rating",
  update: 'Latest update',
};

/** The first click on a column: the newest update first; everything else A–Z, soonest, first. */
export function firstOrder(key: SortKey): SortOrder {
  return key === 'update' ? 'desc' : 'asc';
}

export interface Filters {
  priority?: string | undefined;
  owner?: string | undefined;
  status?: string | undefined;
  overdue?: boolean;
}

export function filterActions(rows: ActionRow[], f: Filters, today: string): ActionRow[] {
  return rows.filter(
    (r) =>
      (!f.priority || r.priorityKey === f.priority) &&
      (!f.owner || r.action.owner.person === f.owner) &&
      (!f.status || r.action.status === f.status) &&
      (!f.overdue || isOverdue(r.action, today)),
  );
}

type SortValue = string | number | null;

function sortValue(r: ActionRow, key: SortKey, priorities: string[]): SortValue {
  const x = r.action;
  switch (key) {
    case 'action':
      return x.title;
    case 'priority':
      return priorities.indexOf(r.priorityKey);
    case 'owner':
      return `${x.owner.person}, ${x.owner.organisation}`;
    case 'due':
      return x.due ?? null;
    case 'rating':
      return actionStatuses.indexOf(x.status);
    case 'update':
      return latestUpdate(x)?.date ?? null;
  }
}

function compare(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en-GB', { sensitivity: 'base' });
}

/**
 * Sorted by one column. An action with no due date or no update is last whichever way; ties
 * keep the strategy's order.
 */
export function sortActions(
  rows: ActionRow[],
  key: SortKey,
  order: SortOrder,
  priorities: string[],
): ActionRow[] {
  const sign = order === 'asc' ? 1 : -1;
  const keyed = rows.map((r, i) => ({ r, i, v: sortValue(r, key, priorities) }));
  keyed.sort((a, b) => {
    if ((a.v === null) !== (b.v === null)) return a.v === null ? 1 : -1;
    return sign * compare(a.v, b.v) || a.i - b.i;
  });
  return keyed.map((k) => k.r);
}

export function actionsTable(
  status: StrategyStatus,
  rows: ActionRow[],
  today: string,
  fileName: string,
): DataTable {
  const la = status.strategy.la;
  return {
    id: 'actions',
    caption: 'Actions',
    fileName,
    columns: sortKeys.map((k) => ({ header: sortNames[k] })),
    rows: rows.map((r) => {
      const x = r.action;
      const overdue = isOverdue(x, today);
      // Approved updates only: one awaiting the lead is on the action's own page.
      const latest = latestUpdate(x);
      return [
        linkCell(x.title, strategyHrefs.action(la, status.id, r.key)),
        { raw: r.priority, classes: 'govuk-body-s' },
        { raw: `${x.owner.person}, ${x.owner.organisation}` },
        {
          raw: x.due ?? '',
          text: `${x.due ? formatDate(x.due) : '–'}${overdue ? ' (overdue)' : ''}`,
          classes: overdue ? 'lantern-nowrap lantern-overdue' : 'lantern-nowrap',
        },
        { raw: actionStatusNames[x.status] },
        {
          raw: latest ? `${latest.date}: ${latest.text}` : noUpdateYet,
          text: latest ? `${formatDate(latest.date)}: ${latest.text}` : noUpdateYet,
          classes: 'govuk-body-s',
        },
      ];
    }),
  };
}

/** The table's view with a sort link in every header and aria-sort on each (no JavaScript). */
export function withSortLinks(
  view: TableView,
  url: string,
  current: { sort: SortKey; order: SortOrder },
) {
  const head = sortLinks(view.govuk.head, url, current, (i) => sortKeys[i], firstOrder);
  return { ...view, govuk: { ...view.govuk, head } };
}
