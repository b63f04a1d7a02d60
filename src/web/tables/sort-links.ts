/**
 * Sort links in a table's headers, without JavaScript: each sortable header links to the same
 * view sorted by its column (the first click the useful way round, the next reversing it), and
 * carries aria-sort. The one rule for every sortable table.
 */
import { renderComponent } from '../render.js';
import { withQuery } from '../url.js';
import type { govukTableArgs } from './data-table.js';

export type SortOrder = 'asc' | 'desc';
type Head = ReturnType<typeof govukTableArgs>['head'];
/** A header cell as govukTable takes it: text, or a sort link's HTML with aria-sort. */
export type SortableHeadCell =
  | Head[number]
  | {
      format?: string | undefined;
      classes?: string | undefined;
      html: string;
      attributes: { 'aria-sort': string };
    };

const orderWords = { asc: 'ascending', desc: 'descending' } as const;

/**
 * `sortKeyOf(i)`: column i's sort key, or undefined when it does not sort; `firstOrder(key)`:
 * the way round a first click sorts it.
 */
export function withSortLinks<K extends string>(
  head: Head,
  url: string,
  current: { sort: K; order: SortOrder },
  sortKeyOf: (i: number) => K | undefined,
  firstOrder: (key: K) => SortOrder,
): SortableHeadCell[] {
  return head.map((h, i): SortableHeadCell => {
    const key = sortKeyOf(i);
    if (!key) return h;
    const active = current.sort === key;
    const next: SortOrder = active ? (current.order === 'asc' ? 'desc' : 'asc') : firstOrder(key);
    const html = renderComponent('sortable-header', {
      text: h.text,
      href: withQuery(url, { sort: key, order: next }),
      next: orderWords[next],
      current: active ? orderWords[current.order] : null,
    });
    const ariaSort = active ? orderWords[current.order] : 'none';
    return { format: h.format, classes: h.classes, html, attributes: { 'aria-sort': ariaSort } };
  });
}
