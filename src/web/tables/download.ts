import contentDisposition from 'content-disposition';
import type { FastifyReply } from 'fastify';
import { withQuery } from '../url.js';
import { tableToCsv, tableToXlsx, type DataTable, type DownloadFormat } from './data-table.js';

/** The download a request asks for: `?download=csv|xlsx[&table=<id>]` on the page's own URL. */
export function requestedDownload(query: {
  download?: string;
  table?: string;
}): { format: DownloadFormat; tableId?: string } | undefined {
  if (query.download !== 'csv' && query.download !== 'xlsx') return undefined;
  return { format: query.download, ...(query.table ? { tableId: query.table } : {}) };
}

/**
 * Sends one of the page's tables as CSV or XLSX (the first when no id is given). False when
 * the id names no table (nothing sent), so the route can answer 404. A boolean, not the reply:
 * a reply is a thenable, and awaiting one gives undefined, which made routes render the page
 * after the file and log FST_ERR_REP_ALREADY_SENT.
 */
export async function sendTable(
  reply: FastifyReply,
  tables: DataTable[],
  format: DownloadFormat,
  tableId?: string,
): Promise<boolean> {
  const table = tableId === undefined ? tables[0] : tables.find((t) => t.id === tableId);
  if (!table) return false;
  // RFC 6266: a quote or a non-ASCII letter in a measure code cannot break the header. A slash
  // or backslash is no part of a file's name (the library would keep only what follows it).
  const name = `${table.fileName}.${format}`.replace(/[/\\]/g, '-');
  const disposition = contentDisposition(name);
  if (format === 'csv') {
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', disposition)
      .send(tableToCsv(table));
    return true;
  }
  const xlsx = await tableToXlsx(table);
  reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', disposition)
    .send(xlsx);
  return true;
}

/** Links for the page: same URL plus the download parameters, so the file is exactly the view. */
export function downloadLinks(currentUrl: string, table: DataTable): { csv: string; xlsx: string } {
  const link = (download: DownloadFormat) => withQuery(currentUrl, { download, table: table.id });
  return { csv: link('csv'), xlsx: link('xlsx') };
}
