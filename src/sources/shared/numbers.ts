/**
 * The one way an importer turns what a file holds into a number it stores. A stored number is
 * finite and is what the file wrote: never Infinity or NaN (a float8 column would take them), never
 * a non-zero value that underflows to 0, never text such as "0x3A5", "1,234" or "5%" that
 * JavaScript's Number() would read differently. Each importer turns a rejection into a problem
 * naming its file, row, column and value; `expected` says what was wanted.
 */
export type NumberReading = { ok: true; value: number } | { ok: false; expected: string };

/** Digits with an optional sign, decimal point and exponent: "57", "-1.25", ".5", "1.5e-05". */
const decimalPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export const writtenNumber = 'a number written with digits (like 57, -1.25 or 1.5e-05)';
const tooLarge = 'a number a database can hold (at most about 1.8e308 either side of zero)';
const tooSmall =
  'a number a database can hold (this one is so close to zero it would be stored as 0)';

/** True when the text is written as a number (whether or not it is in range). */
export function looksLikeNumber(text: string): boolean {
  return decimalPattern.test(text.trim());
}

/** Text as a finite number; spaces around it are allowed (as R's as.numeric). */
export function parseNumber(raw: string): NumberReading {
  const text = raw.trim();
  if (!decimalPattern.test(text)) return { ok: false, expected: writtenNumber };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, expected: tooLarge };
  if (value === 0 && /[1-9]/.test(text.split(/[eE]/)[0]!)) return { ok: false, expected: tooSmall };
  // -0 reads back as "-0" on some pages: it is the same quantity as 0.
  return { ok: true, value: value === 0 ? 0 : value };
}

/** A number a file already holds as a number (parquet, a workbook): finite only. */
export function checkNumber(value: number | bigint): NumberReading {
  const n = typeof value === 'bigint' ? Number(value) : value;
  if (Number.isNaN(n))
    return { ok: false, expected: 'a number (the file holds NaN, "not a number")' };
  if (!Number.isFinite(n)) return { ok: false, expected: tooLarge };
  return { ok: true, value: n === 0 ? 0 : n };
}

/**
 * A whole number from min to max, written as text or held as a number: decimal places, LA codes.
 * "933" and 933 are read; "933.0" too (the same whole number); "9 3 3", "0x3A5" and 933.5 are not.
 */
export function parseWholeNumber(
  raw: string | number | bigint,
  range: { min: number; max: number },
): NumberReading {
  const wanted = `a whole number from ${range.min} to ${range.max}`;
  const read = typeof raw === 'string' ? parseNumber(raw) : checkNumber(raw);
  if (!read.ok) return { ok: false, expected: wanted };
  // "-0" is not how anyone writes 0 (a sign on a count or a number of decimal places is a slip).
  const { value } = read;
  const minusZero = value === 0 && typeof raw === 'string' && raw.trim().startsWith('-');
  if (!Number.isInteger(value) || minusZero || value < range.min || value > range.max)
    return { ok: false, expected: wanted };
  return read;
}

/** What a file may say for one published value: a number, a suppression marker or nothing. */
export type CellReading =
  { ok: true; value: number | null; suppression: string | null } | { ok: false; expected: string };

const noValue: CellReading = { ok: true, value: null, suppression: null };

/**
 * One published value. A blank gives null; a marker (matched ignoring case, kept as written) gives
 * null and the marker; a number its value. Anything else is not ok, with what was expected.
 */
export function readCell(
  raw: string | null | undefined,
  markers: ReadonlySet<string>,
  markersInWords: string,
): CellReading {
  if (raw === null || raw === undefined) return noValue;
  const text = raw.trim();
  if (text === '') return noValue;
  if (markers.has(text.toLowerCase())) return { ok: true, value: null, suppression: text };
  const n = parseNumber(text);
  if (n.ok) return { ok: true, value: n.value, suppression: null };
  if (looksLikeNumber(text)) return n;
  return { ok: false, expected: `a number (like 57 or -1.25), ${markersInWords} or a blank` };
}

/** Decimal places a measure may be shown to, from a LAIT dictionary or an EES mapping alike. */
export const decimalPlacesRange = { min: 0, max: 6 } as const;
