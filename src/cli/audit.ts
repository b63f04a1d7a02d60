import { listAuditEvents } from '../access/audit.service.js';
import { CliUsageError } from './cli-error.js';
import { withDb, type CliContext } from './context.js';
import { renderCsv, renderJson } from './output.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(text: string | undefined, option: string): string | undefined {
  if (text === undefined) return undefined;
  if (!isoDate.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`)))
    throw new CliUsageError(`${option} "${text}" is not a date: write it as YYYY-MM-DD.`);
  return `${text}T00:00:00Z`;
}

/** `lantern audit export [--from DATE] [--to DATE] [--format csv|json]`. */
export async function auditExportCommand(
  ctx: CliContext,
  o: { from?: string | undefined; to?: string | undefined; format: string },
): Promise<void> {
  if (o.format !== 'csv' && o.format !== 'json')
    throw new CliUsageError(`Unknown --format "${o.format}": use csv or json.`);
  const from = parseDate(o.from, '--from');
  const to = parseDate(o.to, '--to');
  const events = await withDb(ctx, (db) =>
    listAuditEvents(db, { ...(from ? { from } : {}), ...(to ? { to } : {}) }),
  );
  if (o.format === 'json') return ctx.stdout(renderJson(events));
  ctx.stdout(
    renderCsv(
      [
        'id',
        'at',
        'actor',
        'actorId',
        'action',
        'targetKind',
        'targetId',
        'details',
        'ip',
        'userAgent',
      ],
      events.map((e) => [
        e.id,
        e.at,
        e.actor,
        e.actorId,
        e.action,
        e.targetKind,
        e.targetId,
        JSON.stringify(e.details),
        e.ip,
        e.userAgent,
      ]),
    ),
  );
}
