import { readCell, type CellReading } from '../shared/numbers.js';

/**
 * Markers that DfE files publish in place of a number. Matched after trimming and ignoring case;
 * the marker is kept as published (trimmed) beside a null value. A suppressed value is missing, never zero.
 */
export const suppressionMarkers: readonly string[] = [
  '-',
  '..',
  ':',
  '*',
  'c',
  'x',
  'z',
  'u',
  'k',
  'low',
  'supp',
  'ne',
  'np',
  'na',
  'n/a',
  'lowcov',
  '[c]',
  '[x]',
  '[z]',
  '[u]',
  '[k]',
  '[low]',
];

const markerSet = new Set(suppressionMarkers);
const inWords = 'a suppression marker such as "-", "c", "x", "z" or "low"';

export type ParsedValue = CellReading;

/**
 * Parses one published value. Numbers (spaces around them allowed, as R's `as.numeric`) give a value;
 * a known marker gives null and the marker; an empty or absent cell gives null with no marker.
 * Anything else, and a number too large to store, is not ok: LAIT would silently turn it into NA
 * (or Infinity), Lantern reports it.
 */
export function parseValue(raw: string | null | undefined): ParsedValue {
  return readCell(raw, markerSet, inWords);
}
