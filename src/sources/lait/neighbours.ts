import type { ImportProblem } from '../../core/errors.js';
import type { NeighbourSet } from '../../measures/neighbours.repository.js';
import { parseWholeNumber } from '../shared/numbers.js';
import { duplicateColumnProblems } from '../shared/columns.js';
import { controlCharacterProblem } from './text-cells.js';

/** A cell as read from the workbook: text, a number or empty. */
export type Cell = string | number | null;

export interface SheetRow {
  /** Row number as Excel shows it. */
  row: number;
  cells: Cell[];
}

export interface NeighbourContext {
  /** Codes of every LA Lantern knows (current and former). */
  laCodes: ReadonlySet<number>;
  /** Region name (lower case) -> area code: "london (inner)" -> 987. */
  regionCodes: ReadonlyMap<string, number>;
}

export interface ParsedNeighbours {
  set: NeighbourSet;
  /** LAs listed with "-" in every SN cell (Cumberland and Westmorland in 2021): no neighbours then. */
  skippedLas: number[];
  missingColumns: string[];
  problems: Omit<ImportProblem, 'file'>[];
}

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 'sn_may_2025.xlsx' -> { version: '2025', month: 'May' }; null when the name has no year. */
export function neighbourFileVersion(
  fileName: string,
): { version: string; month: string | null } | null {
  const match = /^sn_([a-z]+)_(\d{4})\.xlsx$/i.exec(fileName);
  if (!match) return null;
  const month = months.includes(match[1]!.toLowerCase())
    ? match[1]![0]!.toUpperCase() + match[1]!.slice(1).toLowerCase()
    : null;
  return { version: match[2]!, month };
}

/** What Excel shows in an error cell (neighbours-reader.ts keeps it as text). */
const excelError = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/;

/**
 * "Very Close" -> "Very close"; "-", empty, an Excel error or a formula without its result
 * (neighbours-reader.ts: "=A1") -> null: no closeness shown.
 */
export function sentenceCase(raw: Cell): string | null {
  const text = raw === null ? '' : String(raw).trim();
  if (text === '' || text === '-' || excelError.test(text) || text.startsWith('=')) return null;
  return text[0]!.toUpperCase() + text.slice(1).toLowerCase();
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/** An LA code as the workbook holds it (933, or the text "933"), if it is one Lantern knows. */
function laCode(cell: Cell | undefined, context: NeighbourContext): number | null {
  if (cell === null || cell === undefined) return null;
  const read = parseWholeNumber(cell, { min: 100, max: 999 });
  return read.ok && context.laCodes.has(read.value) ? read.value : null;
}

function isEmpty(cell: Cell | undefined): boolean {
  const t = text(cell);
  return t === '' || t === '-';
}

interface Layout {
  headerRow: number;
  laNum: number;
  goReg: number;
  /** Column index of SN1..SN10 and of the closeness (SNP) column after each, if any. */
  sn: { code: number; closeness: number | null }[];
}

function findLayout(rows: SheetRow[]): Layout | { missing: string[] } {
  const header = rows.slice(0, 10).find((r) => r.cells.some((c) => text(c) === 'LA num'));
  if (!header) return { missing: ['LA num'] };
  const names = header.cells.map((c) => text(c));
  const missing: string[] = [];
  const at = (name: string) => {
    const i = names.indexOf(name);
    if (i < 0) missing.push(name);
    return i;
  };
  const laNum = at('LA num');
  const goReg = at('GOReg');
  const sn = Array.from({ length: 10 }, (_, k) => {
    const code = at(`SN${k + 1}`);
    return { code, closeness: code >= 0 && names[code + 1] === 'SNP' ? code + 1 : null };
  });
  return missing.length ? { missing } : { headerRow: header.row, laNum, goReg, sn };
}

/** The columns read, by index and name: every cell is one line (a code, a region, a closeness). */
function columnsRead(layout: Layout): [number, string][] {
  return [
    [layout.laNum, 'LA num'],
    [layout.goReg, 'GOReg'],
    ...layout.sn.flatMap((s, k): [number, string][] => [
      [s.code, `SN${k + 1}`],
      ...(s.closeness === null ? [] : [[s.closeness, 'SNP'] as [number, string]]),
    ]),
  ];
}

/**
 * The rows under the header whose cells read hold no control character; a problem for each cell
 * of the others that does (such a row is read no further).
 */
function rowsBelowHeader(
  rows: SheetRow[],
  layout: Layout,
  problems: Omit<ImportProblem, 'file'>[],
): SheetRow[] {
  const read = columnsRead(layout);
  return rows.filter((r) => {
    if (r.row <= layout.headerRow) return false;
    const damaged = read.flatMap(([j, column]) => {
      const problem = controlCharacterProblem(r.cells[j], r.row, column, 'one line');
      return problem ? [problem] : [];
    });
    problems.push(...damaged);
    return damaged.length === 0;
  });
}

/**
 * Reads sheet "LA SN Groups" rows into a neighbour set. Rows without an LA number (blank lines,
 * the "Old SNs:" heading) are passed over; the pre-reorganisation councils below it are kept.
 */
export function parseNeighbourRows(
  rows: SheetRow[],
  version: string,
  description: string,
  context: NeighbourContext,
): ParsedNeighbours {
  const set: NeighbourSet = { version, description, neighbours: new Map(), regions: new Map() };
  const layout = findLayout(rows);
  if ('missing' in layout)
    return { set, skippedLas: [], missingColumns: layout.missing, problems: [] };
  // The closeness column is "SNP" ten times over; the columns read by name must be there once.
  const readByName = ['LA num', 'GOReg', ...layout.sn.map((_, k) => `SN${k + 1}`)];
  const header = rows.find((r) => r.row === layout.headerRow)!.cells.map((c) => text(c));
  const problems = duplicateColumnProblems(header, layout.headerRow, readByName);
  const skippedLas: number[] = [];
  for (const r of rowsBelowHeader(rows, layout, problems)) {
    const laText = text(r.cells[layout.laNum]);
    if (laText === '') {
      // A blank line or the "Old SNs:" heading is passed over; neighbours for no LA are not.
      const given = layout.sn.map((s) => text(r.cells[s.code])).find((t) => t !== '' && t !== '-');
      if (given !== undefined)
        problems.push({
          row: r.row,
          column: 'LA num',
          value: '',
          expected: `the LA whose neighbours the row gives (SN1… hold "${given}")`,
        });
      continue;
    }
    const la = laCode(r.cells[layout.laNum], context);
    if (la === null) {
      problems.push({
        row: r.row,
        column: 'LA num',
        value: laText,
        expected: 'the 3-digit code of a local authority Lantern knows (see `lantern areas`)',
      });
      continue;
    }
    if (set.neighbours.has(la) || skippedLas.includes(la)) {
      problems.push({
        row: r.row,
        column: 'LA num',
        value: laText,
        expected: 'each LA listed once',
      });
      continue;
    }
    if (layout.sn.every((s) => isEmpty(r.cells[s.code]))) {
      skippedLas.push(la);
      continue;
    }
    const region = rowRegion(r, layout, context, problems);
    if (region !== undefined) set.regions.set(la, region);
    set.neighbours.set(la, rowNeighbours(r, layout, context, problems));
  }
  return { set, skippedLas, missingColumns: [], problems };
}

/** The comparison region named in the row's GOReg cell, or undefined with a problem added. */
function rowRegion(
  r: SheetRow,
  layout: Layout,
  context: NeighbourContext,
  problems: Omit<ImportProblem, 'file'>[],
): number | undefined {
  const regionText = text(r.cells[layout.goReg]);
  const region = context.regionCodes.get(regionText.toLowerCase());
  if (region === undefined) {
    problems.push({
      row: r.row,
      column: 'GOReg',
      value: regionText,
      expected: 'an English region name, e.g. "South West" or "London (Inner)"',
    });
  }
  return region;
}

/** The row's SN1..SN10 with their closeness, SN1 first; a problem for each cell that is not an LA. */
function rowNeighbours(
  r: SheetRow,
  layout: Layout,
  context: NeighbourContext,
  problems: Omit<ImportProblem, 'file'>[],
): { code: number; closeness: string | null }[] {
  const list: { code: number; closeness: string | null }[] = [];
  layout.sn.forEach((s, k) => {
    const codeText = text(r.cells[s.code]);
    const code = laCode(r.cells[s.code], context);
    if (code === null) {
      problems.push({
        row: r.row,
        column: `SN${k + 1}`,
        value: codeText,
        expected: 'the 3-digit code of a local authority Lantern knows',
      });
      return;
    }
    list.push({
      code,
      closeness: s.closeness === null ? null : sentenceCase(r.cells[s.closeness] ?? null),
    });
  });
  return list;
}
