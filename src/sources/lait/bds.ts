import type { ImportProblem } from '../../core/errors.js';
import type { BdsColumns } from './bds-reader.js';
import { parseWholeNumber } from '../shared/numbers.js';
import { parseValue } from './values.js';
import { parseYearLabel } from './year-label.js';
import { maxYearLabelBytes, overBytes } from '../shared/limits.js';
import { controlCharacterProblem } from './text-cells.js';

/** Observations ready to load, as parallel arrays (one entry per row). */
export interface ObservationColumns {
  measureCode: string[];
  areaCode: number[];
  yearLabel: string[];
  yearNumber: number[];
  value: (number | null)[];
  suppression: (string | null)[];
}

export interface BdsValidation {
  observations: ObservationColumns;
  /** Measures in the data file with no dictionary row: not imported (LAIT left-joins dictionary -> data). */
  undocumentedMeasures: { code: string; rows: number }[];
  /** Rows labelled "0" (LAIT's label for no year) with no number in Values: skipped. */
  rowsWithoutYear: number;
  problems: Omit<ImportProblem, 'file'>[];
}

export interface BdsContext {
  /** Measure codes in the dictionary. */
  measureCodes: ReadonlySet<string>;
  /** Every area code Lantern knows (LAs, regions 980-990, England 970). */
  areaCodes: ReadonlySet<number>;
  /** Stop collecting at this many problems. */
  problemLimit: number;
}

/** Row number as a spreadsheet would show the file (header = row 1). */
const rowNumber = (i: number) => i + 2;

type Problem = Omit<ImportProblem, 'file'>;

/** One validation under way. */
interface Validating {
  problems: Problem[];
  add(p: Problem): void;
  obs: ObservationColumns;
  undocumented: Map<string, number>;
  /** measure, area and year of every row taken */
  seen: Set<string>;
  rowsWithoutYear: number;
}

const expectedArea =
  'the code of an LA, region (980-990) or England (970) that Lantern knows (see `lantern areas`)';
/** Lantern's area codes: LAs, regions and England are all three digits. */
const areaCodeRange = { min: 100, max: 999 };
const expectedYear = 'a year label starting with a 4-digit year, like "2024" or "2016-17 (OT)"';
/**
 * [QUIRK] The label the DfE gives rows that have no year (CINPermExclusion, every value "-"), which
 * LAIT reads as year 0. Only a row with this label and no number is skipped: any other label
 * without a year is refused, whatever the row holds, so a damaged label never drops a figure.
 */
export const noYearLabel = '0';
const expectedYearForNumber = `${expectedYear} (a row labelled "${noYearLabel}" is skipped only when it has no value)`;

/** The columns read, in the order their problems are listed: each cell is one line of text. */
const textColumns = [
  ['Short Desc', 'shortDesc'],
  ['Years', 'years'],
  ['Values', 'values'],
  ['LA Number', 'laNumber'],
] as const;

/** Checks every row and turns the good ones into observations. Pure: no I/O. */
export function validateBds(columns: BdsColumns, context: BdsContext): BdsValidation {
  const problems: Problem[] = [];
  const v: Validating = {
    problems,
    add: (p) => {
      if (problems.length < context.problemLimit) problems.push(p);
    },
    obs: {
      measureCode: [],
      areaCode: [],
      yearLabel: [],
      yearNumber: [],
      value: [],
      suppression: [],
    },
    undocumented: new Map(),
    seen: new Set(),
    rowsWithoutYear: 0,
  };
  for (let i = 0; i < columns.rowCount; i++) {
    if (problems.length >= context.problemLimit) break;
    validateRow(columns, context, v, i);
  }
  return {
    observations: v.obs,
    undocumentedMeasures: [...v.undocumented]
      .map(([c, rows]) => ({ code: c, rows }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    rowsWithoutYear: v.rowsWithoutYear,
    problems,
  };
}

/** Adds a problem for each cell of row `i` read that holds a control character; true if any does. */
function controlCharacters(columns: BdsColumns, v: Validating, i: number): boolean {
  let damaged = false;
  for (const [column, key] of textColumns) {
    const problem = controlCharacterProblem(columns[key][i], rowNumber(i), column, 'one line');
    if (problem) {
      v.add(problem);
      damaged = true;
    }
  }
  return damaged;
}

/** A row whose label has no year: skipped when labelled "0" without a value (`noValue`), else refused. */
function withoutYear(v: Validating, row: number, yearText: string, noValue: boolean): void {
  const noYear = yearText.trim() === noYearLabel;
  if (noYear && noValue) v.rowsWithoutYear++;
  else
    v.add({
      row,
      column: 'Years',
      value: yearText,
      expected: noYear ? expectedYearForNumber : expectedYear,
    });
}

/** Row `i`: an observation, a problem for each bad cell, or skipped (undocumented measure, label "0" without a value). */
function validateRow(columns: BdsColumns, context: BdsContext, v: Validating, i: number): void {
  const row = rowNumber(i);
  if (controlCharacters(columns, v, i)) return;
  const code = columns.shortDesc[i]?.trim() ?? '';
  if (code === '') {
    v.add({ row, column: 'Short Desc', value: '', expected: 'a measure code' });
    return;
  }
  if (!context.measureCodes.has(code)) {
    v.undocumented.set(code, (v.undocumented.get(code) ?? 0) + 1);
    return;
  }
  const laCell = columns.laNumber[i] ?? null;
  const laRead = laCell === null ? null : parseWholeNumber(laCell, areaCodeRange);
  const la = laRead?.ok ? laRead.value : null;
  const areaOk = la !== null && context.areaCodes.has(la);
  if (!areaOk)
    v.add({
      row,
      column: 'LA Number',
      value: laCell === null ? '' : String(laCell),
      expected: expectedArea,
    });
  const parsed = parseValue(columns.values[i]);
  if (!parsed.ok)
    v.add({ row, column: 'Values', value: columns.values[i] ?? '', expected: parsed.expected });
  const yearText = columns.years[i] ?? '';
  if (overBytes(yearText, maxYearLabelBytes)) {
    v.add({
      row,
      column: 'Years',
      value: `${yearText.slice(0, 40)}… (${yearText.length} characters)`,
      expected: `a year label of at most ${maxYearLabelBytes} bytes`,
    });
    return;
  }
  const year = parseYearLabel(yearText);
  if (!year) {
    withoutYear(v, row, yearText, parsed.ok && parsed.value === null);
    return;
  }
  if (la === null || !areaOk || !parsed.ok) return;
  const key = `${code}\u0000${la}\u0000${year.label}`;
  if (v.seen.has(key)) {
    v.add({
      row,
      column: 'Years',
      value: year.label,
      expected: `one row per measure, area and year (${code}, area ${la}, ${year.label} appears more than once)`,
    });
    return;
  }
  v.seen.add(key);
  v.obs.measureCode.push(code);
  v.obs.areaCode.push(la);
  v.obs.yearLabel.push(year.label);
  v.obs.yearNumber.push(year.yearNumber);
  v.obs.value.push(parsed.value);
  v.obs.suppression.push(parsed.suppression);
}
