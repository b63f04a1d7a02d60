import fs from 'node:fs';
import path from 'node:path';
import { lanternError } from '../../core/errors.js';
import { neighbourFileVersion } from './neighbours.js';

export const bdsFileName = 'bds_long_0.parquet';
export const dictionaryFileName = 'lait_data_dictionary.csv';

export interface LaitFiles {
  bds: string;
  dictionary: string;
  /** sn_<month>_<year>.xlsx files, newest version first. */
  neighbours: { file: string; version: string; month: string | null }[];
}

/** Finds the LAIT files in `folder`, or says which are missing. */
export function locateLaitFiles(folder: string): LaitFiles {
  const names = fs.readdirSync(folder);
  const neighbours = names
    .map((n) => ({ n, v: neighbourFileVersion(n) }))
    .filter((x): x is { n: string; v: NonNullable<typeof x.v> } => x.v !== null)
    .map((x) => ({ file: path.join(folder, x.n), version: x.v.version, month: x.v.month }))
    .sort((a, b) => b.version.localeCompare(a.version));
  const missing = [bdsFileName, dictionaryFileName].filter((n) => !names.includes(n));
  if (neighbours.length === 0) missing.push('sn_<month>_<year>.xlsx (e.g. sn_may_2025.xlsx)');
  if (missing.length > 0) {
    throw lanternError(
      'LANTERN_FILE_NOT_FOUND',
      `The folder ${folder} lacks LAIT file${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`,
      {
        hint: 'Point `lantern import lait` at a folder holding bds_long_0.parquet, lait_data_dictionary.csv and the sn_*.xlsx statistical-neighbour files, as published in the LAIT repository (01_data/02_prod).',
      },
    );
  }
  const dup = neighbours.find((n, i) => neighbours.findIndex((m) => m.version === n.version) !== i);
  if (dup) {
    throw lanternError(
      'LANTERN_IMPORT_INVALID',
      `The folder ${folder} holds two statistical-neighbour files for ${dup.version}.`,
      {
        hint: 'Keep one sn_<month>_<year>.xlsx file per year in the folder and run the import again.',
      },
    );
  }
  return {
    bds: path.join(folder, bdsFileName),
    dictionary: path.join(folder, dictionaryFileName),
    neighbours,
  };
}
