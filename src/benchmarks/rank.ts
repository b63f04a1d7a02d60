import type { Measure } from '../measures/measure.js';

/** How many of `sorted` (ascending) are strictly less than `value`. */
export function countBelow(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of `sorted` (ascending) are less than or equal to `value`. */
export function countAtOrBelow(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * R's `rank(-x)` (high) or `rank(x)` (low) with `ties.method = "min"`: 1 + how many LAs are
 * strictly better. `sorted` holds the N non-missing LA values of the year, ascending.
 * Null when the value is missing or the measure has no polarity.
 */
export function rankOf(
  sorted: ArrayLike<number>,
  value: number | null,
  polarity: Measure['polarity'],
): number | null {
  if (value === null || Number.isNaN(value) || polarity === null) return null;
  return polarity === 'low'
    ? 1 + countBelow(sorted, value)
    : 1 + (sorted.length - countAtOrBelow(sorted, value));
}
