import { formatCount } from '../core/format.js';
import { importOfsted, type OfstedImportSummary } from '../sources/ofsted/ofsted.import.js';
import { requireFile } from '../sources/shared/file-checks.js';
import { silentProgress, stderrProgress } from '../sources/shared/progress.js';
import { withDb, type CliContext } from './context.js';

/** `lantern import ofsted <file or folder>` */
export async function importOfstedCommand(
  ctx: CliContext,
  options: { path: string },
): Promise<void> {
  requireFile(options.path, 'Ofsted management-information file or folder');
  const summary = await withDb(ctx, (db) =>
    importOfsted(db, options.path, {
      progress: ctx.progress ? stderrProgress() : silentProgress,
    }),
  );
  ctx.stdout(formatOfstedSummary(summary));
}

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * "Imported leeds_ofsted_data.csv (release 12)." then a line per file: its layout, rows, and
 * inspections by kind; then what was new to the store.
 */
export function formatOfstedSummary(s: OfstedImportSummary): string {
  const releases = s.files.map((f) => f.releaseId).join(', ');
  const lines = [
    `Imported Ofsted management information from ${s.source} (release${s.files.length === 1 ? '' : 's'} ${releases}).`,
  ];
  for (const f of s.files) {
    const kinds = [
      f.reportCards > 0 ? plural(f.reportCards, 'report card') : '',
      f.graded > 0 ? `${formatCount(f.graded)} graded` : '',
      f.ungraded > 0 ? `${formatCount(f.ungraded)} ungraded` : '',
    ].filter(Boolean);
    const repeated = f.repeated > 0 ? `; ${formatCount(f.repeated)} given again, stored once` : '';
    const encoding = f.encoding === 'windows-1252' ? ', Windows-1252' : '';
    lines.push(
      `  ${f.file} (${f.layoutName}${encoding}): ${plural(f.rowsRead, 'row')}, ${plural(f.graded + f.reportCards + f.ungraded, 'inspection')} (${kinds.join(', ')})${repeated}`,
    );
  }
  if (s.skipped.length > 0)
    lines.push(`Skipped: ${s.skipped.map((k) => `${k.file} (${k.why})`).join('; ')}.`);
  lines.push(
    `Inspections: ${formatCount(s.inspectionsNew)} new, ${formatCount(s.inspectionsUpdated)} updated. Schools new to the register: ${formatCount(s.schoolsNew)}.`,
  );
  if (s.measuresYear)
    lines.push(
      `LA Ofsted measures recomputed: ${s.measuresYear} (see lantern benchmark --measure SCH_OFSTED_GOOD_SCHOOLS).`,
    );
  return `${lines.join('\n')}\n`;
}
