import path from 'node:path';
import type { SchoolListing } from '../../schools/register.repository.js';
import { parseCsvTable, requireColumns, type CsvTable } from '../shared/csv-table.js';
import { emptyFileError, readUtf8Text } from '../shared/file-checks.js';
import type { ProblemCollector } from '../shared/problems.js';
import type { AcademicYear } from './academic-year.js';
import { isBlank, readPerformanceCell } from './cells.js';
import { compareWithMeta, figureColumns, type FigureColumn } from './columns.js';
import type { MetaFile } from './meta.js';
import { phaseOfCensusType, type Publication, type RowRole } from './publications.js';
import { placeRow, type RowColumns } from './rows.js';

/** One cell to store: a figure, a code (SUPP ...) beside a null, or text. */
export interface Figure {
  code: string;
  value: number | null;
  marker: string | null;
  text: string | null;
}

export interface SchoolRow {
  urn: number;
  laCode: number | null;
  role: RowRole;
  row: number;
  figures: Figure[];
}

export interface TotalRow {
  areaCode: number;
  rowKind: string;
  row: number;
  figures: Figure[];
}

/** A performance-table file read and checked: what the import writes. */
export interface PerformanceFile {
  file: string;
  checksum: string;
  publication: Publication;
  /** Null for a file without figures (the spine). */
  year: AcademicYear | null;
  meta: MetaFile | null;
  columns: FigureColumn[];
  schools: SchoolRow[];
  totals: TotalRow[];
  listings: SchoolListing[];
  rowsRead: number;
  /** Total rows with no figure at all, left out. */
  emptyTotals: number;
  notInMeta: string[];
  notInFile: string[];
}

const source = 'from the DfE performance tables (compare school performance)';

/** Reads one data file; its problems go to `problems` (the caller throws them together). */
export function readPerformanceFile(
  filePath: string,
  publication: Publication,
  meta: MetaFile | null,
  year: AcademicYear | null,
  laCodes: ReadonlySet<number>,
  problems: ProblemCollector,
): PerformanceFile {
  const file = path.basename(filePath);
  const { text, checksum } = readUtf8Text(filePath);
  const table = parseCsvTable(text, file, { source, allowShortRows: true });
  if (table.rows.length === 0) throw emptyFileError(file, 'has a header but no rows');
  const cols = rowColumns(table, file);
  const columns = publication.figures ? figureColumns(table, meta) : [];
  const recordTypes = meta?.recordTypes ?? publication.recordTypes;
  const context = { cols, columns, publication, recordTypes, laCodes, problems };
  const { schools, totals, listings, emptyTotals } = readRows(table, context);
  return {
    file,
    checksum,
    publication,
    year,
    meta,
    columns,
    schools,
    totals,
    listings,
    rowsRead: table.rows.length,
    emptyTotals,
    ...compareWithMeta(table.columns, meta),
  };
}

interface RowContext {
  cols: RowColumns;
  columns: FigureColumn[];
  publication: Publication;
  recordTypes: Record<string, RowRole>;
  laCodes: ReadonlySet<number>;
  problems: ProblemCollector;
}

/** Every row: a school's figures and listing, or a total row's figures. */
function readRows(table: CsvTable, context: RowContext) {
  const { cols, columns, publication, recordTypes, laCodes, problems } = context;
  const schools: SchoolRow[] = [];
  const totals: TotalRow[] = [];
  const listings: SchoolListing[] = [];
  const seen = new Map<string, number>();
  let emptyTotals = 0;
  table.rows.forEach((cells, i) => {
    if (problems.full) return;
    const rowNumber = i + 2;
    // A total row with nothing in it (england_ks4provisional.csv has one for LA 702, which is no
    // LA) holds nothing to import or check.
    if (isBlank(cells[cols.urn]) && columns.every((c) => isBlank(cells[c.code])))
      return void emptyTotals++;
    const place = placeRow(cells, rowNumber, cols, publication, recordTypes, laCodes);
    if (place.kind === 'problem') return problems.add(place.problem);
    const key = place.kind === 'school' ? `URN ${place.urn}` : `${place.rowKind} ${place.areaCode}`;
    const first = seen.get(key);
    if (first !== undefined)
      return problems.add({
        row: rowNumber,
        column: cols.urn,
        expected: `one row for ${key} (row ${first} has it too)`,
      });
    seen.set(key, rowNumber);
    const figures = readFigures(cells, columns, rowNumber, problems);
    if (place.kind === 'area') return void totals.push({ ...place, row: rowNumber, figures });
    schools.push({
      urn: place.urn,
      laCode: place.laCode,
      role: place.role,
      row: rowNumber,
      figures,
    });
    const listing = listingOf(cells, place.urn, place.laCode, place.role, publication);
    if (listing) listings.push(listing);
  });
  return { schools, totals, listings, emptyTotals };
}

function rowColumns(table: CsvTable, file: string): RowColumns {
  const hint =
    'Use the file as downloaded from the performance tables; a school-level file needs its URN column.';
  requireColumns(table, file, [{ column: 'URN', why: 'the school each row is for' }], hint);
  const has = (c: string) => table.columns.includes(c);
  return {
    urn: 'URN',
    la: has('LEA') ? 'LEA' : has('LA') ? 'LA' : null,
    rectype: has('RECTYPE') ? 'RECTYPE' : null,
    estab: has('ESTAB') ? 'ESTAB' : null,
  };
}

/** A row's cells of the figure columns: text as text, the rest through readPerformanceCell. */
export function readFigures(
  cells: Record<string, string>,
  columns: FigureColumn[],
  row: number,
  problems: ProblemCollector,
): Figure[] {
  const figures: Figure[] = [];
  for (const c of columns) {
    const raw = cells[c.code];
    if (isBlank(raw)) continue;
    if (c.kind === 'text') {
      figures.push({ code: c.code, value: null, marker: null, text: raw!.trim() });
      continue;
    }
    const cell = readPerformanceCell(raw);
    if (!cell.ok) {
      problems.add({ row, column: c.code, value: raw, expected: cell.expected });
      continue;
    }
    figures.push({ code: c.code, value: cell.value, marker: cell.suppression, text: null });
  }
  return figures;
}

/** What the row says about the school for the register (GIAS, when imported, says more). */
function listingOf(
  cells: Record<string, string>,
  urn: number,
  laCode: number | null,
  role: RowRole,
  publication: Publication,
): SchoolListing | null {
  const name = (cells.SCHNAME ?? '').trim();
  if (name === '') return null;
  const get = (c: string) => (isBlank(cells[c]) ? null : cells[c]!.trim());
  const estab = get('ESTAB');
  const spinePhase = phaseOfSpine(cells);
  return {
    urn,
    name,
    laCode,
    estab: estab && /^\d+$/.test(estab) ? Number(estab) : null,
    phase:
      spinePhase ??
      phaseOfCensusType(cells.SCHOOLTYPE) ??
      (role === 'special-school' ? null : (publication.impliedPhase ?? null)),
    schoolType: get('NFTYPE'),
    typeGroup: role === 'special-school' ? 'Special schools' : null,
    postcode: get('PCODE') ?? get('POSTCODE'),
    religiousCharacter: get('RELDENOM'),
    gender: get('GENDER'),
  };
}

/** The spine's ISPRIMARY / ISSECONDARY flags in GIAS's phase words. */
function phaseOfSpine(cells: Record<string, string>): string | null {
  if (cells.ISPRIMARY === undefined) return null;
  const primary = cells.ISPRIMARY.trim() === '1';
  const secondary = cells.ISSECONDARY?.trim() === '1';
  if (primary && secondary) return 'All-through';
  if (primary) return 'Primary';
  if (secondary) return 'Secondary';
  return null;
}
