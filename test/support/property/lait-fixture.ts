import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { Database } from '../../../src/core/db.js';
import { importLait } from '../../../src/sources/lait/lait.import.js';
import { freshPglite } from '../db.js';
import { readAreaRefs, type AreaRefs } from './areas.js';
import type { RowChange, Table } from './mutations.js';
import { readCsv, writeCsv } from './text-files.js';

/**
 * The small valid LAIT folder the LAIT properties start from, and writers for changed copies of
 * its files: the data dictionary (CSV), the data (parquet, written with DuckDB, column types as the
 * DfE file) and the statistical neighbours (xlsx).
 */

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/lait');
export const dictionaryFile = 'lait_data_dictionary.csv';
export const bdsFile = 'bds_long_0.parquet';
export const neighboursFile = 'sn_may_2025.xlsx';

/** The fixture dictionary (a description over two lines, a measure on two rows) plus a DISCONTINUE row and an é. */
export function baseDictionary(): Table<string> {
  const read = readCsv(fs.readFileSync(path.join(fixtures, 'dictionary.csv'), 'utf8'));
  if ('malformed' in read) throw new Error('test bug: the fixture dictionary is not CSV');
  const [header, ...rows] = read.records;
  const col = (name: string) => header!.indexOf(name);
  rows[1]![col('Description')] = 'Pupils missing 10% or more of sessions (caf\u00e9 test)';
  const discontinued = [...rows[0]!];
  discontinued[col('Measure_short')] = 'OldMeasure';
  discontinued[col('Table_status')] = 'DISCONTINUE';
  return { header: header!, rows: [...rows, discontinued] };
}

/**
 * A cell of one of `columns` replaced by text holding a control character, which the LAIT readers
 * refuse (src/sources/lait/text-cells.ts): a NUL that must never reach the store, an escape, DEL, a C1 control,
 * a line break in a code; or a tab or line break in prose, which is allowed.
 */
export function controlCellChange(
  columns: readonly number[],
  texts: readonly string[],
): fc.Arbitrary<RowChange> {
  return fc.record({
    kind: fc.constant('cell' as const),
    row: fc.noBias(fc.nat({ max: 63 })),
    column: fc.constantFrom(...columns),
    edit: fc.record({ kind: fc.constant('text' as const), text: fc.constantFrom(...texts) }),
  });
}

/** A BDS cell: text, a number (LA Number is DOUBLE in the DfE file), or NULL. */
export type BdsCell = string | number | null;
export type BdsType = 'VARCHAR' | 'DOUBLE';
export interface BdsTable extends Table<BdsCell> {
  types: BdsType[];
}

const bdsRow = (code: string, year: string, value: string, la: number): BdsCell[] => [
  code,
  'item',
  year,
  'LA',
  value,
  la,
  'Region',
];

export const baseBds: BdsTable = {
  header: ['Short Desc', 'Data item', 'Years', 'LA and Regions', 'Values', 'LA Number', 'Region'],
  types: ['VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'DOUBLE', 'VARCHAR'],
  rows: [
    bdsRow('GLD', '2024', '67.5', 933),
    bdsRow('GLD', '2024', '-', 935),
    bdsRow('GLD', '2024', '68.1', 970),
    bdsRow('GLD', '2023', '66.0', 990),
    bdsRow('GLD', '2016-17 (OT)', '65', 933),
    bdsRow('PerAbs', '2023/24', '21.25', 933),
    bdsRow('PerAbs', '2023/24', 'c', 935),
    bdsRow('PerAbs', '2023/24', '1e-3', 878),
    bdsRow('CINPermAbsent', '2024', '30.5', 933),
    bdsRow('CINPermAbsent', '0', '-', 933),
    bdsRow('Undocumented', '2024', '5', 933),
  ],
};

/** A cell that is not plain text or a number: a formula (with or without its cached result), an error, a date... */
export type SpecialCell =
  | { special: 'formula'; result?: string | number }
  | { special: 'error' | 'date' | 'bool' }
  | { special: 'richText' | 'hyperlink'; text: string };

/** A neighbours cell as ExcelJS writes and reads it. */
export type SheetCell = string | number | null | SpecialCell;

/** What Excel shows in the cell, trimmed; `unknownCell` for a formula without a result or an error. */
export const unknownCell = '\u0000unknown';
export function shownText(c: SheetCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c !== 'object') return String(c).trim();
  // ExcelJS saves a formula whose result is falsy ("" or 0) without one: Excel shows it only once recalculated.
  if (c.special === 'formula')
    return c.result === undefined || c.result === '' || c.result === 0
      ? unknownCell
      : String(c.result).trim();
  // ExcelJS saves a hyperlink with no text as the text of its object (excelValue below): a cell that holds that.
  if (c.special === 'hyperlink' && c.text === '')
    return JSON.stringify({ text: '', hyperlink: 'https://example.org' });
  if (c.special === 'richText' || c.special === 'hyperlink') return c.text.trim();
  return c.special === 'date' ? '2025-01-01' : c.special === 'bool' ? 'true' : unknownCell;
}

function excelValue(c: SheetCell): ExcelJS.CellValue {
  if (c === null || typeof c !== 'object') return c;
  switch (c.special) {
    case 'formula':
      return c.result === undefined
        ? ({ formula: 'A1' } as ExcelJS.CellValue)
        : { formula: 'A1', result: c.result };
    case 'error':
      return { error: '#N/A' } as ExcelJS.CellValue;
    case 'date':
      return new Date(Date.UTC(2025, 0, 1));
    case 'bool':
      return true;
    case 'richText':
      return { richText: [{ text: c.text }] };
    case 'hyperlink':
      return { text: c.text, hyperlink: 'https://example.org' };
  }
}
export interface NeighbourSheet extends Table<SheetCell> {
  sheetName: string;
}

const sn = (codes: number[]) => codes.flatMap((c, k) => [c, k < 3 ? 'Very Close' : 'Close']);
export const baseNeighbours: NeighbourSheet = {
  sheetName: 'LA SN Groups',
  header: [
    'LA num',
    'LA Name',
    'LA number',
    'GOInd',
    'GOReg',
    ...Array.from({ length: 10 }, (_, k) => [`SN${k + 1}`, 'SNP']).flat(),
  ],
  rows: [
    [
      933,
      'Somerset',
      933,
      7,
      'South West',
      ...sn([935, 830, 838, 893, 885, 891, 878, 860, 855, 881]),
    ],
    [878, 'Devon', 878, 7, 'South West', ...sn([933, 830, 838, 893, 885, 891, 935, 860, 855, 881])],
    [942, 'Cumberland', 942, 2, 'North West', ...Array(20).fill('-')],
    [null, 'Old SNs:', null, null, null],
  ],
};

const sql = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** A text literal; a control character (DuckDB's parser refuses one in a literal, NUL above all) as chr(n). */
const sqlText = (s: string) =>
  `(${sql(s).replace(/[\u0000-\u001f]/g, (c) => `' || chr(${c.charCodeAt(0)}) || '`)})`;
const sqlCell = (c: BdsCell, type: BdsType): string => {
  if (c === null) return `NULL::${type}`;
  if (type === 'VARCHAR') return `${sqlText(String(c))}::VARCHAR`;
  const n = Number(c);
  if (Number.isNaN(n)) return `'NaN'::DOUBLE`;
  if (!Number.isFinite(n)) return `'${n > 0 ? 'inf' : '-inf'}'::DOUBLE`;
  return `${Object.is(n, -0) ? '-0.0' : String(n)}::DOUBLE`;
};

export async function writeBds(
  connection: DuckDBConnection,
  file: string,
  t: BdsTable,
): Promise<void> {
  const columns = t.header
    .map((h, j) => `${sqlCell(null, t.types[j]!)} AS "${h.replace(/"/g, '""')}"`)
    .join(', ');
  const rows = t.rows.map((r) => `SELECT ${r.map((c, j) => sqlCell(c, t.types[j]!)).join(', ')}`);
  // The first SELECT names and types the columns and gives no row; UNION ALL BY POSITION adds the rows.
  const select = [`SELECT ${columns} WHERE false`, ...rows].join(' UNION ALL ');
  await connection.run(`COPY (${select}) TO ${sql(file)} (FORMAT parquet)`);
}

export async function writeNeighbours(file: string, t: NeighbourSheet): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t.sheetName);
  sheet.addRow(['A']);
  sheet.addRow([1]);
  sheet.addRow(t.header);
  for (const r of t.rows) sheet.addRow(r.map(excelValue));
  fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

export interface LaitStore {
  db: Database;
  areas: AreaRefs;
  duck: DuckDBConnection;
  closeDuck: () => void;
  /** The base files, written once. */
  baseDir: string;
}

/** A fresh store with the base folder imported. */
export async function openLaitStore(): Promise<LaitStore> {
  const db = await freshPglite();
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-lait-property-'));
  fs.writeFileSync(
    path.join(baseDir, dictionaryFile),
    writeCsv([baseDictionary().header, ...baseDictionary().rows]),
  );
  await writeBds(duck, path.join(baseDir, bdsFile), baseBds);
  await writeNeighbours(path.join(baseDir, neighboursFile), baseNeighbours);
  await importLait(db, baseDir);
  const closeDuck = () => {
    duck.closeSync();
    instance.closeSync();
  };
  return { db, areas: await readAreaRefs(db), duck, closeDuck, baseDir };
}

export async function closeLaitStore(s: LaitStore | undefined): Promise<void> {
  if (!s) return;
  await s.db.close();
  s.closeDuck();
  fs.rmSync(s.baseDir, { recursive: true, force: true });
}

/** A new folder holding the base files, for one run to replace one of them. */
export function copyOfBase(s: LaitStore): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-lait-run-'));
  for (const f of [dictionaryFile, bdsFile, neighboursFile])
    fs.copyFileSync(path.join(s.baseDir, f), path.join(dir, f));
  return dir;
}
