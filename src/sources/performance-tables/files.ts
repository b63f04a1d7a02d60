import fs from 'node:fs';
import path from 'node:path';
import { lanternError } from '../../core/errors.js';
import { readMetaFile, type MetaFile } from './meta.js';
import {
  knownSkippedFile,
  publicationOfFile,
  publicationOfMeta,
  publications,
  type Publication,
} from './publications.js';

export interface DataFile {
  path: string;
  publication: Publication;
  meta: MetaFile | null;
}

export interface FolderContents {
  dataFiles: DataFile[];
  /** Files left alone, each with why: "la_and_region_codes_meta.csv: the LA code list (...)". */
  skipped: string[];
}

/**
 * The data files under a folder (and its year folders), each with the meta file beside it, or the
 * one file given. A file given by name must be one Lantern reads; in a folder, other files are
 * listed as skipped so the person importing sees what was not read.
 */
export function findPerformanceFiles(target: string): FolderContents {
  const stat = fs.statSync(target);
  if (stat.isFile()) {
    const publication = publicationOfFile(path.basename(target));
    if (!publication) throw notRecognised(target);
    return {
      dataFiles: [{ path: target, publication, meta: metaBeside(target, publication) }],
      skipped: [],
    };
  }
  const dataFiles: DataFile[] = [];
  const skipped: string[] = [];
  for (const file of listFiles(target)) {
    const name = path.basename(file);
    const publication = publicationOfFile(name);
    if (publication)
      dataFiles.push({ path: file, publication, meta: metaBeside(file, publication) });
    else if (!publicationOfMeta(name))
      skipped.push(
        `${path.relative(target, file)}: ${knownSkippedFile(name) ?? 'not a performance-table file Lantern reads'}`,
      );
  }
  return { dataFiles, skipped };
}

function listFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of fs
    .readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile() && /\.(csv|xlsx)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

/** The publication's meta file in the same folder ("ks2_meta.csv" beside "850_ks2final.csv"). */
function metaBeside(file: string, publication: Publication): MetaFile | null {
  const folder = path.dirname(file);
  const meta = fs.readdirSync(folder).find((n) => publicationOfMeta(n)?.id === publication.id);
  if (!meta) return null;
  return readMetaFile(path.join(folder, meta));
}

function notRecognised(file: string) {
  const names = publications.map((p) => `${p.name} (${p.pattern.source})`).join('; ');
  return lanternError(
    'LANTERN_IMPORT_INVALID',
    `${path.basename(file)} is not a performance-table file Lantern reads: it knows them by the DfE's file names. Nothing was imported.`,
    {
      problems: [{ file: path.basename(file), expected: `a file named as one of: ${names}` }],
      hint: 'Keep the name the file was downloaded with (for example 850_ks2final.csv or england_census.csv).',
    },
  );
}
