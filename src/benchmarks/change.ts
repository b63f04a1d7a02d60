import type { Measure } from '../measures/measure.js';
import type { ChangeDirection } from './benchmark.js';

/** value(year) − value(previous row); null when either is missing (no skipping back). */
export function changeBetween(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || Number.isNaN(current) || Number.isNaN(previous))
    return null;
  return current - previous;
}

/** The directions by code (0: none), as the engine keeps them in its typed columns. */
export const directionCodes: readonly (ChangeDirection | null)[] = [
  null,
  'better',
  'worse',
  'same',
  'no_direction',
];

/** Whether an (unrounded) change is good news for the polarity. */
export function changeDirection(
  change: number | null,
  polarity: Measure['polarity'],
): ChangeDirection | null {
  return directionCodes[changeDirectionCode(change ?? Number.NaN, polarity)]!;
}

/**
 * `changeDirection` as its code in `directionCodes`, for the engine (no strings, no
 * allocation): NaN (a missing change) is 0.
 */
export function changeDirectionCode(change: number, polarity: Measure['polarity']): number {
  if (Number.isNaN(change)) return 0;
  if (polarity === null) return 4;
  if (change === 0) return 3;
  return change > 0 === (polarity === 'high') ? 1 : 2;
}

/**
 * Arithmetic mean as R's `mean()` computes it (sum / n, then one correction pass), which keeps
 * the result within an ulp or so of the exact mean. NaN when `n` is 0.
 */
export function meanOf(values: ArrayLike<number>, n: number): number {
  if (n === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const m = sum / n;
  let correction = 0;
  for (let i = 0; i < n; i++) correction += values[i]! - m;
  return m + correction / n;
}
