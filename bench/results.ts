/** What each benchmark reports (bench/results.json) and the timing helpers they share. */
import { performance } from 'node:perf_hooks';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  reference: number;
  referenceDescription: string;
  ratio: number;
  target: string;
  met: boolean;
  /** The load test's or the soak's figures (replaced alone by `--only web` or `--only soak`). */
  part?: 'web' | 'soak';
  requestsPerSecond?: number;
  errors?: number;
  /** Response body bytes, uncompressed and gzipped. */
  bytes?: number;
  gzipBytes?: number;
  peakRssMb?: number;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const round = (v: number, dp = 1) => Math.round(v * 10 ** dp) / 10 ** dp;

/** The median of `times` runs, in milliseconds. */
export async function timeIt(
  run: () => Promise<unknown> | unknown,
  times: number,
): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** A figure measured against a reference run in the same benchmark: met when within `maxRatio` of it. */
export function ratioResult(
  name: string,
  value: number,
  reference: number,
  referenceDescription: string,
  maxRatio: number,
): BenchResult {
  const ratio = value / reference;
  return {
    name,
    value: round(value),
    unit: 'ms',
    reference: round(reference),
    referenceDescription,
    ratio: round(ratio, 2),
    target: `≤ ${maxRatio}× reference`,
    met: ratio <= maxRatio,
  };
}
