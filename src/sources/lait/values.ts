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
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export type ParsedValue =
  { ok: true; value: number | null; suppression: string | null } | { ok: false };

const missing: ParsedValue = { ok: true, value: null, suppression: null };

/**
 * Parses one published value. Numbers (spaces around them allowed, as R's `as.numeric`) give a value;
 * a known marker gives null and the marker; an empty or absent cell gives null with no marker.
 * Anything else is not ok: LAIT would silently turn it into NA, Lantern reports it.
 */
export function parseValue(raw: string | null | undefined): ParsedValue {
  if (raw === null || raw === undefined) return missing;
  const text = raw.trim();
  if (text === '') return missing;
  if (numberPattern.test(text)) return { ok: true, value: Number(text), suppression: null };
  if (markerSet.has(text.toLowerCase())) return { ok: true, value: null, suppression: text };
  return { ok: false };
}
