/** Made-up series for the status engine's tests: values by year, comparators where given. */
import type { CutPoints } from '../../src/benchmarks/benchmark.js';
import type { Series, SeriesMeasure, YearFigure } from '../../src/strategy/series.js';
import { targetSchema, type Target } from '../../src/strategy/strategy-schema.js';

export const percentMeasure: SeriesMeasure = {
  code: 'TEST_PCT',
  name: 'Test measure',
  polarity: 'high',
  decimalPlaces: 1,
  unitLabel: '% achieving expected level',
  lastUpdate: '2025-12-01',
  nextUpdate: '2026-12-01',
  source: 'test',
};

export interface YearSpec {
  value: number | null;
  rank?: number;
  cut?: [number, number, number, number, number];
  england?: number;
  region?: number;
  neighbours?: number;
}

export function series(
  years: Record<string, YearSpec | number | null>,
  measure: Partial<SeriesMeasure> = {},
): Series {
  const out: YearFigure[] = Object.entries(years).map(([label, spec]) => {
    const s: YearSpec = typeof spec === 'object' && spec !== null ? spec : { value: spec };
    const cutPoints: CutPoints | null = s.cut
      ? { q0: s.cut[0], q25: s.cut[1], q50: s.cut[2], q75: s.cut[3], q100: s.cut[4], laCount: 150 }
      : null;
    return {
      yearLabel: label,
      yearNumber: Number(label.slice(0, 4)),
      value: s.value,
      rank: s.rank ?? null,
      rankOf: s.rank === undefined ? null : 150,
      cutPoints,
      england: s.england ?? null,
      region: s.region ?? null,
      neighbours: s.neighbours ?? null,
    };
  });
  return { measure: { ...percentMeasure, ...measure }, years: out };
}

/** A target as a strategy file would give it, checked by the one schema. */
export const target = (t: Record<string, unknown>): Target => targetSchema.parse(t);
