import type { ImportProblem } from '../../core/errors.js';
import type { BdsColumns } from './bds-reader.js';
import { parseValue } from './values.js';
import { parseYearLabel } from './year-label.js';

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
  /** Rows whose year label has no 4-digit year and no value (label "0"): skipped. */
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

/** Checks every row and turns the good ones into observations. Pure: no I/O. */
export function validateBds(columns: BdsColumns, context: BdsContext): BdsValidation {
  const problems: Omit<ImportProblem, 'file'>[] = [];
  const add = (p: Omit<ImportProblem, 'file'>) => {
    if (problems.length < context.problemLimit) problems.push(p);
  };
  const obs: ObservationColumns = {
    measureCode: [],
    areaCode: [],
    yearLabel: [],
    yearNumber: [],
    value: [],
    suppression: [],
  };
  const undocumented = new Map<string, number>();
  const seen = new Set<string>();
  let rowsWithoutYear = 0;
  for (let i = 0; i < columns.rowCount; i++) {
    if (problems.length >= context.problemLimit) break;
    const code = columns.shortDesc[i]?.trim() ?? '';
    if (code === '') {
      add({ row: rowNumber(i), column: 'Short Desc', value: '', expected: 'a measure code' });
      continue;
    }
    if (!context.measureCodes.has(code)) {
      undocumented.set(code, (undocumented.get(code) ?? 0) + 1);
      continue;
    }
    const la = columns.laNumber[i] ?? null;
    const areaOk = la !== null && Number.isInteger(la) && context.areaCodes.has(la);
    if (!areaOk) {
      add({
        row: rowNumber(i),
        column: 'LA Number',
        value: la === null ? '' : String(la),
        expected:
          'the code of an LA, region (980-990) or England (970) that Lantern knows (see `lantern areas`)',
      });
    }
    const parsed = parseValue(columns.values[i]);
    if (!parsed.ok) {
      add({
        row: rowNumber(i),
        column: 'Values',
        value: columns.values[i] ?? '',
        expected:
          'a number (like 57 or -1.25) or a suppression marker such as "-", "c", "x", "z" or "low"',
      });
    }
    const yearText = columns.years[i] ?? '';
    const year = parseYearLabel(yearText);
    if (!year) {
      if (parsed.ok && parsed.value === null) rowsWithoutYear++;
      else
        add({
          row: rowNumber(i),
          column: 'Years',
          value: yearText,
          expected: 'a year label starting with a 4-digit year, like "2024" or "2016-17 (OT)"',
        });
      continue;
    }
    if (!areaOk || !parsed.ok) continue;
    const key = `${code}\u0000${la}\u0000${year.label}`;
    if (seen.has(key)) {
      add({
        row: rowNumber(i),
        column: 'Years',
        value: year.label,
        expected: `one row per measure, area and year (${code}, area ${la}, ${year.label} appears more than once)`,
      });
      continue;
    }
    seen.add(key);
    obs.measureCode.push(code);
    obs.areaCode.push(la);
    obs.yearLabel.push(year.label);
    obs.yearNumber.push(year.yearNumber);
    obs.value.push(parsed.value);
    obs.suppression.push(parsed.suppression);
  }
  return {
    observations: obs,
    undocumentedMeasures: [...undocumented]
      .map(([c, rows]) => ({ code: c, rows }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    rowsWithoutYear,
    problems,
  };
}
