import path from 'node:path';
import { lanternError } from '../../core/errors.js';
import { parseCsvTable } from '../shared/csv-table.js';
import { readUtf8Text } from '../shared/file-checks.js';
import type { RowRole } from './publications.js';

/** A year's meta file: what each column of the data file means, as the DfE labels it. */
export interface MetaFile {
  file: string;
  /** By column name in upper case (the meta writes "AlphaIND" where the data has "ALPHAIND"). */
  fields: Map<string, { name: string; label: string }>;
  /** RECTYPE codes as the meta's own label says them, when it does. */
  recordTypes: Record<string, RowRole> | null;
}

const nameColumns = ['Field Name', 'FieldName', 'Field name', 'Variable', 'Column name'];
const labelColumns = ['Label/Description', 'Label', 'Description', 'Field description'];

/** Reads a meta file (Column, Field Name, Label/Description), trimming the names' stray newlines. */
export function readMetaFile(filePath: string): MetaFile {
  const file = path.basename(filePath);
  const { text } = readUtf8Text(filePath);
  const table = parseCsvTable(text, file, { source: 'from the performance tables' });
  const nameColumn = nameColumns.find((c) => table.columns.includes(c));
  const labelColumn = labelColumns.find((c) => table.columns.includes(c));
  if (!nameColumn || !labelColumn) {
    throw lanternError(
      'LANTERN_IMPORT_MISSING_COLUMN',
      `${file} is not a meta file Lantern can read: it needs a column of field names (${nameColumns.join(' or ')}) and one of labels (${labelColumns.join(' or ')}). Nothing was imported. Columns found: ${table.columns.join(', ')}.`,
      {
        problems: [
          {
            file,
            row: 1,
            column: nameColumn ? labelColumns[0] : nameColumns[0],
            expected: 'a column of field names and a column of labels',
          },
        ],
        hint: 'Use the meta file published with the data (for example ks2_meta.csv), or import the data without it.',
      },
    );
  }
  const fields = new Map<string, { name: string; label: string }>();
  for (const row of table.rows) {
    const name = (row[nameColumn] ?? '').trim();
    if (name === '') continue;
    fields.set(name.toUpperCase(), { name, label: (row[labelColumn] ?? '').trim() || name });
  }
  const rectype = fields.get('RECTYPE');
  return { file, fields, recordTypes: rectype ? recordTypesOfLabel(rectype.label) : null };
}

/**
 * RECTYPE codes from the meta's label: "Record type (1=Mainstream school; 2=Special school;
 * 3=Local Authority; 4=National (all schools); 5=National (state-funded schools only))". Null
 * when the label does not say them in that form, so the publication's built-in codes apply.
 */
export function recordTypesOfLabel(label: string): Record<string, RowRole> | null {
  const roles: Record<string, RowRole> = {};
  for (const m of label.matchAll(/(\w+)\s*=\s*([^;]+)/g)) {
    const role = roleOfWords(m[2]!);
    if (role) roles[m[1]!] = role;
  }
  return Object.keys(roles).length >= 2 ? roles : null;
}

function roleOfWords(words: string): RowRole | null {
  const w = words.toLowerCase();
  if (/national|england/.test(w))
    return /state[- ]funded/.test(w) ? 'england-state-funded' : 'england-all';
  if (/local authority|\bla\b/.test(w)) return 'la';
  if (/special/.test(w)) return 'special-school';
  if (/school|academy/.test(w)) return 'school';
  return null;
}
