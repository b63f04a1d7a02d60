import fs from 'node:fs';
import path from 'node:path';
import { lanternError } from '../core/errors.js';
import { importLait, type LaitImportSummary } from '../sources/lait/lait.import.js';
import { silentProgress, stderrProgress } from '../sources/shared/progress.js';
import { withDb, type CliContext } from './context.js';
import { formatCount } from '../core/format.js';

/** `lantern import lait <folder> [--replace]`: imports the LAIT files and prints what was loaded. */
export async function importLaitCommand(
  ctx: CliContext,
  options: { folder: string; replace?: boolean | undefined },
): Promise<void> {
  const folder = path.resolve(options.folder);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw lanternError('LANTERN_FILE_NOT_FOUND', `Folder not found: ${options.folder}`, {
      hint: 'Give the folder holding bds_long_0.parquet, lait_data_dictionary.csv and sn_*.xlsx (for example ../shared/data/lait).',
    });
  }
  const summary = await withDb(ctx, (db) =>
    importLait(db, folder, {
      progress: ctx.progress ? stderrProgress() : silentProgress,
      replace: options.replace ?? false,
    }),
  );
  ctx.stdout(describeSummary(summary));
}

const secs = (ms: number) => (ms / 1000).toFixed(1);

export function describeSummary(s: LaitImportSummary): string {
  const lines = [
    `Imported LAIT data in ${secs(s.durationMs)} s (reading and checking ${secs(s.timings.readMs)} s, writing ${secs(s.timings.loadMs)} s, benchmarks ${secs(s.timings.benchmarksMs)} s).`,
    `  Measures:       ${formatCount(s.measures)}`,
    `  Observations:   ${formatCount(s.observations)} (${formatCount(s.observationsWithValue)} with a value, the rest missing or suppressed)`,
    `  Years:          ${s.firstYear ?? '-'} to ${s.lastYear ?? '-'} (${formatCount(s.yearLabels)} year labels)`,
    `  LAs:            ${formatCount(s.las)}`,
    `  Neighbour sets: ${s.neighbourSets.map((x) => `${x.version} (${x.las} LAs)`).join(', ')}`,
  ];
  if (s.undocumentedMeasures.length > 0) {
    lines.push(
      `  Not imported:   ${s.undocumentedMeasures.length} measures in the data file have no dictionary row (${s.undocumentedMeasures.map((m) => m.code).join(', ')})`,
    );
  }
  if (s.rowsWithoutYear > 0)
    lines.push(
      `  Skipped:        ${formatCount(s.rowsWithoutYear)} rows labelled "0" (LAIT's label for no year) with no value`,
    );
  if (s.removedMeasures.length > 0)
    lines.push(
      `  Measures gone:  ${s.removedMeasures.length} not in this dictionary, removed with what LAIT gave them (${s.removedMeasures.join(', ')})`,
    );
  if (s.removalLines.length > 0)
    lines.push('  Removed (--replace):', ...s.removalLines.map((l) => `    - ${l}`));
  return `${lines.join('\n')}\n`;
}
