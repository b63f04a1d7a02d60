import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/lait');

/** One BDS row: measure, year label, value text, LA number. */
export type BdsRow = [shortDesc: string, years: string, values: string, laNumber: number];

export const validBdsRows: BdsRow[] = [
  ['GLD', '2024', '67.5', 933],
  ['GLD', '2024', '-', 935],
  ['GLD', '2024', '68.1', 970],
  ['PerAbs', '2023/24', '21.25', 933],
  ['PerAbs', '2023/24', 'c', 935],
  ['CINPermAbsent', '2024', '30.5', 933],
];

/** A SQL string literal; a control character (which DuckDB's parser refuses in a literal) as chr(n). */
const sql = (s: string) =>
  `('${s.replace(/'/g, "''").replace(/[\u0000-\u001f]/g, (c) => `' || chr(${c.charCodeAt(0)}) || '`)}')`;

/** Writes bds_long_0.parquet with DuckDB (LA Number as DOUBLE, as the real file). */
export async function writeBdsParquet(
  file: string,
  rows: BdsRow[],
  options: { dropColumn?: string } = {},
): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // No rows: one typed row filtered out, so the file keeps its columns and types.
  const values =
    rows.length === 0
      ? `('', '', '', '', '', 0::DOUBLE, '') LIMIT 0`
      : rows
          .map(
            ([m, y, v, la]) =>
              `(${sql(m)}, 'item', ${sql(y)}, 'LA', ${sql(v)}, ${la}::DOUBLE, 'Region')`,
          )
          .join(', ');
  const columns = [
    'Short Desc',
    'Data item',
    'Years',
    'LA and Regions',
    'Values',
    'LA Number',
    'Region',
  ];
  const select = columns
    .filter((c) => c !== options.dropColumn)
    .map((c) => `"${c}"`)
    .join(', ');
  await connection.run(
    `COPY (SELECT ${select} FROM (VALUES ${values}) AS t(${columns.map((c) => `"${c}"`).join(', ')})) TO '${file.replace(/'/g, "''")}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
}

/** A small sn_may_2025.xlsx: Somerset (933) and Devon (878), header on row 3 as the DfE file. */
export async function writeNeighbourWorkbook(
  file: string,
  rows: (string | number)[][] = defaultNeighbourRows,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('LA SN Groups');
  sheet.addRow(['A']);
  sheet.addRow([1]);
  sheet.addRow([
    'LA num',
    'LA Name',
    'LA number',
    'GOInd',
    'GOReg',
    ...Array.from({ length: 10 }, (_, k) => [`SN${k + 1}`, 'SNP']).flat(),
  ]);
  for (const r of rows) sheet.addRow(r);
  await workbook.xlsx.writeFile(file);
}

const sn = (codes: number[]) => codes.flatMap((c) => [c, 'Very Close']);
export const defaultNeighbourRows: (string | number)[][] = [
  [
    933,
    'Somerset',
    933,
    7,
    'South West',
    ...sn([935, 830, 838, 893, 885, 891, 878, 860, 855, 881]),
  ],
  [878, 'Devon', 878, 7, 'South West', ...sn([933, 830, 838, 893, 885, 891, 935, 860, 855, 881])],
];

/** A temporary LAIT folder holding small valid files; `change` edits it before the test imports it. */
export async function makeLaitFolder(
  options: { bds?: BdsRow[]; dictionary?: string; dropBdsColumn?: string } = {},
): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-lait-'));
  await writeBdsParquet(path.join(dir, 'bds_long_0.parquet'), options.bds ?? validBdsRows, {
    dropColumn: options.dropBdsColumn,
  });
  fs.copyFileSync(
    path.join(fixtures, options.dictionary ?? 'dictionary.csv'),
    path.join(dir, 'lait_data_dictionary.csv'),
  );
  await writeNeighbourWorkbook(path.join(dir, 'sn_may_2025.xlsx'));
  return dir;
}
