import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { lanternError } from '../../core/errors.js';
import { readUtf8Text, requireFile } from '../shared/file-checks.js';

/** An EES school-level tidy file, recognised by its header and read as text. */
export interface EesSchoolFileText {
  path: string;
  file: string;
  text: string;
  checksum: string;
  /** 'ees-information-about-schools': see publicationOfFileName. */
  publication: string;
}

export const eesSource =
  'from Explore Education Statistics (explore-education-statistics.service.gov.uk)';

/** The columns that make a tidy file a school-level one: every row says its level and period, and a school row its URN. */
export const schoolFileColumns = ['time_period', 'geographic_level', 'school_urn'] as const;

/**
 * The publication a school-level file's figures are stored under: "ees-" and the file's name
 * without its leading period and its trailing version ("202425_information_about_schools_provisional.csv"
 * is "ees-information-about-schools"). Each kind of file is its own publication because an import
 * replaces a publication's figures for the schools and year it holds: two files under one id
 * would each remove the other's. The provisional and revised files of one year share an id, so the
 * revised replaces the provisional.
 */
export function publicationOfFileName(fileName: string): string {
  const stem = fileName
    .replace(/\.csv$/i, '')
    .toLowerCase()
    .replace(/^\d{4,8}[_-]/, '')
    .replace(/[_-](provisional|revised|final|amended)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `ees-${stem || 'schools'}`;
}

/** Provisional before revised before final: a folder's later version replaces the earlier. */
function versionRank(fileName: string): number {
  const m = /[_-](provisional|revised|final|amended)\.csv$/i.exec(fileName);
  return m ? ['provisional', 'revised', 'final', 'amended'].indexOf(m[1]!.toLowerCase()) : -1;
}

function headerOf(text: string): string[] {
  const first = Papa.parse<string[]>(text, { delimiter: ',', preview: 1 });
  return (first.data[0] ?? []).map((h) => h.trim());
}

function missingOf(columns: string[]): string[] {
  return schoolFileColumns.filter((c) => !columns.includes(c));
}

/**
 * The school-level files at `target`: the file itself (refused, naming what it lacks, when it is
 * not one), or every school-level .csv under the folder and its subfolders. A folder's other CSV
 * files (EES's LA and national files) are listed as skipped with the reason.
 */
export function locateEesSchoolFiles(target: string): {
  files: EesSchoolFileText[];
  skipped: string[];
} {
  requireFile(target, 'EES school-level file or folder');
  if (!fs.statSync(target).isDirectory()) {
    const read = readOne(target);
    if ('missing' in read) throw notSchoolLevel(read.file, read.missing, read.columns);
    return { files: [read], skipped: [] };
  }
  const files: EesSchoolFileText[] = [];
  const skipped: string[] = [];
  for (const full of listCsvFiles(target)) {
    const read = readOne(full);
    const where = path.relative(target, full);
    if ('missing' in read)
      skipped.push(`${where}: not a school-level file (no column ${read.missing.join(', ')})`);
    else files.push(read);
  }
  if (files.length === 0) {
    throw lanternError(
      'LANTERN_IMPORT_EMPTY',
      `${target} holds no EES school-level file. Nothing was imported.`,
      {
        problems: skipped.map((s) => ({
          file: s.split(': ')[0]!,
          expected: 'a school-level file',
        })),
        hint: `Point at a school-level tidy CSV ${eesSource} (it has the columns ${schoolFileColumns.join(', ')}), or a folder holding one.`,
      },
    );
  }
  files.sort(
    (a, b) =>
      a.publication.localeCompare(b.publication) ||
      versionRank(a.file) - versionRank(b.file) ||
      a.file.localeCompare(b.file),
  );
  return { files, skipped };
}

function readOne(
  full: string,
): EesSchoolFileText | { file: string; missing: string[]; columns: string[] } {
  const file = path.basename(full);
  const { text, checksum } = readUtf8Text(full);
  const columns = headerOf(text);
  const missing = missingOf(columns);
  if (missing.length > 0) return { file, missing, columns };
  return { path: full, file, text, checksum, publication: publicationOfFileName(file) };
}

function listCsvFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of fs
    .readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...listCsvFiles(full));
    else if (entry.isFile() && /\.csv$/i.test(entry.name)) out.push(full);
  }
  return out;
}

function notSchoolLevel(file: string, missing: string[], columns: string[]) {
  const found = columns.length > 0 ? columns.slice(0, 12).join(', ') : 'none';
  return lanternError(
    'LANTERN_IMPORT_MISSING_COLUMN',
    `${file} is not an EES school-level file: it has no column ${missing.map((m) => `"${m}"`).join(', ')}. Columns found: ${found}${columns.length > 12 ? ', ...' : ''}. Nothing was imported.`,
    {
      problems: missing.map((column) => ({
        file,
        row: 1,
        column,
        expected: `a column "${column}" (a school-level tidy file has ${schoolFileColumns.join(', ')})`,
      })),
      hint: `LA and national EES files are imported with \`lantern import ees --mapping\`; this command reads the school-level files ${eesSource}.`,
    },
  );
}
