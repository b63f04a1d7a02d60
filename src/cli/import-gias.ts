import { formatCount } from '../core/format.js';
import { importGias, type GiasImportSummary } from '../sources/gias/gias.import.js';
import { giasKindNames } from '../sources/gias/gias.files.js';
import { requireFile } from '../sources/shared/file-checks.js';
import { silentProgress, stderrProgress } from '../sources/shared/progress.js';
import { withDb, type CliContext } from './context.js';

/** `lantern import gias <file or folder>` */
export async function importGiasCommand(ctx: CliContext, options: { path: string }): Promise<void> {
  requireFile(options.path, 'GIAS file or folder');
  const summary = await withDb(ctx, (db) =>
    importGias(db, options.path, { progress: ctx.progress ? stderrProgress() : silentProgress }),
  );
  ctx.stdout(formatGiasSummary(summary));
}

const count = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

export function formatGiasSummary(s: GiasImportSummary): string {
  const lines = [`Imported ${count(s.files.length, 'GIAS file')} from ${s.source}.`];
  for (const f of s.files) {
    const what =
      f.kind === 'establishments'
        ? `${count(f.rowsRead, 'school')}: ${formatCount(f.schoolsNew)} new, ${formatCount(f.schoolsUpdated)} updated`
        : `${count(f.links, 'link')}, replacing ${formatCount(f.linksBefore)}`;
    lines.push(`  ${f.file} (${giasKindNames[f.kind]}, release ${f.releaseId}): ${what}`);
  }
  if (s.skipped.length > 0)
    lines.push(`Skipped (not a GIAS extract or links file): ${s.skipped.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}
