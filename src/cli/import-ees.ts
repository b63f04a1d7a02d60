import { importEes, type EesImportSummary } from '../sources/ees/ees.import.js';
import { requireFile } from '../sources/shared/file-checks.js';
import { silentProgress, stderrProgress } from '../sources/shared/progress.js';
import { withDb, type CliContext } from './context.js';
import { formatCount } from '../core/format.js';

/** `lantern import ees <csv> --mapping <file> [--replace]` */
export async function importEesCommand(
  ctx: CliContext,
  options: { csv: string; mapping: string; replace?: boolean },
): Promise<void> {
  requireFile(options.csv, 'EES data file');
  requireFile(options.mapping, 'Mapping file');
  const summary = await withDb(ctx, (db) =>
    importEes(db, options.csv, options.mapping, {
      progress: ctx.progress ? stderrProgress() : silentProgress,
      replace: options.replace ?? false,
    }),
  );
  ctx.stdout(formatEesSummary(summary));
}

const rows = (v: number) => `${formatCount(v)} row${v === 1 ? '' : 's'}`;
/** Filter values named one by one in the summary; the rest are added up. */
const filterReasonsShown = 5;

export function formatEesSummary(s: EesImportSummary): string {
  const lines = [`Imported ${s.file} with mapping ${s.mappingFile} (release ${s.releaseId}).`];
  for (const m of s.measures) {
    const name = m.name ? ` ${m.name}` : '';
    const state = m.defined ? 'defined' : 'existing measure';
    const missing = m.missing > 0 ? `, ${formatCount(m.missing)} without a value` : '';
    const replaced = m.replaced > 0 ? `, replacing ${formatCount(m.replaced)}` : '';
    const removed = m.removed > 0 ? ` (${formatCount(m.removed)} areas removed)` : '';
    lines.push(
      `  ${m.code}${name} (${state}): ${formatCount(m.observations)} values for ${m.yearLabels.join(', ') || 'no year'}${missing}${replaced}${removed}`,
    );
  }
  lines.push(`Rows: ${formatCount(s.rowsRead)} read, ${formatCount(s.rowsUsed)} used.`);
  const skipped = skippedRows(s);
  if (skipped.length > 0) lines.push(`Skipped: ${skipped.join(', ')}.`);
  if (s.removalLines.length > 0)
    lines.push('Removed (--replace):', ...s.removalLines.map((l) => `  - ${l}`));
  return `${lines.join('\n')}\n`;
}

/** "3,210 rows at other geographic levels (Local authority district)", "12 rows with filter sex=Boys"... */
function skippedRows(s: EesImportSummary): string[] {
  const levels = Object.entries(s.rowsIgnoredByLevel).sort((a, b) => b[1] - a[1]);
  const atLevels = levels.reduce((sum, [, v]) => sum + v, 0);
  const levelNames =
    levels.length === 1
      ? levels[0]![0]
      : levels.map(([l, v]) => `${l} ${formatCount(v)}`).join('; ');
  const filters = Object.entries(s.rowsSkippedByFilter).sort((a, b) => b[1] - a[1]);
  const shown = filters.slice(0, filterReasonsShown);
  const others = filters.slice(filterReasonsShown).reduce((sum, [, v]) => sum + v, 0);
  return [
    atLevels > 0 ? `${rows(atLevels)} at other geographic levels (${levelNames})` : '',
    ...shown.map(([reason, v]) => `${rows(v)} with filter ${reason}`),
    others > 0 ? `${rows(others)} with other filter values` : '',
    s.rowsExcluded > 0 ? `${rows(s.rowsExcluded)} excluded by the mapping` : '',
  ].filter(Boolean);
}
