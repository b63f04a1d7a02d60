import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { lanternError } from '../../core/errors.js';
import type { SchoolListing } from '../../schools/register.repository.js';
import { binaryKindNames, damageDescription } from '../shared/damaged-files.js';
import { emptyFileError, refuseEmptyBuffer, sha256 } from '../shared/file-checks.js';
import type { ProblemCollector } from '../shared/problems.js';
import type { AcademicYear } from './academic-year.js';
import { compareWithMeta, figureColumns, type FigureColumn } from './columns.js';
import type { Publication } from './publications.js';
import { readFigures, type PerformanceFile, type SchoolRow } from './read.js';
import { placeRow, type RowColumns } from './rows.js';
import {
  missingInWorkbook,
  readMetadataSheet,
  readSheetTable,
  type SheetTable,
} from './workbook-sheet.js';

/**
 * The performance tables' .xlsx downloads: the KS4 "qualification and subject data" workbook's
 * Institution_Details sheet (one row per school or college: LA, LAESTAB, URN, name, type,
 * admissions policy, gender of entry, pupils at the end of KS4, % entering the EBacc). Its
 * headings are its codes, as the CSVs' column names are; the Metadata sheet labels them.
 */
export const institutionSheet = 'Institution_Details';
const metadataSheet = 'Metadata';

/** The headings that say which school a row is: read for placing it and for the register, not stored. */
const identityHeadings = {
  urn: /^(unique reference number \(urn\)|urn)$/i,
  la: /^(local authority number|la number|la|lea)$/i,
  laName: /^(local authority name|la name)$/i,
  laestab: /^(dfe number \(laestab\)|laestab)$/i,
  name: /^(school or college name|school name|schname)$/i,
};
const typeHeading = /^institution type$/i;
const genderHeading = /^gender of entry$/i;

const hint =
  'Use the workbook as downloaded from the performance tables (compare school performance).';

/** Reads the workbook's institution sheet; its problems go to `problems` (the caller throws them). */
export async function readPerformanceWorkbook(
  filePath: string,
  publication: Publication,
  year: AcademicYear | null,
  laCodes: ReadonlySet<number>,
  problems: ProblemCollector,
): Promise<PerformanceFile> {
  const file = path.basename(filePath);
  const buffer = fs.readFileSync(filePath);
  refuseEmptyBuffer(buffer, filePath);
  const workbook = await loadWorkbook(buffer, file);
  const sheet = workbook.getWorksheet(institutionSheet);
  if (!sheet) throw missingInWorkbook(file, `sheet named "${institutionSheet}"`, hint);
  const table = readSheetTable(sheet, file, (h) => identityHeadings.urn.test(h));
  if (!table) throw missingInWorkbook(file, `URN heading in sheet "${institutionSheet}"`, hint);
  if (table.rows.length === 0)
    throw emptyFileError(file, `has no rows in sheet "${institutionSheet}"`);
  const meta = readMetadataSheet(workbook, metadataSheet);
  const heading = (re: RegExp) => table.columns.find((c) => re.test(c)) ?? null;
  const identity = new Set(
    Object.values(identityHeadings)
      .map(heading)
      .filter((h): h is string => h !== null),
  );
  const columns = figureColumns(
    {
      columns: table.columns.filter((c) => !identity.has(c)),
      rows: table.rows.map((r) => r.cells),
    },
    meta,
  );
  const cols: RowColumns = {
    urn: heading(identityHeadings.urn)!,
    la: heading(identityHeadings.la),
    rectype: null,
    estab: null,
  };
  const { schools, listings } = readRows(table, { cols, columns, publication, laCodes, problems });
  return {
    file,
    checksum: sha256(buffer),
    publication,
    year,
    meta,
    columns,
    schools,
    totals: [],
    listings,
    rowsRead: table.rows.length,
    emptyTotals: 0,
    // The Metadata sheet describes the separate entries-and-grades download too: only headings
    // it does not describe are worth saying.
    notInMeta: compareWithMeta(table.columns, meta).notInMeta,
    notInFile: [],
  };
}

async function loadWorkbook(buffer: Buffer, file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (cause) {
    throw lanternError(
      'LANTERN_IMPORT_TRUNCATED',
      `${file} could not be read as ${binaryKindNames.xlsx}: ${damageDescription('xlsx', cause)}. Nothing was imported.`,
      {
        problems: [{ file, expected: `${binaryKindNames.xlsx}, complete and undamaged` }],
        hint: 'Download or copy the file again (check its size against the original) and run the import again.',
        cause,
      },
    );
  }
  return workbook;
}

interface RowContext {
  cols: RowColumns;
  columns: FigureColumn[];
  publication: Publication;
  laCodes: ReadonlySet<number>;
  problems: ProblemCollector;
}

function readRows(table: SheetTable, context: RowContext) {
  const { cols, columns, publication, laCodes, problems } = context;
  const schools: SchoolRow[] = [];
  const listings: SchoolListing[] = [];
  const seen = new Map<number, number>();
  for (const { row, cells } of table.rows) {
    if (problems.full) break;
    const place = placeRow(cells, row, cols, publication, {}, laCodes);
    if (place.kind === 'problem') {
      problems.add(place.problem);
      continue;
    }
    if (place.kind === 'area') {
      problems.add({ row, column: cols.urn, value: cells[cols.urn], expected: "a school's URN" });
      continue;
    }
    const first = seen.get(place.urn);
    if (first !== undefined) {
      problems.add({
        row,
        column: cols.urn,
        value: String(place.urn),
        expected: `one row for URN ${place.urn} (row ${first} has it too)`,
      });
      continue;
    }
    seen.set(place.urn, row);
    const figures = readFigures(cells, columns, row, problems);
    schools.push({ urn: place.urn, laCode: place.laCode, role: place.role, row, figures });
    const listing = listingOf(table, cells, place.urn, place.laCode);
    if (listing) listings.push(listing);
  }
  return { schools, listings };
}

/** What the row says about the school for the register (GIAS, when imported, says more). */
function listingOf(
  table: SheetTable,
  cells: Record<string, string>,
  urn: number,
  laCode: number | null,
): SchoolListing | null {
  const get = (re: RegExp) => {
    const h = table.columns.find((c) => re.test(c));
    const v = h === undefined ? '' : (cells[h] ?? '').trim();
    return v === '' ? null : v;
  };
  const name = get(identityHeadings.name);
  if (name === null) return null;
  const laestab = get(identityHeadings.laestab);
  const laestabNumber = laestab && /^\d{7}$/.test(laestab) ? Number(laestab) : null;
  return {
    urn,
    name,
    laCode,
    estab:
      laestabNumber !== null && laCode !== null && Math.floor(laestabNumber / 10000) === laCode
        ? laestabNumber % 10000
        : null,
    schoolType: get(typeHeading),
    gender: get(genderHeading),
  };
}
