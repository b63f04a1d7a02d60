import { formatNumber } from '../core/format.js';
import type { HeadlineFigure } from './headlines.js';
import type { ProfileYear, Reading } from './profile.js';

/**
 * What a code published in place of a school figure means, in words: the one place pages, CSV,
 * XLSX and the CLI get them (the performance tables' codes, then the EES symbols).
 */
const markerWords: Record<string, string> = {
  SUPP: 'Suppressed (small numbers)',
  NE: 'No entries',
  NP: 'Not published',
  NA: 'Not applicable',
  LOWCOV: 'Low coverage',
  SP: 'Small percentage',
  NEW: 'New school',
  c: 'Suppressed (small numbers)',
  x: 'Not available',
  z: 'Not applicable',
  ':': 'Not available',
  low: 'Low (rounds to 0)',
  u: 'Low reliability',
};

export function markerInWords(marker: string): string {
  return (
    markerWords[marker] ??
    markerWords[marker.toUpperCase()] ??
    markerWords[marker.toLowerCase()] ??
    marker
  );
}

/** "63%", "104", "-1.92", "1,234"; a marker in words; "–" for nothing published. */
export function formatSchoolFigure(
  figure: Pick<HeadlineFigure, 'unit' | 'decimals'>,
  reading: Reading | null,
): string {
  if (!reading) return '–';
  if (reading.value === null) return reading.marker ? markerInWords(reading.marker) : '–';
  const text = formatNumber(reading.value, figure.decimals);
  if (figure.unit === 'percent') return `${text}%`;
  if (figure.unit === 'progress' && reading.value > 0) return `+${text}`;
  return text;
}

/** The value a download carries: the number, or the marker as published (SUPP) beside nothing. */
export function downloadCells(reading: Reading | null): {
  value: number | null;
  marker: string | null;
} {
  return { value: reading?.value ?? null, marker: reading?.marker ?? null };
}

/**
 * What a profile year says beside its figure: the progress interval, a small cohort, a figure
 * published under a predecessor's URN. The page, its download and the CLI all write these.
 */
export function yearNotes(y: ProfileYear, figure: Pick<HeadlineFigure, 'decimals'>): string[] {
  const notes: string[] = [];
  if (y.interval)
    notes.push(
      `95% confidence interval ${formatNumber(y.interval.lower, figure.decimals)} to ${formatNumber(y.interval.upper, figure.decimals)}`,
    );
  if (y.smallCohort) notes.push(`Small cohort (${y.cohort} pupils): read with care`);
  if (y.fromUrn) notes.push(`As URN ${y.fromUrn}`);
  return notes;
}
