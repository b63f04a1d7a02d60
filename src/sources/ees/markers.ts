/**
 * EES cell values. The GSS symbols (and a blank cell) mean "no value": the marker is kept beside a
 * null value, never turned into zero.
 */
export const suppressionMarkers = ['z', 'c', 'x', ':', 'low', 'u'] as const;

export type CellValue =
  | { value: number; suppression: null }
  | { value: null; suppression: string | null }
  | { error: string };

const numberPattern = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export function parseCell(raw: string | undefined): CellValue {
  const t = (raw ?? '').trim();
  if (t === '') return { value: null, suppression: null };
  if ((suppressionMarkers as readonly string[]).includes(t.toLowerCase()))
    return { value: null, suppression: t };
  if (!numberPattern.test(t))
    return { error: `a number or one of the markers ${suppressionMarkers.join(' ')} (or a blank)` };
  const n = Number(t);
  if (!Number.isFinite(n)) return { error: 'a finite number' };
  return { value: n, suppression: null };
}
