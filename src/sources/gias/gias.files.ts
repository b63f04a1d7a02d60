import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { lanternError } from '../../core/errors.js';
import { readUtf8OrWindows1252Text, requireFile } from '../shared/file-checks.js';

/** The two GIAS downloads Lantern reads: the establishment extract and the links file. */
export type GiasKind = 'establishments' | 'links';

export const giasKindNames: Record<GiasKind, string> = {
  establishments: 'GIAS establishment extract',
  links: 'GIAS links file',
};

/** A GIAS file read as text (GIAS publishes the links file in Windows-1252) and recognised. */
export interface GiasFile {
  path: string;
  /** Its name, as problems and the summary name it. */
  file: string;
  kind: GiasKind;
  text: string;
  checksum: string;
  encoding: 'utf-8' | 'windows-1252';
}

export const giasSource =
  'from Get Information about Schools (get-information-schools.service.gov.uk/Downloads)';

const expectedColumns =
  'a GIAS establishment extract has the columns "URN" and "LA (code)"; a GIAS links file has "URN" and "LinkURN"';

/** What a header says the file is: null for anything else. */
export function giasKind(columns: readonly string[]): GiasKind | null {
  if (!columns.includes('URN')) return null;
  if (columns.includes('LinkURN')) return 'links';
  if (columns.includes('LA (code)')) return 'establishments';
  return null;
}

function headerOf(text: string): string[] {
  const first = Papa.parse<string[]>(text, { delimiter: ',', preview: 1 });
  return (first.data[0] ?? []).map((h) => h.trim());
}

/** Reads a file and recognises it by its header; `columns` (and no kind) when it is neither. */
export function readGiasFile(filePath: string): GiasFile | { file: string; columns: string[] } {
  const file = path.basename(filePath);
  const { text, checksum, encoding } = readUtf8OrWindows1252Text(filePath);
  const columns = headerOf(text);
  const kind = giasKind(columns);
  if (kind === null) return { file, columns };
  return { path: filePath, file, kind, text, checksum, encoding };
}

/** LANTERN_IMPORT_MISSING_COLUMN: a file that is neither GIAS file, saying what was expected. */
export function unrecognisedFileError(file: string, columns: string[]) {
  const found = columns.length > 0 ? columns.slice(0, 12).join(', ') : 'none';
  return lanternError(
    'LANTERN_IMPORT_MISSING_COLUMN',
    `${file} is not a GIAS file Lantern knows: ${expectedColumns}. Columns found: ${found}${columns.length > 12 ? ', ...' : ''}. Nothing was imported.`,
    {
      problems: [{ file, row: 1, expected: expectedColumns }],
      hint: `Download the establishment fields extract or the links file ${giasSource} and import it unchanged.`,
    },
  );
}

/**
 * The GIAS files at `target`: the file itself, or every recognised .csv in the folder (name
 * order). A folder's other CSV files are skipped and named; a folder with none is an error, and so
 * is one with two links files, since each replaces every link the store holds.
 */
export function locateGiasFiles(target: string): { files: GiasFile[]; skipped: string[] } {
  requireFile(target, 'GIAS file or folder');
  if (!fs.statSync(target).isDirectory()) {
    const read = readGiasFile(target);
    if (!('kind' in read)) throw unrecognisedFileError(read.file, read.columns);
    return { files: [read], skipped: [] };
  }
  const names = fs
    .readdirSync(target)
    .filter((n) => n.toLowerCase().endsWith('.csv'))
    .sort();
  const files: GiasFile[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    const read = readGiasFile(path.join(target, name));
    if ('kind' in read) files.push(read);
    else skipped.push(name);
  }
  if (files.length === 0) {
    throw lanternError('LANTERN_FILE_NOT_FOUND', `The folder ${target} holds no GIAS file.`, {
      hint: `Put a GIAS establishment extract or links file there (.csv, as downloaded ${giasSource}): ${expectedColumns}.`,
    });
  }
  const links = files.filter((f) => f.kind === 'links');
  if (links.length > 1) {
    throw lanternError(
      'LANTERN_IMPORT_INVALID',
      `The folder ${target} holds ${links.length} GIAS links files (${links.map((f) => f.file).join(', ')}). Nothing was imported.`,
      {
        hint: 'Each links file is the whole national list and replaces every link: keep the newest one in the folder and run the import again.',
      },
    );
  }
  return { files, skipped };
}
