/**
 * R's default quantile (type 7), exactly as `quantile.default` computes it:
 * index = 1 + (n - 1) * p; q = x[lo], and when index > lo and x[hi] != x[lo],
 * q = (1 - h) * x[lo] + h * x[hi] with h = index - lo (same operation order as R, so the
 * same floating-point result).
 */
export function type7Quantile(sortedAscending: ArrayLike<number>, p: number): number {
  const n = sortedAscending.length;
  if (n === 0) return Number.NaN;
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const xlo = sortedAscending[lo - 1]!;
  const xhi = sortedAscending[hi - 1]!;
  if (index > lo && xhi !== xlo) {
    const h = index - lo;
    return (1 - h) * xlo + h * xhi;
  }
  return xlo;
}

export interface Quartiles {
  q0: number;
  q25: number;
  q50: number;
  q75: number;
  q100: number;
}

/** The five cut points (0, 25, 50, 75, 100%) of values already sorted ascending; null when there are none. */
export function quartiles(sortedAscending: ArrayLike<number>): Quartiles | null {
  if (sortedAscending.length === 0) return null;
  return {
    q0: type7Quantile(sortedAscending, 0),
    q25: type7Quantile(sortedAscending, 0.25),
    q50: type7Quantile(sortedAscending, 0.5),
    q75: type7Quantile(sortedAscending, 0.75),
    q100: type7Quantile(sortedAscending, 1),
  };
}
