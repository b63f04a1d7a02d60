import type { InspectionRecord } from '../../schools/inspections.repository.js';
import type { SchoolListing } from '../../schools/register.repository.js';
import type { CsvTable } from '../shared/csv-table.js';
import type { ProblemCollector } from '../shared/problems.js';
import { RowCells, type ColumnNames } from './cells.js';
import type { InspectionColumns, OfstedLayout, SchoolColumns } from './layouts.js';

/** An inspection and where the file gives it (for a problem about a second account of it). */
export interface RowInspection {
  record: InspectionRecord;
  kind: InspectionColumns['kind'];
  row: number;
  /** The file's name for the inspection-number column. */
  numberColumn: string;
}

/**
 * What a row says about a school. `current`: the school as the file describes it now; otherwise
 * as it was when inspected (`asOf`, the inspection's start date), which says less and older.
 */
export interface DatedListing {
  listing: SchoolListing;
  current: boolean;
  asOf: string | null;
}

export interface Extraction {
  inspections: RowInspection[];
  listings: DatedListing[];
}

/** The "open date" Ofsted writes when it has none. */
const placeholderOpenDate = '1900-01-01';
const pupilsRange = { min: 0, max: 100_000 };
const ageRange = { min: 0, max: 99 };

/** Reads every row, adding a problem for each cell that is wrong; stops when the collector is full. */
export function extractRows(
  table: CsvTable,
  layout: OfstedLayout,
  names: ColumnNames,
  las: ReadonlySet<number>,
  problems: ProblemCollector,
): Extraction {
  const out: Extraction = { inspections: [], listings: [] };
  for (let i = 0; i < table.rows.length && !problems.full; i++) {
    const cells = new RowCells(table.rows[i]!, i + 2, names, problems);
    const school = readSchool(cells, layout.school, las);
    if (school) out.listings.push({ listing: school, current: true, asOf: null });
    for (const spec of layout.inspections) {
      const found = readInspection(cells, spec, school?.urn ?? null, las);
      if (!found) continue;
      const numberColumn = names.get(spec.number) ?? spec.number;
      out.inspections.push({ record: found.record, kind: spec.kind, row: i + 2, numberColumn });
      if (found.atTheTime)
        out.listings.push({
          listing: found.atTheTime,
          current: false,
          asOf: found.record.startDate,
        });
    }
  }
  return out;
}

function readSchool(
  cells: RowCells,
  c: SchoolColumns,
  las: ReadonlySet<number>,
): SchoolListing | null {
  const urn = cells.urn(c.urn);
  const name = cells.required(c.name, "the school's name");
  const la = cells.laestab(c.laestab, las);
  const openDate = cells.date(c.openDate);
  const listing: SchoolListing = {
    urn: urn ?? 0,
    name: name ?? '',
    laCode: la?.laCode ?? null,
    estab: la?.estab ?? null,
    schoolType: cells.text(c.schoolType),
    openDate: openDate === placeholderOpenDate ? null : openDate,
    postcode: cells.text(c.postcode),
    trust: cells.text(c.trust),
    pupils: cells.whole(c.pupils, pupilsRange),
    ageLow: cells.whole(c.ageLow, ageRange),
    ageHigh: cells.whole(c.ageHigh, ageRange),
    religiousCharacter: cells.text(c.religiousCharacter),
  };
  return urn === null || name === null ? null : listing;
}

/** The school as the row says it was when inspected (a predecessor's URN, name and LAESTAB). */
function readAtTheTime(
  cells: RowCells,
  c: NonNullable<InspectionColumns['atTheTime']>,
  las: ReadonlySet<number>,
): SchoolListing | null {
  const urn = cells.urn(c.urn);
  const name = cells.required(c.name, "the school's name when inspected");
  const la = cells.laestab(c.laestab, las);
  if (urn === null || name === null) return null;
  return {
    urn,
    name,
    laCode: la?.laCode ?? null,
    estab: la?.estab ?? null,
    schoolType: cells.text(c.schoolType),
  };
}

/**
 * One inspection of the row, or null when the row gives none of this kind (its number is NULL).
 * The inspection is stored under the URN the school had when inspected: the school Ofsted
 * inspected, as its all-inspections files key it, so importing both kinds of file gives one row.
 */
function readInspection(
  cells: RowCells,
  spec: InspectionColumns,
  rowUrn: number | null,
  las: ReadonlySet<number>,
): { record: InspectionRecord; atTheTime: SchoolListing | null } | null {
  const number = cells.text(spec.number);
  if (number === null) {
    const given = [spec.start, spec.overall, ...spec.judgements.map((j) => j.column)].find(
      (c) => cells.text(c) !== null,
    );
    if (given) cells.problem(spec.number, `an inspection number (the row has "${given}" for it)`);
    return null;
  }
  if (!/^\d+$/.test(number)) cells.problem(spec.number, 'an inspection number written in digits');
  const atTheTime = spec.atTheTime ? readAtTheTime(cells, spec.atTheTime, las) : null;
  const urn = spec.atTheTime ? (atTheTime?.urn ?? null) : rowUrn;
  const startDate = cells.date(spec.start, 'the date the inspection started');
  const record: InspectionRecord = {
    urn: urn ?? 0,
    inspectionNumber: number,
    framework: spec.framework,
    inspectionType: cells.text(spec.type),
    startDate,
    endDate: cells.date(spec.end),
    publicationDate: cells.date(spec.publication),
    overallEffectiveness: cells.word(spec.overall, 'graded-overall'),
    categoryOfConcern: cells.word(spec.concern, 'category-of-concern'),
    safeguarding: cells.word(spec.safeguarding, 'safeguarding'),
    judgements: readJudgements(cells, spec, startDate),
  };
  return urn === null ? null : { record, atTheTime: urn === rowUrn ? null : atTheTime };
}

function readJudgements(
  cells: RowCells,
  spec: InspectionColumns,
  startDate: string | null,
): Record<string, string> {
  const judgements: Record<string, string> = {};
  for (const j of spec.judgements) {
    const word = j.words === 'text' ? cells.text(j.column) : cells.word(j.column, j.words);
    if (word !== null) judgements[j.key] = word;
  }
  for (const column of spec.judgementDates ?? []) {
    const date = cells.date(column);
    // An area judged again after the inspection (at a monitoring visit) keeps its own date.
    if (date !== null && startDate !== null && date !== startDate) judgements[column] = date;
  }
  return judgements;
}

/**
 * One listing per URN: the file's account of the school now first, then the newest "when
 * inspected" one; later ones fill only what the first left blank (saveSchools needs one row per URN).
 */
export function mergeListings(listings: DatedListing[]): SchoolListing[] {
  const ordered = [...listings].sort(
    (a, b) => Number(b.current) - Number(a.current) || (b.asOf ?? '').localeCompare(a.asOf ?? ''),
  );
  const byUrn = new Map<number, SchoolListing>();
  for (const { listing } of ordered) {
    const first = byUrn.get(listing.urn);
    if (!first) {
      byUrn.set(listing.urn, { ...listing });
      continue;
    }
    const gaps = Object.entries(listing).filter(
      ([key, value]) =>
        (value ?? null) !== null && (first[key as keyof SchoolListing] ?? null) === null,
    );
    Object.assign(first, Object.fromEntries(gaps));
  }
  return [...byUrn.values()];
}
