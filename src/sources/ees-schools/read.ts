import type { SchoolListing } from '../../schools/register.repository.js';
import { parseCsvTable, requireColumns, type CsvTable } from '../shared/csv-table.js';
import { emptyFileError } from '../shared/file-checks.js';
import type { ProblemCollector } from '../shared/problems.js';
import { defaultYearStyle, yearLabel } from '../ees/years.js';
import {
  eesFigureColumns,
  readEesFigures,
  type EesFigure,
  type EesFigureColumn,
} from './columns.js';
import { eesSource, schoolFileColumns, type EesSchoolFileText } from './files.js';
import { readGuidanceLabels } from './guidance.js';
import { eesListing } from './listing.js';
import type { RowPlacer } from './rows.js';

/** An academic year as the school tables store it: '2024/25', first year 2024. */
export interface SchoolYear {
  label: string;
  first: number;
}

export interface EesSchoolRow {
  urn: number;
  laCode: number;
  year: SchoolYear;
  row: number;
  figures: EesFigure[];
}

export interface EesTotalRow {
  areaCode: number;
  rowKind: 'england' | 'region' | 'la';
  year: SchoolYear;
  row: number;
  figures: EesFigure[];
}

/** A school-level file read and checked: what the import writes. */
export interface EesSchoolFile {
  file: string;
  checksum: string;
  publication: string;
  /** The data guidance the labels came from, or null (columns labelled by their own names). */
  guidance: string | null;
  columns: EesFigureColumn[];
  schools: EesSchoolRow[];
  totals: EesTotalRow[];
  /** One per school, from its latest year's row. */
  listings: SchoolListing[];
  rowsRead: number;
  /** Rows at other EES levels (constituency, MAT, ...), by level: not stored. */
  ignored: Record<string, number>;
  /** The academic years the file holds, earliest first. */
  years: SchoolYear[];
  /** The `version` column's values (Provisional, Revised), when it has one. */
  versions: string[];
}

/** Reads one school-level file; its problems go to `problems` (the caller throws them together). */
export function readEesSchoolFile(
  f: EesSchoolFileText,
  placer: RowPlacer,
  problems: ProblemCollector,
): EesSchoolFile {
  const table = parseCsvTable(f.text, f.file, { source: eesSource });
  if (table.rows.length === 0) throw emptyFileError(f.file, 'has a header but no rows');
  requireColumns(
    table,
    f.file,
    schoolFileColumns.map((column) => ({ column, why: 'every row of a school-level file' })),
    `Use the file as downloaded ${eesSource}.`,
  );
  const guidance = readGuidanceLabels(f.path);
  const columns = eesFigureColumns(table, guidance?.labels ?? null);
  const read = readRows(table, columns, placer, problems);
  const years = new Map<string, SchoolYear>();
  for (const r of [...read.schools, ...read.totals]) years.set(r.year.label, r.year);
  const versions = new Set(table.rows.map((r) => (r.version ?? '').trim()).filter((v) => v));
  return {
    file: f.file,
    checksum: f.checksum,
    publication: f.publication,
    guidance: guidance?.file ?? null,
    columns,
    ...read,
    rowsRead: table.rows.length,
    years: [...years.values()].sort((a, b) => a.first - b.first),
    versions: [...versions].sort(),
  };
}

function readRows(
  table: CsvTable,
  columns: EesFigureColumn[],
  placer: RowPlacer,
  problems: ProblemCollector,
) {
  const schools: EesSchoolRow[] = [];
  const totals: EesTotalRow[] = [];
  const listings = new Map<number, { first: number; listing: SchoolListing }>();
  const ignored: Record<string, number> = {};
  const seen = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    if (problems.full) return;
    const row = i + 2;
    const place = placer.place(cells, row);
    if (place.kind === 'problem') return problems.add(place.problem);
    if (place.kind === 'ignored')
      return void (ignored[place.level] = (ignored[place.level] ?? 0) + 1);
    const year = yearOf(cells.time_period, row, problems);
    if (!year) return;
    const key =
      place.kind === 'school'
        ? `URN ${place.urn} in ${year.label}`
        : `${place.rowKind} ${place.areaCode} in ${year.label}`;
    const first = seen.get(key);
    if (first !== undefined)
      return problems.add({
        row,
        column: place.kind === 'school' ? 'school_urn' : 'geographic_level',
        value: place.kind === 'school' ? String(place.urn) : cells.geographic_level,
        expected: `one row for ${key} (row ${first} has it too)`,
      });
    seen.set(key, row);
    const figures = readEesFigures(cells, columns, row, problems);
    if (place.kind === 'area') return void totals.push({ ...place, year, row, figures });
    schools.push({ urn: place.urn, laCode: place.laCode, year, row, figures });
    const listing = eesListing(cells, place.urn, place.laCode);
    const held = listings.get(place.urn);
    if (listing && (!held || held.first <= year.first))
      listings.set(place.urn, { first: year.first, listing });
  });
  return { schools, totals, listings: [...listings.values()].map((l) => l.listing), ignored };
}

function yearOf(
  raw: string | undefined,
  row: number,
  problems: ProblemCollector,
): SchoolYear | null {
  const text = (raw ?? '').trim();
  const year = defaultYearStyle(text) === 'academic' ? yearLabel(text, 'academic') : null;
  if (!year || 'error' in year) {
    problems.add({
      row,
      column: 'time_period',
      value: raw,
      expected: 'an academic year as EES writes it (202425 for 2024/25)',
    });
    return null;
  }
  return { label: year.label, first: year.number };
}
