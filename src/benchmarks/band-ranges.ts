import { roundHalfAwayFromZero } from '../core/format.js';
import type { Measure } from '../measures/measure.js';
import type { CutPoints, QuartileBand } from './benchmark.js';

/** One band's range as shown beside the cut points (docs/methods.md §4, "Range labels"). */
export interface BandRange {
  band: QuartileBand;
  /** Rounded to the measure's decimal places; `from` is the band's best end. */
  from: number;
  to: number;
}

/**
 * The four bands' ranges, A first, with the cut points rounded to `decimalPlaces` (half away
 * from zero) and one step (one unit in the last place) added where a band excludes its cut
 * point. Bands include their upper end, so for "higher is better" C runs from q50 down to
 * q25 + one step ("63 to 60.1" for KS2 2025; LAIT's label says "63.1 to 60.1", which is wrong).
 * Empty when the measure has no bands.
 */
export function bandRanges(
  cutPoints: CutPoints | null,
  polarity: Measure['polarity'],
  decimalPlaces: number,
): BandRange[] {
  if (cutPoints === null || polarity === null) return [];
  const r = (v: number) => roundHalfAwayFromZero(v, decimalPlaces);
  const step = 10 ** -decimalPlaces;
  const up = (v: number) => roundHalfAwayFromZero(r(v) + step, decimalPlaces);
  const { q0, q25, q50, q75, q100 } = cutPoints;
  if (polarity === 'high') {
    return [
      { band: 'A', from: r(q100), to: up(q75) },
      { band: 'B', from: r(q75), to: up(q50) },
      { band: 'C', from: r(q50), to: up(q25) },
      { band: 'D', from: r(q25), to: r(q0) },
    ];
  }
  return [
    { band: 'A', from: r(q0), to: r(q25) },
    { band: 'B', from: up(q25), to: r(q50) },
    { band: 'C', from: up(q50), to: r(q75) },
    { band: 'D', from: up(q75), to: r(q100) },
  ];
}
