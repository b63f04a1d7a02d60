import type { Measure } from '../measures/measure.js';
import type { QuartileBand } from './benchmark.js';
import type { Quartiles } from './quantiles.js';

const lowLabels: readonly QuartileBand[] = ['A', 'B', 'C', 'D'];
const highLabels: readonly QuartileBand[] = ['D', 'C', 'B', 'A'];

/**
 * Which of LAIT's four intervals holds `value`: 0 = [q0,q25], 1 = (q25,q50], 2 = (q50,q75],
 * 3 = (q75,q100]. Closed on the upper side, so a value on a cut point is in the lower interval.
 */
export function intervalOf(value: number, q: Quartiles): 0 | 1 | 2 | 3 {
  if (value <= q.q25) return 0;
  if (value <= q.q50) return 1;
  if (value <= q.q75) return 2;
  return 3;
}

function labelOf(interval: number, polarity: 'high' | 'low'): QuartileBand {
  return (polarity === 'low' ? lowLabels : highLabels)[interval]!;
}

/** A (best) to D (worst) by polarity; null when missing, no polarity, or no cut points. */
export function quartileBand(
  value: number | null,
  q: Quartiles | null,
  polarity: Measure['polarity'],
): QuartileBand | null {
  if (value === null || Number.isNaN(value) || q === null || polarity === null) return null;
  return labelOf(intervalOf(value, q), polarity);
}

export interface NextBand {
  band: QuartileBand;
  /** How far the value must move (in the measure's units, >= 0) to reach the cut point. */
  distance: number;
}

/**
 * The next better band and the distance to the cut point that leads into it.
 * Low (smaller is better): reaching the cut point is enough (a value on it is in the better band).
 * High (bigger is better): the value must go *above* the cut point; the distance is to the cut point itself.
 * Null when already in A, when nothing better can be reached, or when bands do not apply.
 */
export function nextBetterBand(
  value: number | null,
  q: Quartiles | null,
  polarity: Measure['polarity'],
): NextBand | null {
  if (value === null || Number.isNaN(value) || q === null || polarity === null) return null;
  const uppers = [q.q25, q.q50, q.q75, q.q100];
  const i = intervalOf(value, q);
  if (polarity === 'low') {
    if (i === 0) return null;
    const cut = uppers[i - 1]!;
    return { band: labelOf(intervalOf(cut, q), 'low'), distance: value - cut };
  }
  const cut = uppers[i]!;
  // Just above `cut` lands in the first interval whose upper cut point is above it.
  for (let j = i + 1; j < 4; j++) {
    if (uppers[j]! > cut) return { band: labelOf(j, 'high'), distance: cut - value };
  }
  return null;
}
