/**
 * The one place numbers become text. Rounding is half away from zero, as the DfE's dfeR
 * `round_five_up` does (with its tiny fudge that absorbs floating-point noise in means),
 * so a figure Lantern shows matches the figure LAIT shows.
 */
const fudge = Math.sqrt(Number.EPSILON);

export function roundHalfAwayFromZero(value: number, decimalPlaces: number): number {
  const scale = 10 ** decimalPlaces;
  const rounded = Math.trunc(Math.abs(value) * scale + 0.5 + fudge) / scale;
  return value < 0 ? -rounded : rounded;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(min: number, max: number, grouping = true): Intl.NumberFormat {
  const key = `${min}:${max}:${grouping}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: grouping,
    });
    formatters.set(key, f);
  }
  return f;
}

export interface FormatOptions {
  /** What to show for a missing value (default: the suppression marker if any, else "–"). */
  missing?: string;
  suppression?: string | null;
}

/**
 * "57.0", "17.34", "-2.77", "1,234.5", "1.235 million". Values of a million or more use
 * LAIT's "x.xxx million/billion" style.
 */
export function formatNumber(
  value: number | null | undefined,
  decimalPlaces: number,
  options: FormatOptions = {},
): string {
  if (value === null || value === undefined || Number.isNaN(value))
    return options.suppression ?? options.missing ?? '–';
  const abs = Math.abs(value);
  if (abs >= 1e6) {
    const [divisor, word] = abs >= 1e9 ? [1e9, 'billion'] : [1e6, 'million'];
    const scaled = value / divisor;
    const dp = (abs / divisor) % 10 === 0 ? 0 : 3;
    return `${formatter(dp, dp).format(roundHalfAwayFromZero(scaled, dp))} ${word}`;
  }
  const rounded = roundHalfAwayFromZero(value, decimalPlaces);
  return formatter(decimalPlaces, decimalPlaces).format(rounded === 0 ? 0 : rounded);
}

/** A change with its sign: "+1.0", "-2.77", "0.0". */
export function formatChange(
  value: number | null | undefined,
  decimalPlaces: number,
  options: FormatOptions = {},
): string {
  const text = formatNumber(value, decimalPlaces, options);
  if (value === null || value === undefined || Number.isNaN(value)) return text;
  return roundHalfAwayFromZero(value, decimalPlaces) > 0 ? `+${text}` : text;
}

/** Rank "136 of 151". */
export function formatRank(rank: number | null, of: number | null): string {
  if (rank === null) return '–';
  return of === null ? String(rank) : `${rank} of ${of}`;
}

/** How far apart (relative) two doubles may be and still be "the same number" for a download. */
const noise = 2 ** -47; // ~7e-15: about 30 ulps, far below any published precision

/**
 * A number as a download writes it: the value the data holds, without the binary noise that
 * arithmetic leaves (0.7, not 0.6999999999999993). It is the shortest decimal within `noise` of
 * the value, so every digit the data has is kept up to the 15 significant digits a double holds exactly (17.343, 60.123456789012, and 15 digits of a mean of thirds).
 */
export function publishedNumber(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  for (let digits = 1; digits < 16; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.abs(candidate - value) <= Math.abs(value) * noise) return candidate;
  }
  return value;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "25 November 2026": a timestamp, or a calendar date written YYYY-MM-DD. */
export function formatDate(iso: string): string {
  // A bare date is that day wherever the reader is: read it at noon UTC, never a day early.
  const when = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso;
  return dateFormat.format(new Date(when));
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/** "2:05pm on 25 November 2026", London time (GOV.UK style): when something happened or ends. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = timeFormat.format(date).replace(/\s/g, '').toLowerCase();
  return `${time} on ${dateFormat.format(date)}`;
}

/** "1,234": a count as messages and the CLI write it, every digit (formatNumber abbreviates). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** "340 KB", "1.2 MB": a file's size as pages list it (1 KB = 1,024 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Today's date in England (YYYY-MM-DD): what "overdue" and "new data due" are judged on. */
export function todayInEngland(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

/** A day that exists, written YYYY-MM-DD: 2026-02-30 is not one (Date would roll it to March). */
export function isIsoDay(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(d.getTime()) &&
    d.toISOString().slice(0, 10) === text
  );
}
