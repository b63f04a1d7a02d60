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
import { ProblemCollector } from '../shared/problems.js';
import { silentProgress, withProgress, type Progress } from '../shared/progress.js';
import { locateEesSchoolFiles } from './files.js';
import { readEesSchoolFile, type EesSchoolFile } from './read.js';
import { RowPlacer } from './rows.js';

export interface EesSchoolsImportOptions {
  progress?: Progress;
}

export interface EesSchoolsFileSummary {
  file: string;
  /** The publication its figures are stored under ('ees-information-about-schools'). */
  publication: string;
  years: string[];
  releaseId: number;
  rowsRead: number;
  schools: number;
  /** England, region and LA rows. */
  totalRows: number;
  columns: number;
  textColumns: string[];
  figures: number;
  /** Cells holding an EES symbol (z, c, x, ...) rather than a figure. */
  markers: number;
  /** The data guidance the column labels came from, or null. */
  guidance: string | null;
  /** Rows at other geographic levels, by level, not stored. */
  ignored: Record<string, number>;
  /** Figures replaced because the store held this publication and year for these schools. */
  replaced: number;
}

export interface EesSchoolsImportSummary {
  files: EesSchoolsFileSummary[];
  skipped: string[];
  schoolsAdded: number;
}

/**
 * Imports EES school-level tidy files (one, or every one under a folder) in one transaction: all
 * of them or nothing. Each numeric column is stored as a school figure under the file's own column
 * name, the EES symbols kept as markers beside a null; descriptive columns as text. The schools
 * are added to the register (source 'ees'), never renaming one GIAS named; England, region and LA
 * rows go to school_area_observation. Each file is a release of source 'ees-schools'.
 */
export async function importEesSchools(
  db: Database,
  target: string,
  options: EesSchoolsImportOptions = {},
): Promise<EesSchoolsImportSummary> {
  const { files, skipped } = locateEesSchoolFiles(target);
  const placer = new RowPlacer(await listAreas(db));
  const progress = options.progress ?? silentProgress;
  const read = await withProgress(progress, files.length, 'Checking files', () =>
    files.map((f, i) => {
      const problems = new ProblemCollector(f.file);
      const file = readEesSchoolFile(f, placer, problems);
      problems.throwIfAny(f.file);
      progress.update(i + 1);
      return file;
    }),
  );
  return db.transaction(async (tx) => {
    await removeDemoData(tx);
    const summaries: EesSchoolsFileSummary[] = [];
    let schoolsAdded = 0;
    for (const f of read) {
      const { summary, added } = await loadOne(tx, f);
      summaries.push(summary);
      schoolsAdded += added;
    }
    return { files: summaries, skipped, schoolsAdded };
  });
}

async function loadOne(
  tx: Queryable,
  f: EesSchoolFile,
): Promise<{ summary: EesSchoolsFileSummary; added: number }> {
  const years = f.years.map((y) => y.label);
  const releaseId = await recordRelease(tx, {
    source: 'ees-schools',
    description: `EES school-level data: ${f.publication} ${years.join(', ')} (${f.file})`,
    fileName: f.file,
    checksumSha256: f.checksum,
    rowCount: f.rowsRead,
    details: {
      publication: f.publication,
      years,
      versions: f.versions,
      guidance: f.guidance,
      ignoredLevels: f.ignored,
    },
  });
  const added = await saveSchools(tx, f.listings, 'ees', releaseId);
  await saveSchoolMeasures(tx, f.publication, f.columns, releaseId);
  let replaced = 0;
  for (const year of f.years) {
    const schools = f.schools
      .filter((s) => s.year.label === year.label)
      .map((s) => ({ key: s.urn, figures: s.figures }));
    replaced += await replaceSchoolFigures(tx, f.publication, year, schools, releaseId);
    const totals = f.totals
      .filter((t) => t.year.label === year.label)
      .map((t) => ({ key: { areaCode: t.areaCode, rowKind: t.rowKind }, figures: t.figures }));
    if (totals.length > 0) await replaceAreaFigures(tx, f.publication, year, totals, releaseId);
  }
  const all = [...f.schools, ...f.totals].flatMap((r) => r.figures);
  return {
    added,
    summary: {
      file: f.file,
      publication: f.publication,
      years,
      releaseId,
      rowsRead: f.rowsRead,
      schools: f.schools.length,
      totalRows: f.totals.length,
      columns: f.columns.length,
      textColumns: f.columns.filter((c) => c.kind === 'text').map((c) => c.code),
      figures: all.length,
      markers: all.filter((x) => x.marker !== null).length,
      guidance: f.guidance,
      ignored: f.ignored,
      replaced,
    },
  };
}
