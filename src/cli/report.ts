/** `lantern report board --strategy ID --format html|pdf|xlsx --out FILE [--date YYYY-MM-DD]`. */
import fs from 'node:fs';
import { boardReportFiles, boardReportOn } from '../reports/board-report.service.js';
import { boardReportHtml } from '../web/pages/board-report/board-report.file.js';
import { CliUsageError } from './cli-error.js';
import { withDb, type CliContext } from './context.js';
import { statusDate } from './strategy.js';

export async function reportBoardCommand(
  ctx: CliContext,
  o: { strategy: string; format: string; out: string; date?: string },
): Promise<void> {
  if (o.format !== 'html' && o.format !== 'pdf' && o.format !== 'xlsx')
    throw new CliUsageError(`Unknown --format "${o.format}": use html, pdf or xlsx.`);
  const date = statusDate(o.date);
  const report = await withDb(ctx, (db) => boardReportOn(db, o.strategy, date));
  const body =
    o.format === 'html' ? boardReportHtml(report) : await boardReportFiles[o.format].write(report);
  fs.writeFileSync(o.out, body);
  ctx.stderr(
    `Wrote ${o.out}: the board report for "${report.title}" on ${report.dateText} (${report.summary.targets} targets, ${report.summary.offTrack} off track).\n`,
  );
}
