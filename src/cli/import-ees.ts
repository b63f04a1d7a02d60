import { importEes, type EesImportSummary } from '../sources/ees/ees.import.js';
import { requireFile } from '../sources/shared/file-checks.js';
import { silentProgress, stderrProgress } from '../sources/shared/progress.js';
import { withDb, type CliContext } from './context.js';

/** `lantern import ees <csv> --mapping <file>` */
export async function importEesCommand(
  ctx: CliContext,
  options: { csv: string; mapping: string },
): Promise<void> {
  requireFile(options.csv, 'EES data file');
  requireFile(options.mapping, 'Mapping file');
  const summary = await withDb(ctx, (db) =>
    importEes(db, options.csv, options.mapping, {
      progress: ctx.progress ? stderrProgress() : silentProgress,
    }),
  );
  ctx.stdout(formatEesSummary(summary));
}

export function formatEesSummary(s: EesImportSummary): string {
  const lines = [`Imported ${s.file} with mapping ${s.mappingFile} (release ${s.releaseId}).`];
  for (const m of s.measures) {
    const name = m.name ? ` ${m.name}` : '';
    const state = m.defined ? 'defined' : 'existing measure';
    const missing = m.missing > 0 ? `, ${m.missing} without a value` : '';
    const replaced = m.replaced > 0 ? `, replacing ${m.replaced}` : '';
    lines.push(
      `  ${m.code}${name} (${state}): ${m.observations} values for ${m.yearLabels.join(', ') || 'no year'}${missing}${replaced}`,
    );
  }
  const ignored = Object.entries(s.rowsIgnoredByLevel).map(([level, n]) => `${n} ${level}`);
  const skipped = [
    ignored.length > 0 ? `ignored ${ignored.join(', ')}` : '',
    s.rowsExcluded > 0 ? `${s.rowsExcluded} excluded by the mapping` : '',
    s.rowsUnmatched > 0 ? `${s.rowsUnmatched} not matching any entry's filters` : '',
  ].filter(Boolean);
  lines.push(
    `Rows: ${s.rowsRead} read, ${s.rowsUsed} used${skipped.length > 0 ? `; ${skipped.join('; ')}` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}
