import { readCell } from '../shared/numbers.js';

/**
 * EES cell values. The GSS symbols (and a blank cell) mean "no value": the marker is kept beside a
 * null value, never turned into zero.
 */
export const suppressionMarkers = ['z', 'c', 'x', ':', 'low', 'u'] as const;

export type CellValue =
  | { value: number; suppression: null }
  | { value: null; suppression: string | null }
  | { error: string };

const markers = new Set<string>(suppressionMarkers);
const inWords = `one of the markers ${suppressionMarkers.join(' ')}`;

export function parseCell(raw: string | undefined): CellValue {
  const cell = readCell(raw, markers, inWords);
  if (!cell.ok) return { error: cell.expected };
  return cell.value === null
    ? { value: null, suppression: cell.suppression }
    : { value: cell.value, suppression: null };
}
