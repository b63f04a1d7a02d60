import path from 'node:path';
import type { Database, Queryable } from '../../core/db.js';
import { removeDemoData } from '../../demo/demo.service.js';
import { listAreas } from '../../measures/areas.repository.js';
import { recordRelease } from '../../measures/releases.repository.js';
import {
  replaceAreaFigures,
  replaceSchoolFigures,
  saveSchoolMeasures,
} from '../../schools/observations.repository.js';
import { saveSchools } from '../../schools/register.repository.js';
import { lanternError } from '../../core/errors.js';
import { ProblemCollector } from '../shared/problems.js';
import { silentProgress, withProgress, type Progress } from '../shared/progress.js';
import {
  parseAcademicYear,
  yearFromPath,
  yearNotFoundError,
  type AcademicYear,
} from './academic-year.js';
import { findPerformanceFiles, type DataFile } from './files.js';
import { readPerformanceFile, type PerformanceFile } from './read.js';
import { reconcile, type ReconciliationLine } from './reconcile.js';
import { readPerformanceWorkbook } from './workbook.js';

export interface PerformanceImportOptions {
  progress?: Progress;
  /** The academic year when no file or folder name says it ("2018/19"). */
  year?: string;
}

export interface PerformanceFileSummary {
  file: string;
  publication: string;
  /** Null for the spine, which holds no figures. */
  year: string | null;
  releaseId: number;
  rowsRead: number;
  schools: number;
  totalRows: number;
  figures: number;
  /** Cells holding a code (SUPP, NE, ...) rather than a figure. */
  markers: number;
  columns: number;
  metaFile: string | null;
  /** Columns of the file its meta does not describe (stored under their own name). */
  notInMeta: string[];
  /** Fields of the meta the file does not have. */
  notInFile: string[];
  /** Figures replaced because the store held this year for these schools already. */
  replaced: number;
  reconciliation: ReconciliationLine[];
}

export interface PerformanceImportSummary {
  files: PerformanceFileSummary[];
  skipped: string[];
  schoolsAdded: number;
}

/**
 * Imports performance-table downloads: one file, or every one under a folder (with its year
 * folders), in one transaction: all of them or nothing. Each file is read through the meta file
 * beside it when there is one, so a new year's columns import without a change to Lantern.
 */
export async function importPerformanceTables(
  db: Database,
  target: string,
  options: PerformanceImportOptions = {},
): Promise<PerformanceImportSummary> {
  const { dataFiles, skipped } = findPerformanceFiles(target);
  if (dataFiles.length === 0) throw nothingToImport(target, skipped);
  const areas = await listAreas(db);
  const laCodes = new Set(areas.filter((a) => a.kind === 'la').map((a) => a.code));
  const progress = options.progress ?? silentProgress;
  const read = await withProgress(progress, dataFiles.length, 'Checking files', async () => {
    const files: PerformanceFile[] = [];
    for (const [i, f] of dataFiles.entries()) {
      files.push(await readOne(f, laCodes, options.year));
      progress.update(i + 1);
    }
    return files;
  });
  return db.transaction(async (tx) => {
    await removeDemoData(tx);
    const files: PerformanceFileSummary[] = [];
    let schoolsAdded = 0;
    for (const f of read) {
      const { summary, added } = await loadOne(tx, f);
      files.push(summary);
      schoolsAdded += added;
    }
    return { files, skipped, schoolsAdded };
  });
}

async function readOne(
  f: DataFile,
  laCodes: ReadonlySet<number>,
  yearOption?: string,
): Promise<PerformanceFile> {
  const name = path.basename(f.path);
  // The spine describes schools and holds no figures, so it needs no year.
  const year = f.publication.figures ? chooseYear(f.path, yearOption) : null;
  const problems = new ProblemCollector(name);
  const file = /\.xlsx$/i.test(f.path)
    ? await readPerformanceWorkbook(f.path, f.publication, year, laCodes, problems)
    : readPerformanceFile(f.path, f.publication, f.meta, year, laCodes, problems);
  problems.throwIfAny(name);
  return file;
}

function chooseYear(file: string, option?: string): AcademicYear {
  if (option !== undefined) {
    const year = parseAcademicYear(option);
    if (!year)
      throw lanternError('LANTERN_USAGE', `--year ${option} is not an academic year.`, {
        hint: 'Write it as 2018/19.',
      });
    return year;
  }
  const year = yearFromPath(file);
  if (!year) throw yearNotFoundError(path.basename(file));
  return year;
}

async function loadOne(
  tx: Queryable,
  f: PerformanceFile,
): Promise<{ summary: PerformanceFileSummary; added: number }> {
  const reconciliation = reconcile(f);
  const releaseId = await recordRelease(tx, {
    source: 'performance-tables',
    description: `Performance tables: ${f.publication.name}${f.year ? ` ${f.year.label}` : ''} (${f.file})`,
    fileName: f.file,
    checksumSha256: f.checksum,
    rowCount: f.rowsRead,
    details: {
      publication: f.publication.id,
      year: f.year?.label ?? null,
      metaFile: f.meta?.file ?? null,
      totalsThatDiffer: reconciliation.filter((r) => !r.agrees),
    },
  });
  const added = await saveSchools(tx, f.listings, 'performance-tables', releaseId);
  await saveSchoolMeasures(tx, f.publication.id, f.columns, releaseId);
  const schoolRows = f.schools.map((s) => ({ key: s.urn, figures: s.figures }));
  const replaced = f.year
    ? await replaceSchoolFigures(tx, f.publication.id, f.year, schoolRows, releaseId)
    : 0;
  const totalRows = f.totals.map((t) => ({
    key: { areaCode: t.areaCode, rowKind: t.rowKind },
    figures: t.figures,
  }));
  if (f.year) await replaceAreaFigures(tx, f.publication.id, f.year, totalRows, releaseId);
  const all = [...f.schools, ...f.totals].flatMap((r) => r.figures);
  return {
    added,
    summary: {
      file: f.file,
      publication: f.publication.name,
      year: f.year?.label ?? null,
      releaseId,
      rowsRead: f.rowsRead,
      schools: f.schools.length,
      totalRows: f.totals.length,
      figures: all.length,
      markers: all.filter((x) => x.marker !== null).length,
      columns: f.columns.length,
      metaFile: f.meta?.file ?? null,
      notInMeta: f.notInMeta,
      notInFile: f.notInFile,
      replaced,
      reconciliation,
    },
  };
}

function nothingToImport(target: string, skipped: string[]) {
  return lanternError(
    'LANTERN_IMPORT_EMPTY',
    `${target} holds no performance-table file Lantern reads. Nothing was imported.`,
    {
      problems: skipped.map((s) => ({
        file: s.split(':')[0]!,
        expected: s.split(': ').slice(1).join(': '),
      })),
      hint: 'Point at a folder of performance-table downloads (for example 850_ks2final.csv with ks2_meta.csv).',
    },
  );
}
