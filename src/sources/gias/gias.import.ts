import type { Database, Queryable } from '../../core/db.js';
import { removeDemoData } from '../../demo/demo.service.js';
import { listAreas } from '../../measures/areas.repository.js';
import { recordRelease } from '../../measures/releases.repository.js';
import { refreshOfstedMeasures } from '../../schools/ofsted-measures.service.js';
import {
  replaceSchoolLinks,
  saveSchools,
  type SchoolLink,
  type SchoolListing,
} from '../../schools/register.repository.js';
import { ProblemCollector } from '../shared/problems.js';
import { silentProgress, withProgress, type Progress } from '../shared/progress.js';
import { readEstablishments } from './gias.extract.js';
import { giasKindNames, locateGiasFiles, type GiasFile, type GiasKind } from './gias.files.js';
import { readLinks } from './gias.links.js';

export interface GiasImportOptions {
  /** Progress bar (on stderr in the CLI); only started for files of `largeFileRows` rows or more. */
  progress?: Progress;
  largeFileRows?: number;
}

export interface GiasFileSummary {
  file: string;
  kind: GiasKind;
  releaseId: number;
  rowsRead: number;
  encoding: 'utf-8' | 'windows-1252';
  /** Establishment extract: schools new to the register, and schools it already held (replaced). */
  schoolsNew: number;
  schoolsUpdated: number;
  /** Links file: the links it holds, and how many the store held before (all replaced). */
  links: number;
  linksBefore: number;
}

export interface GiasImportSummary {
  /** The file or folder given. */
  source: string;
  files: GiasFileSummary[];
  /** CSV files in the folder that are neither GIAS file, left alone. */
  skipped: string[];
}

/** A file read and checked: what `loadFile` writes. */
type CheckedFile = GiasFile & { rowsRead: number } & (
    { kind: 'establishments'; schools: SchoolListing[] } | { kind: 'links'; links: SchoolLink[] }
  );

/**
 * Imports a GIAS establishment extract, a GIAS links file, or a folder of them. Every file is read
 * and checked before anything is written; then all of them go in one transaction (ADR 0015), each
 * recorded as a release of source 'gias'.
 */
export async function importGias(
  db: Database,
  target: string,
  options: GiasImportOptions = {},
): Promise<GiasImportSummary> {
  const { files, skipped } = locateGiasFiles(target);
  const areas = await listAreas(db);
  const laCodes = new Set(areas.filter((a) => a.kind === 'la').map((a) => a.code));
  const collectors: ProblemCollector[] = [];
  const checked: CheckedFile[] = [];
  for (const f of files) {
    const problems = new ProblemCollector(f.file);
    collectors.push(problems);
    checked.push(await checkFile(f, laCodes, problems, options));
  }
  refuseProblems(collectors);
  const summaries = await db.transaction(async (tx) => {
    // Real data and the synthetic demo never share a store: pages would mix them.
    await removeDemoData(tx);
    const done: GiasFileSummary[] = [];
    for (const f of checked) done.push(await loadFile(tx, f, progressFor(f.rowsRead, options)));
    // A school opening, closing or changing size changes the LA Ofsted measures.
    const last = done.at(-1);
    if (last) await refreshOfstedMeasures(tx, last.releaseId);
    return done;
  });
  return { source: target, files: summaries, skipped };
}

function progressFor(rows: number, options: GiasImportOptions): Progress {
  const large = rows >= (options.largeFileRows ?? 20_000);
  return large ? (options.progress ?? silentProgress) : silentProgress;
}

async function checkFile(
  f: GiasFile,
  laCodes: ReadonlySet<number>,
  problems: ProblemCollector,
  options: GiasImportOptions,
): Promise<CheckedFile> {
  const rows = dataLines(f.text);
  const progress = progressFor(rows, options);
  return withProgress(progress, rows, `Checking ${f.file}`, () => {
    const onRow = (done: number) => progress.update(done);
    if (f.kind === 'links') {
      const { table, links } = readLinks(f, problems, onRow);
      return { ...f, kind: 'links', rowsRead: table.rows.length, links };
    }
    const { table, schools } = readEstablishments(f, laCodes, problems, onRow);
    return { ...f, kind: 'establishments', rowsRead: table.rows.length, schools };
  });
}

/** About how many rows the file has (lines after the header), to decide on a progress bar. */
function dataLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  if (!text.endsWith('\n')) lines++; // the last line has no line break
  return Math.max(lines - 1, 0);
}

/** Throws once for every file's problems together, so a folder's are all named in one go. */
function refuseProblems(collectors: ProblemCollector[]): void {
  const bad = collectors.filter((p) => p.count > 0);
  if (bad.length === 0) return;
  if (bad.length === 1) return bad[0]!.throwIfAny(bad[0]!.file);
  const all = new ProblemCollector(bad.map((p) => p.file).join(', '));
  all.problems.push(...bad.flatMap((p) => p.problems));
  all.full = bad.some((p) => p.full);
  all.throwIfAny(all.file);
}

async function loadFile(
  tx: Queryable,
  f: CheckedFile,
  progress: Progress,
): Promise<GiasFileSummary> {
  const releaseId = await recordRelease(tx, {
    source: 'gias',
    description: `${giasKindNames[f.kind]} ${f.file}`,
    fileName: f.file,
    checksumSha256: f.checksum,
    rowCount: f.rowsRead,
    details: { kind: f.kind, encoding: f.encoding },
  });
  const summary = {
    file: f.file,
    kind: f.kind,
    releaseId,
    rowsRead: f.rowsRead,
    encoding: f.encoding,
    schoolsNew: 0,
    schoolsUpdated: 0,
    links: 0,
    linksBefore: 0,
  };
  if (f.kind === 'establishments') {
    const schools = f.schools;
    const created = await loading(progress, schools.length, 'Loading schools', () =>
      saveSchools(tx, schools, 'gias', releaseId),
    );
    return { ...summary, schoolsNew: created, schoolsUpdated: schools.length - created };
  }
  const links = f.links;
  const { before } = await loading(progress, links.length, 'Loading links', () =>
    replaceSchoolLinks(tx, links, releaseId),
  );
  return { ...summary, links: links.length, linksBefore: before };
}

/** The register's writes report no progress of their own: the bar fills when they are done. */
function loading<T>(progress: Progress, total: number, label: string, work: () => Promise<T>) {
  return withProgress(progress, total, label, async () => {
    const result = await work();
    progress.update(total);
    return result;
  });
}
