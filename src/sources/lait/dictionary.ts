import Papa from 'papaparse';
import { duplicateColumnProblems } from '../shared/columns.js';
import type { ImportProblem } from '../../core/errors.js';
import type { Measure } from '../../measures/measure.js';
import { decimalPlacesRange, parseNumber, parseWholeNumber } from '../shared/numbers.js';
import { controlCharacterProblems, measureCode } from './dictionary-cells.js';

/** Columns Lantern cannot do without; the others are read when present. */
export const requiredDictionaryColumns = [
  'Measure_short',
  'Topic',
  'Measure',
  'Polarity',
  'dps',
  'No_Quartile',
  'Table_status',
] as const;

export interface DictionaryRow {
  /** Row number as a spreadsheet shows it (header = row 1). */
  row: number;
  cells: Record<string, string | null>;
  /** How many fields the CSV row has (the header's count when whole). */
  fieldCount: number;
}

export interface ParsedDictionary {
  measures: Measure[];
  /** Dictionary rows read (after dropping DISCONTINUE rows). */
  rowCount: number;
  droppedDiscontinued: number;
  /** The Measure_short of those rows (those no other row keeps), first seen first. */
  discontinuedCodes: string[];
  /** Measure codes that had more than one dictionary row, merged into one measure. */
  mergedCodes: string[];
  missingColumns: string[];
  problems: Omit<ImportProblem, 'file'>[];
}

/** Splits the CSV text into rows; "NA" and empty cells become null (as R's read.csv). */
export function readDictionaryRows(text: string): {
  columns: string[];
  rows: DictionaryRow[];
  errors: Papa.ParseError[];
} {
  // The dictionary is comma-separated; Papa's guessing would read a row full of tabs as a tab file.
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
  const [header = [], ...body] = parsed.data;
  const columns = header.map((h) => h.trim());
  const rows: DictionaryRow[] = [];
  // Embedded newlines mean CSV record i is not line i; count records (header = row 1), as a spreadsheet does.
  body.forEach((cells, i) => {
    const record: Record<string, string | null> = {};
    columns.forEach((c, j) => {
      const v = cells[j]?.trim();
      record[c] = v === undefined || v === '' || v === 'NA' ? null : v;
    });
    rows.push({ row: i + 2, cells: record, fieldCount: cells.length });
  });
  return { columns, rows, errors: parsed.errors };
}

/**
 * A row with fewer or more fields than the header: cut short or with a stray comma. Papa checks
 * this only when it reads the header itself, so the dictionary (read as rows) checks it here.
 */
function fieldCountProblems(rows: DictionaryRow[], columnCount: number) {
  return rows
    .filter((r) => r.fieldCount !== columnCount)
    .map((r) => ({
      row: r.row,
      expected: `${columnCount} fields as in the header, not ${r.fieldCount} (the file may be cut short)`,
    }));
}

/** The day numbers Excel shows as dates (1900 date system), up to 2958465: 9999-12-31. */
const excelDays = { min: 1, max: 2_958_465 };

/** Excel serial day number (1900 date system) to an ISO date; text such as "TBC" gives null. */
export function excelSerialToIsoDate(raw: string | null): string | null {
  if (raw === null) return null;
  const day = parseNumber(raw);
  if (!day.ok || day.value < excelDays.min || day.value > excelDays.max) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(day.value) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A date column holding a number that is no Excel date (text such as "TBC" is allowed: no date). */
function checkExcelDate(r: DictionaryRow, column: string, problems: Omit<ImportProblem, 'file'>[]) {
  const raw = r.cells[column] ?? null;
  // Only a finite number can be a day number; anything else ("TBC", "1e400") is text: no date.
  if (raw === null || !parseNumber(raw).ok || excelSerialToIsoDate(raw) !== null) return;
  problems.push({
    row: r.row,
    column,
    value: raw,
    expected: `an Excel date (a day number from ${excelDays.min} to ${excelDays.max}), text such as "TBC", or NA`,
  });
}

interface RowReading {
  code: string;
  row: number;
  topic: string;
  name: string;
  polarity: Measure['polarity'];
  dps: number | null;
  noQuartile: boolean;
  cells: Record<string, string | null>;
}

function readRow(r: DictionaryRow, problems: Omit<ImportProblem, 'file'>[]): RowReading | null {
  const c = (column: string): string | null => r.cells[column] ?? null;
  const code = measureCode(r.row, r.cells, problems);
  if (code === null) return null;
  const polarityText = c('Polarity');
  let polarity: Measure['polarity'] = null;
  if (polarityText === 'High') polarity = 'high';
  else if (polarityText === 'Low') polarity = 'low';
  else if (polarityText !== null && polarityText !== '-') {
    problems.push({
      row: r.row,
      column: 'Polarity',
      value: polarityText,
      expected: '"High", "Low", "-" or NA',
    });
  }
  let dps: number | null = null;
  const dpsText = c('dps');
  if (dpsText !== null) {
    const read = parseWholeNumber(dpsText, decimalPlacesRange);
    if (read.ok) dps = read.value;
    else
      problems.push({
        row: r.row,
        column: 'dps',
        value: dpsText,
        expected: `${read.expected} (decimal places) or NA`,
      });
  }
  for (const column of ['Last Update', 'Next Update']) checkExcelDate(r, column, problems);
  const nq = c('No_Quartile');
  if (nq !== null && nq !== 'N' && nq !== 'Y') {
    problems.push({
      row: r.row,
      column: 'No_Quartile',
      value: nq,
      expected: '"N" (no quartile bands), "Y" or NA',
    });
  }
  return {
    code,
    row: r.row,
    topic: c('Topic') ?? '',
    name: c('Measure') ?? code,
    polarity,
    dps,
    noQuartile: nq === 'N',
    cells: r.cells,
  };
}

function firstNonNull(readings: RowReading[], column: string): string | null {
  for (const r of readings) {
    const v = r.cells[column];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

/**
 * Merges the dictionary rows of one measure code (a measure listed under two topics):
 * topics joined with " / " in first-seen order, the first row's name, no quartile bands if ANY row
 * says "N", a published polarity or dps over a missing one. Two different published polarities or
 * dps cannot be merged and are reported.
 */
export function mergeMeasureRows(
  readings: RowReading[],
  problems: Omit<ImportProblem, 'file'>[],
): Measure {
  const first = readings[0]!;
  const topics: string[] = [];
  for (const r of readings) if (r.topic && !topics.includes(r.topic)) topics.push(r.topic);
  const pick = <T>(column: string, values: (T | null)[]): T | null => {
    const published = values.filter((v): v is T => v !== null);
    const distinct = [...new Set(published)];
    if (distinct.length > 1) {
      problems.push({
        row: readings[values.indexOf(distinct[1]!)]!.row,
        column,
        value: String(distinct[1]),
        expected: `the same ${column} as the measure's earlier row ${first.row} ("${String(distinct[0])}")`,
      });
    }
    return distinct[0] ?? null;
  };
  const polarity = pick(
    'Polarity',
    readings.map((r) => r.polarity),
  );
  const dps = pick(
    'dps',
    readings.map((r) => r.dps),
  );
  return {
    code: first.code,
    name: first.name,
    topic: topics.join(' / '),
    polarity,
    decimalPlaces: dps ?? 1,
    decimalPlacesPublished: dps !== null,
    yearType: firstNonNull(readings, 'Year_Type'),
    unitLabel: firstNonNull(readings, 'y_axis_name'),
    chartTitle: firstNonNull(readings, 'Chart_title'),
    description: firstNonNull(readings, 'Description'),
    methodology: firstNonNull(readings, 'Methodology'),
    source: firstNonNull(readings, 'Data Owner (DO) /Supplier and Contact Details'),
    sourceLinks: firstNonNull(readings, 'Hyperlink(s)'),
    lastUpdate: excelSerialToIsoDate(firstNonNull(readings, 'Last Update')),
    nextUpdate: excelSerialToIsoDate(firstNonNull(readings, 'Next Update')),
    noQuartile: readings.some((r) => r.noQuartile),
  };
}

/**
 * Reads the LAIT data dictionary into measures, one per `Measure_short`, in first-seen order.
 * Rows whose Table_status contains "DISCONTINUE" (upper case, as LAIT's filter) are dropped.
 */
export function parseDictionary(text: string): ParsedDictionary {
  const { columns, rows, errors } = readDictionaryRows(text);
  const missingColumns = requiredDictionaryColumns.filter((c) => !columns.includes(c));
  const empty = {
    measures: [],
    rowCount: 0,
    droppedDiscontinued: 0,
    discontinuedCodes: [],
    mergedCodes: [],
    missingColumns,
  };
  if (missingColumns.length > 0) return { ...empty, problems: [] };
  const problems: Omit<ImportProblem, 'file'>[] = [
    ...duplicateColumnProblems(columns, 1),
    ...fieldCountProblems(rows, columns.length),
    ...errors.map((e) => ({
      row: e.row === undefined ? undefined : e.row + 2,
      expected: `well-formed CSV (${e.message})`,
    })),
  ];
  const byCode = new Map<string, RowReading[]>();
  let droppedDiscontinued = 0;
  const discontinued = new Set<string>();
  let rowCount = 0;
  for (const r of rows) {
    if (r.cells.Table_status?.includes('DISCONTINUE')) {
      droppedDiscontinued++;
      if (r.cells.Measure_short) discontinued.add(r.cells.Measure_short);
      continue;
    }
    rowCount++;
    const damaged = controlCharacterProblems(r.row, r.cells);
    if (damaged.length > 0) {
      problems.push(...damaged);
      continue;
    }
    const reading = readRow(r, problems);
    if (!reading) continue;
    const list = byCode.get(reading.code) ?? [];
    list.push(reading);
    byCode.set(reading.code, list);
  }
  const measures = [...byCode.values()].map((readings) => mergeMeasureRows(readings, problems));
  const mergedCodes = [...byCode].filter(([, list]) => list.length > 1).map(([code]) => code);
  const discontinuedCodes = [...discontinued].filter((code) => !byCode.has(code));
  return {
    measures,
    rowCount,
    droppedDiscontinued,
    discontinuedCodes,
    mergedCodes,
    missingColumns,
    problems,
  };
}
