import { formatCount } from '../core/format.js';
import {
  importPerformanceTables,
  type PerformanceFileSummary,
  type PerformanceImportSummary,
} from '../sources/performance-tables/performance-tables.import.js';
import type { ReconciliationLine } from '../sources/performance-tables/reconcile.js';
import { requireFile } from '../sources/shared/file-checks.js';
import { silentProgress, stderrProgress } from '../sources/shared/progress.js';
import { withDb, type CliContext } from './context.js';

/** `lantern import performance-tables <path> [--year 2018/19]` */
export async function importPerformanceTablesCommand(
  ctx: CliContext,
  options: { path: string; year?: string },
): Promise<void> {
  requireFile(options.path, 'Performance-table file or folder');
  const summary = await withDb(ctx, (db) =>
    importPerformanceTables(db, options.path, {
      progress: ctx.progress ? stderrProgress() : silentProgress,
      ...(options.year === undefined ? {} : { year: options.year }),
    }),
  );
  ctx.stdout(formatPerformanceSummary(summary));
}

/** Differences shown one by one; the rest are counted. */
const differencesShown = 5;

export function formatPerformanceSummary(s: PerformanceImportSummary): string {
  const lines: string[] = [];
  for (const f of s.files) lines.push(...fileLines(f));
  lines.push(`Schools new to the register: ${formatCount(s.schoolsAdded)}.`);
  if (s.skipped.length > 0) lines.push('Not imported:', ...s.skipped.map((x) => `  - ${x}`));
  return `${lines.join('\n')}\n`;
}

function fileLines(f: PerformanceFileSummary): string[] {
  const year = f.year ? ` ${f.year}` : '';
  const meta = f.metaFile ? ` through ${f.metaFile}` : '';
  const lines = [
    `Imported ${f.file}${meta}: ${f.publication}${year} (release ${f.releaseId}).`,
    `  ${formatCount(f.schools)} schools, ${formatCount(f.totalRows)} LA or England rows, ${formatCount(f.columns)} columns: ${formatCount(f.figures)} cells, ${formatCount(f.markers)} of them codes (SUPP, NE, ...)${f.replaced > 0 ? `, replacing ${formatCount(f.replaced)}` : ''}.`,
  ];
  if (f.notInMeta.length > 0)
    lines.push(
      `  Columns the meta file does not describe (kept under their own names): ${f.notInMeta.join(', ')}.`,
    );
  if (f.notInFile.length > 0)
    lines.push(`  Fields of the meta file this file does not have: ${f.notInFile.join(', ')}.`);
  lines.push(...reconciliationLines(f.reconciliation));
  return lines;
}

function reconciliationLines(all: ReconciliationLine[]): string[] {
  if (all.length === 0) return [];
  const differ = all.filter((r) => !r.agrees);
  const unexplained = differ.filter((r) => r.schoolsWithout === 0);
  const head = `  Totals checked against the schools: ${formatCount(all.length - differ.length)} of ${formatCount(all.length)} agree`;
  if (differ.length === 0) return [`${head}.`];
  const suppressed = differ.length - unexplained.length;
  return [
    `${head}; ${formatCount(suppressed)} differ where some schools' figures are suppressed, ${formatCount(unexplained.length)} where none are.`,
    ...unexplained.slice(0, differencesShown).map((r) => `    - ${describe(r)}`),
    ...(unexplained.length > differencesShown
      ? [
          `    - and ${formatCount(unexplained.length - differencesShown)} more, kept in the release's details`,
        ]
      : []),
  ];
}

function describe(r: ReconciliationLine): string {
  const where = r.areaCode === 970 ? 'England' : `LA ${r.areaCode}`;
  const rule = r.rule === 'sum' ? 'the schools add up to' : "the schools' pupil-weighted mean is";
  return `${where} ${r.code}: published ${r.published}, ${rule} ${round(r.computed)} (${formatCount(r.schools)} schools)`;
}

function round(v: number): string {
  return String(Math.round(v * 100) / 100);
}
