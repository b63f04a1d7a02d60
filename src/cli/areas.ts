import { listAreas } from '../measures/areas.repository.js';
import { withDb, type CliContext } from './context.js';
import { parseFormat, renderCsv, renderJson, renderTable } from './output.js';

/** `lantern areas [--format table|json|csv]`: England, regions and LAs with their codes. */
export async function areasCommand(
  ctx: CliContext,
  options: { format?: string | undefined },
): Promise<void> {
  const format = parseFormat(options.format);
  const areas = await withDb(ctx, (db) => listAreas(db));
  const names = new Map(areas.map((a) => [a.code, a.name]));
  if (format === 'json') {
    ctx.stdout(renderJson(areas));
    return;
  }
  const rows = areas.map((a) => ({
    code: a.code,
    gssCode: a.gssCode,
    name: a.name,
    kind: a.kind === 'la' ? 'LA' : a.kind === 'region' ? 'region' : 'England',
    region: a.regionCode === null ? null : (names.get(a.regionCode) ?? String(a.regionCode)),
    status: a.status === 'former' ? `former${a.endedOn ? ` (ended ${a.endedOn})` : ''}` : 'current',
  }));
  if (format === 'csv') {
    ctx.stdout(
      renderCsv(
        ['code', 'gssCode', 'name', 'kind', 'region', 'status'],
        rows.map((r) => [r.code, r.gssCode, r.name, r.kind, r.region, r.status]),
      ),
    );
    return;
  }
  ctx.stdout(
    renderTable(
      [
        { header: 'Code', align: 'right' },
        { header: 'GSS code' },
        { header: 'Name' },
        { header: 'Kind' },
        { header: 'Region' },
        { header: 'Status' },
      ],
      rows.map((r) => [String(r.code), r.gssCode ?? '–', r.name, r.kind, r.region ?? '', r.status]),
    ),
  );
}
