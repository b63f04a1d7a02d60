import type { Measure } from '../measures/measure.js';
import type { ChangeDirection } from './benchmark.js';

/** value(year) − value(previous row); null when either is missing (no skipping back). */
export function changeBetween(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || Number.isNaN(current) || Number.isNaN(previous))
    return null;
  return current - previous;
}

/** Whether an (unrounded) change is good news for the polarity. */
export function changeDirection(
  change: number | null,
  polarity: Measure['polarity'],
): ChangeDirection | null {
  if (change === null) return null;
  if (polarity === null) return 'no_direction';
  if (change === 0) return 'same';
  return change > 0 === (polarity === 'high') ? 'better' : 'worse';
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
