import { formatCount } from '../core/format.js';
import {
  importEesSchools,
  type EesSchoolsFileSummary,
  type EesSchoolsImportSummary,
} from '../sources/ees-schools/ees-schools.import.js';
import { requireFile } from '../sources/shared/file-checks.js';
import { silentProgress, stderrProgress } from '../sources/shared/progress.js';
import { withDb, type CliContext } from './context.js';

/** `lantern import ees-schools <file or folder>` */
export async function importEesSchoolsCommand(
  ctx: CliContext,
  options: { path: string },
): Promise<void> {
  requireFile(options.path, 'EES school-level file or folder');
  const summary = await withDb(ctx, (db) =>
    importEesSchools(db, options.path, {
      progress: ctx.progress ? stderrProgress() : silentProgress,
    }),
  );
  ctx.stdout(formatEesSchoolsSummary(summary));
}

export function formatEesSchoolsSummary(s: EesSchoolsImportSummary): string {
  const lines: string[] = [];
  for (const f of s.files) lines.push(...fileLines(f));
  lines.push(`Schools new to the register: ${formatCount(s.schoolsAdded)}.`);
  if (s.skipped.length > 0) lines.push('Not imported:', ...s.skipped.map((x) => `  - ${x}`));
  return `${lines.join('\n')}\n`;
}

function fileLines(f: EesSchoolsFileSummary): string[] {
  const labels = f.guidance ? `, labels from ${f.guidance}` : '';
  const lines = [
    `Imported ${f.file} as ${f.publication} ${f.years.join(', ')} (release ${f.releaseId}${labels}).`,
    `  ${formatCount(f.schools)} schools, ${formatCount(f.totalRows)} England, region or LA rows, ${formatCount(f.columns)} columns: ${formatCount(f.figures)} cells, ${formatCount(f.markers)} of them EES symbols (z, c, x, ...)${f.replaced > 0 ? `, replacing ${formatCount(f.replaced)}` : ''}.`,
  ];
  if (f.textColumns.length > 0) lines.push(`  Kept as text: ${f.textColumns.join(', ')}.`);
  const ignored = Object.entries(f.ignored);
  if (ignored.length > 0)
    lines.push(
      `  Rows at other levels, not imported: ${ignored.map(([level, n]) => `${formatCount(n)} ${level}`).join(', ')}.`,
    );
  return lines;
}
