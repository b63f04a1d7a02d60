import path from 'node:path';
import type { Database, Queryable } from '../../core/db.js';
import { lanternError } from '../../core/errors.js';
import { removeDemoData } from '../../demo/demo.service.js';
import { listAreas } from '../../measures/areas.repository.js';
import { recordRelease } from '../../measures/releases.repository.js';
import { saveInspections } from '../../schools/inspections.repository.js';
import { refreshOfstedMeasures } from '../../schools/ofsted-measures.service.js';
import { isUngraded } from '../../schools/ofsted-grades.js';
import { saveSchools } from '../../schools/register.repository.js';
import { problemLimit } from '../shared/problems.js';
import type { Progress } from '../shared/progress.js';
import { keepOneAccount } from './accounts.js';
import type { OfstedLayout } from './layouts.js';
import { readOfstedPath, type CheckedOfstedFile } from './ofsted.read.js';
import type { RowInspection } from './rows.js';

export interface OfstedImportOptions {
  /** Progress bar (on stderr in the CLI) while a large file is checked. */
  progress?: Progress;
}

export interface OfstedFileSummary {
  file: string;
  layout: OfstedLayout['id'];
  layoutName: string;
  encoding: 'utf-8' | 'windows-1252';
  releaseId: number;
  rowsRead: number;
  /** Inspections the file gives, by what they graded (ofsted-grades isUngraded). */
  reportCards: number;
  graded: number;
  ungraded: number;
  /** Of those, inspections an earlier row or file of this import gave the same: stored once. */
  repeated: number;
  /** Schools the file names (the register adds those it lacks). */
  schools: number;
}

export interface OfstedImportSummary {
  /** The file or folder imported. */
  source: string;
  files: OfstedFileSummary[];
  skipped: { file: string; why: string }[];
  inspectionsNew: number;
  inspectionsUpdated: number;
  schoolsNew: number;
  /** The year label of the LA Ofsted measures recomputed (schools/ofsted-measures.ts), or null. */
  measuresYear: string | null;
}

/**
 * Imports an Ofsted management-information file, or every one in a folder, in one transaction:
 * all of it or nothing. Every file is read and checked first; any problem refuses the lot.
 */
export async function importOfsted(
  db: Database,
  target: string,
  options: OfstedImportOptions = {},
): Promise<OfstedImportSummary> {
  const las = new Set((await listAreas(db)).filter((a) => a.kind === 'la').map((a) => a.code));
  const { checked, skipped } = await readOfstedPath(target, las, options.progress);
  // Newest file first: the register keeps the first name a non-GIAS file gives a school.
  const files = [...checked].sort((a, b) => newestStart(b).localeCompare(newestStart(a)));
  const kept = keepOneAccount(files);
  refuseProblems(files, target);
  return db.transaction(async (tx) => {
    // Real data and the synthetic demo never share a store (ADR 0005).
    await removeDemoData(tx);
    const summary: OfstedImportSummary = {
      source: path.basename(target),
      files: [],
      skipped,
      inspectionsNew: 0,
      inspectionsUpdated: 0,
      schoolsNew: 0,
      measuresYear: null,
    };
    for (const f of files) await loadFile(tx, f, kept.get(f) ?? [], summary);
    const last = summary.files.at(-1);
    if (last) summary.measuresYear = await refreshOfstedMeasures(tx, last.releaseId);
    return summary;
  });
}

function newestStart(f: CheckedOfstedFile): string {
  return f.inspections.reduce(
    (max, i) => ((i.record.startDate ?? '') > max ? i.record.startDate! : max),
    '',
  );
}

/** LANTERN_IMPORT_INVALID naming every problem of every file, if there are any. */
function refuseProblems(files: CheckedOfstedFile[], target: string): void {
  const problems = files.flatMap((f) => f.problems.problems);
  if (problems.length === 0) return;
  const withProblems = files.filter((f) => f.problems.count > 0);
  const what =
    withProblems.length === 1
      ? withProblems[0]!.file
      : `${path.basename(target)} (${withProblems.length} files)`;
  const stopped = withProblems.some((f) => f.problems.full)
    ? ` (stopped after ${problemLimit} in a file)`
    : '';
  throw lanternError(
    'LANTERN_IMPORT_INVALID',
    `${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'} found${stopped}. Nothing was imported.`,
    {
      problems,
      hint: 'Correct the file (or use the file as Ofsted publishes it) and run the import again.',
    },
  );
}

async function loadFile(
  tx: Queryable,
  f: CheckedOfstedFile,
  kept: RowInspection[],
  summary: OfstedImportSummary,
): Promise<void> {
  const counts = countKinds(f.inspections);
  const releaseId = await recordRelease(tx, {
    source: 'ofsted',
    description: `Ofsted management information, ${f.layout.name}: ${f.file}`,
    fileName: f.file,
    checksumSha256: f.checksum,
    rowCount: f.rowsRead,
    details: { layout: f.layout.id, encoding: f.encoding, inspections: f.inspections.length },
  });
  summary.schoolsNew += await saveSchools(tx, f.listings, 'ofsted', releaseId);
  const saved = await saveInspections(
    tx,
    kept.map((k) => k.record),
    releaseId,
  );
  summary.inspectionsNew += saved.created;
  summary.inspectionsUpdated += saved.updated;
  summary.files.push({
    file: f.file,
    layout: f.layout.id,
    layoutName: f.layout.name,
    encoding: f.encoding,
    releaseId,
    rowsRead: f.rowsRead,
    ...counts,
    repeated: f.inspections.length - kept.length,
    schools: f.listings.length,
  });
}

function countKinds(inspections: RowInspection[]) {
  const counts = { reportCards: 0, graded: 0, ungraded: 0 };
  for (const { record } of inspections) {
    if (isUngraded(record)) counts.ungraded++;
    else if (record.framework === 'report-card') counts.reportCards++;
    else counts.graded++;
  }
  return counts;
}
