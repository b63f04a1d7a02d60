/**
 * The forecast from the recent trend (docs/methods.md, "Strategy targets"): an ordinary
 * least-squares line through the last five years that have a figure (fewer if fewer exist),
 * refused with fewer than three. Years without a figure are skipped, not filled, and the x
 * axis is the year itself, so a gap (no KS2 tests in 2020 and 2021) keeps its width. Pure.
 */

export interface Point {
  year: number;
  value: number;
}

export const trendMinimum = 3;
export const trendMaximum = 5;

export interface Trend {
  /** The points the line was fitted to, oldest first. */
  points: Point[];
  /** Change per year. */
  slope: number;
  at(year: number): number;
}

export type TrendResult = { trend: Trend } | { refused: string };

export function recentTrend(series: readonly Point[]): TrendResult {
  const points = series
    .filter((p) => Number.isFinite(p.value))
    .slice()
    .sort((a, b) => a.year - b.year)
    .slice(-trendMaximum);
  if (points.length < trendMinimum) {
    return {
      refused: `a trend needs figures for at least ${trendMinimum} years, and there ${points.length === 1 ? 'is 1' : `are ${points.length}`}`,
    };
  }
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.year, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.year - meanX) ** 2;
    sxy += (p.year - meanX) * (p.value - meanY);
  }
  if (sxx === 0) return { refused: 'the figures are all for one year' };
  const slope = clean(sxy / sxx);
  return { trend: { points, slope, at: (year) => clean(meanY + slope * (year - meanX)) } };
}

/** Floating-point noise off (values are published to at most a few places). */
export function clean(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** How many years past the last figure a forecast may look for the target being reached. */
export const forecastHorizon = 15;

/**
 * The first year after the last figure in which the trend line meets the target (`met` on the
 * line's value), or null when it does not within the horizon (flat, or heading away).
 */
export function yearReached(
  trend: Trend,
  met: (year: number, value: number) => boolean,
): number | null {
  const last = trend.points[trend.points.length - 1]!.year;
  for (let year = last + 1; year <= last + forecastHorizon; year++) {
    if (met(year, trend.at(year))) return year;
  }
  return null;
}
