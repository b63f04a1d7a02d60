/** The LA's schools list: filters, sort and the table (downloads give exactly the rows shown). */
import { formatDate } from '../../../core/format.js';
import { columnKey, type ListedSchool } from '../../../schools/la-schools.js';
import type { LaSchoolsList } from '../../../schools/la-schools.service.js';
import { outcomeChoices } from '../../../schools/ofsted-outcome.js';
import type { TableView } from '../../layouts/page-frame.js';
import { downloadFileName, type DataTable } from '../../tables/data-table.js';
import { linkCell, textCell } from '../../tables/cells.js';
import { schoolFigureCell } from '../../tables/school-cells.js';
import { withSortLinks as sortLinks, type SortOrder } from '../../tables/sort-links.js';
import { schoolHrefs } from '../../urls.js';

export type { SortOrder };

/** Sort keys: the register's columns, then each figure column's key (publication:code). */
export function sortKeysOf(list: LaSchoolsList): string[] {
  return [
    'name',
    'urn',
    'phase',
    'type',
    'ofsted',
    ...list.columns.map((c) => columnKey(c.figure)),
  ];
}

/** The way round a first click sorts: names A to Z, figures best first. */
export function firstOrder(list: LaSchoolsList, key: string): SortOrder {
  const column = list.columns.find((c) => columnKey(c.figure) === key);
  if (!column) return 'asc';
  return column.figure.polarity === 'low' ? 'asc' : 'desc';
}

const ofstedRank = new Map(outcomeChoices.map((c, i) => [c.key, i]));

/** Sorted by one column; schools without a figure go last either way round, then by name. */
export function sortSchools(rows: ListedSchool[], key: string, order: SortOrder): ListedSchool[] {
  const sign = order === 'asc' ? 1 : -1;
  const value = (s: ListedSchool): string | number | null => {
    if (key === 'name') return s.school.name.toLowerCase();
    if (key === 'urn') return s.school.urn;
    if (key === 'phase') return s.school.phase;
    if (key === 'type') return s.school.schoolType;
    if (key === 'ofsted') return ofstedRank.get(s.ofsted.key) ?? 99;
    return s.figures[key]?.value ?? null;
  };
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    const c = va < vb ? -1 : va > vb ? 1 : 0;
    return c === 0 ? byName(a, b) : c * sign;
  });
}

function byName(a: ListedSchool, b: ListedSchool): number {
  return a.school.name.localeCompare(b.school.name) || a.school.urn - b.school.urn;
}

/** The figure columns some shown school has a figure in (a list of primaries shows no KS4). */
export function shownColumns(list: LaSchoolsList, rows: ListedSchool[]): LaSchoolsList {
  const columns = list.columns.filter((c) => rows.some((r) => r.figures[columnKey(c.figure)]));
  return { ...list, columns };
}

export function schoolsTable(list: LaSchoolsList, rows: ListedSchool[], laName: string): DataTable {
  return {
    id: 'schools',
    caption: `Schools in ${laName}`,
    columns: [
      { header: 'School' },
      { header: 'URN', numeric: true },
      { header: 'Phase' },
      { header: 'Type' },
      { header: 'Latest Ofsted' },
      ...list.columns.map((c) => ({ header: `${c.figure.short}, ${c.yearLabel}`, numeric: true })),
    ],
    rows: rows.map((s) => [
      linkCell(s.school.name, schoolHrefs.profile(s.school.urn)),
      { raw: s.school.urn },
      textCell(s.school.phase ?? ''),
      textCell(s.school.schoolType ?? ''),
      {
        raw: s.ofsted.short,
        text: s.inspectedOn ? `${s.ofsted.short} (${formatDate(s.inspectedOn)})` : s.ofsted.short,
      },
      ...list.columns.map((c) =>
        schoolFigureCell(c.figure, s.figures[columnKey(c.figure)] ?? null),
      ),
    ]),
    fileName: downloadFileName(`lantern-schools-${list.laCode}`),
    notes: [
      'Source: DfE performance tables, GIAS and Ofsted management information, as imported into Lantern.',
      'Suppressed figures carry the code the DfE published (SUPP, NE, ...).',
    ],
  };
}

export function withSortHeaders(
  view: TableView,
  url: string,
  list: LaSchoolsList,
  current: { sort: string; order: SortOrder },
) {
  const keys = sortKeysOf(list);
  const head = sortLinks(
    view.govuk.head,
    url,
    current,
    (i) => keys[i],
    (k) => firstOrder(list, k),
  );
  return { ...view, govuk: { ...view.govuk, head } };
}
