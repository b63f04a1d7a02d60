import { readCell, type CellReading } from '../shared/numbers.js';

/**
 * The performance tables' codes in numeric columns (PROVENANCE.md, the DfE's guidance): SUPP
 * suppressed (small numbers), NE no entries, NP not published, NA not applicable, LOWCOV low
 * coverage, SP small percentage (destinations), NEW new school. Kept beside a null, never zero.
 */
export const performanceTableMarkers = ['SUPP', 'NE', 'NP', 'NA', 'LOWCOV', 'SP', 'NEW'] as const;

const markers = new Set(performanceTableMarkers.map((m) => m.toLowerCase()));
const inWords = `one of the codes ${performanceTableMarkers.join(', ')}`;

/**
 * One cell of a numeric column: "63%" is 63 (the tables write percentages with a sign and the
 * value is the percentage), "SUPP" a marker, a blank or a lone space nothing.
 */
export function readPerformanceCell(raw: string | undefined): CellReading {
  const text = raw?.trim() ?? '';
  const percent = text.endsWith('%') ? text.slice(0, -1).trimEnd() : text;
  const cell = readCell(percent, markers, inWords);
  if (!cell.ok && text.endsWith('%'))
    return { ok: false, expected: 'a percentage written with digits (like 63% or 0.5%)' };
  return cell;
}

/** True when the cell holds no figure and no code (blank, or the single space the KS2 files use). */
export function isBlank(raw: string | undefined): boolean {
  return raw === undefined || raw.trim() === '';
}

/** True when the cell reads as a number, a percentage or one of the codes: a numeric column's cell. */
export function isFigureOrCode(raw: string): boolean {
  return readPerformanceCell(raw).ok;
}
