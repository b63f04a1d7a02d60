/**
 * CSV text for PostgreSQL's COPY … WITH (FORMAT csv) from parallel column arrays: text is always
 * quoted, an empty unquoted field is NULL, numbers are written as the shortest text that reads
 * back as the same float8 (nothing is lost).
 */
export function columnsToCopyCsv(columns: readonly (readonly unknown[])[]): string {
  const rowCount = columns[0]?.length ?? 0;
  const lines = new Array<string>(rowCount);
  for (let i = 0; i < rowCount; i++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) line += ',';
      line += field(columns[c]![i]);
    }
    lines[i] = line;
  }
  return rowCount === 0 ? '' : lines.join('\n') + '\n';
}

function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return `"${String(v).replace(/"/g, '""')}"`;
}
