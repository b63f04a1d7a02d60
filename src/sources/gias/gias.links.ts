import type { SchoolLink } from '../../schools/register.repository.js';
import { parseCsvTable, requireColumns, type CsvTable } from '../shared/csv-table.js';
import { emptyFileError } from '../shared/file-checks.js';
import type { ProblemCollector } from '../shared/problems.js';
import { GiasRow } from './gias.cells.js';
import { urnRange } from './gias.extract.js';
import { giasSource, type GiasFile } from './gias.files.js';

export const linkColumns = {
  urn: ['URN', 'the school'],
  linkedUrn: ['LinkURN', 'the school it is linked to'],
  linkedName: ['LinkName', "the linked school's name"],
  linkType: ['LinkType', 'Predecessor, Successor, ...'],
  established: ['LinkEstablishedDate', 'when the link took effect'],
} as const;

const c = {
  urn: linkColumns.urn[0],
  linkedUrn: linkColumns.linkedUrn[0],
  linkedName: linkColumns.linkedName[0],
  linkType: linkColumns.linkType[0],
  established: linkColumns.established[0],
};

/**
 * The links file's rows as published: one per school, linked school and link type (GIAS
 * publishes both sides of most links, each as its own row). Every bad cell is a problem.
 */
export function readLinks(
  f: GiasFile,
  problems: ProblemCollector,
  onRow: (done: number) => void = () => {},
): { table: CsvTable; links: SchoolLink[] } {
  const table = parseCsvTable(f.text, f.file, { source: giasSource });
  requireColumns(
    table,
    f.file,
    Object.values(linkColumns).map(([column, why]) => ({ column, why })),
    `Use the GIAS links file as downloaded ${giasSource}.`,
  );
  if (table.rows.length === 0) throw emptyFileError(f.file, 'has a header but no links');
  const links: SchoolLink[] = [];
  const rowOfLink = new Map<string, number>();
  for (let i = 0; i < table.rows.length && !problems.full; i++) {
    const row = new GiasRow(table.rows[i]!, i + 2, problems);
    const link = readLink(row);
    const key = link && `${link.urn} ${link.linkedUrn} ${link.linkType}`;
    if (key && rowOfLink.has(key))
      row.problem(
        c.linkType,
        `one row per URN, LinkURN and LinkType (row ${rowOfLink.get(key)} is the same link)`,
      );
    else if (link && key) {
      rowOfLink.set(key, row.row);
      links.push(link);
    }
    if (i % 1000 === 0) onRow(i);
  }
  onRow(table.rows.length);
  return { table, links };
}

function readLink(row: GiasRow): SchoolLink | null {
  const urn = row.whole(c.urn, urnRange, true);
  const linkedUrn = row.whole(c.linkedUrn, urnRange, true);
  const linkType = row.requiredText(c.linkType, 'the kind of link (Predecessor, Successor, ...)');
  const link = {
    linkedName: row.text(c.linkedName),
    establishedOn: row.date(c.established),
  };
  if (urn === null || linkedUrn === null || linkType === null) return null;
  return { urn, linkedUrn, linkType, ...link };
}
