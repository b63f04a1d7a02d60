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

export function labelOf(interval: number, polarity: 'high' | 'low'): QuartileBand {
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
 * The cut point leading into the next better band, or NaN when there is none (already A,
 * nothing better reachable, or no bands). Low (smaller is better): reaching the cut point is
 * enough, because a value on it is in the better band. High (bigger is better): the value must
 * go *above* the cut point. Allocates nothing (the engine calls it for every row).
 */
export function nextBetterCut(value: number, q: Quartiles, polarity: 'high' | 'low'): number {
  const i = intervalOf(value, q);
  if (polarity === 'low') return i === 0 ? Number.NaN : upperCut(q, i - 1);
  const cut = upperCut(q, i);
  return cut < q.q100 ? cut : Number.NaN;
}

/** The band a value reaches by getting to `cut` (low) or just above it (high). */
export function bandBeyondCut(cut: number, q: Quartiles, polarity: 'high' | 'low'): QuartileBand {
  if (polarity === 'low') return labelOf(intervalOf(cut, q), 'low');
  // Just above `cut` lands in the first interval whose upper cut point is above it.
  let j = 0;
  while (j < 3 && upperCut(q, j) <= cut) j++;
  return labelOf(j, 'high');
}

/** How far `value` must move to reach `cut` (>= 0 for the next better cut point). */
export function distanceToCut(value: number, cut: number, polarity: 'high' | 'low'): number {
  return polarity === 'low' ? value - cut : cut - value;
}

/** The next better band and the distance (>= 0) to the cut point that leads into it; null when none. */
export function nextBetterBand(
  value: number | null,
  q: Quartiles | null,
  polarity: Measure['polarity'],
): NextBand | null {
  if (value === null || Number.isNaN(value) || q === null || polarity === null) return null;
  const cut = nextBetterCut(value, q, polarity);
  if (Number.isNaN(cut)) return null;
  return {
    band: bandBeyondCut(cut, q, polarity),
    distance: distanceToCut(value, cut, polarity),
  };
}

function upperCut(q: Quartiles, interval: number): number {
  return interval === 0 ? q.q25 : interval === 1 ? q.q50 : interval === 2 ? q.q75 : q.q100;
}

/** Whether a measure has quartile bands: it has a better direction and the DfE bands it. */
export function hasBands(measure: Pick<Measure, 'polarity' | 'noQuartile'>): boolean {
  return measure.polarity !== null && !measure.noQuartile;
}
