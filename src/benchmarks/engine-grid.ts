/**
 * The engine's inputs laid out for speed: areas as indices (with each LA's parent, comparison
 * region and neighbours as index arrays), and one measure's observations as a year × area grid
 * of typed arrays. No I/O.
 */
import type { Area } from '../measures/areas.js';
import { englandCode } from '../measures/areas.js';
import type { NeighbourSet } from '../measures/neighbours.repository.js';
import type { ObservationRow } from '../measures/observations.repository.js';

export interface Geography {
  areas: Area[];
  index: Map<number, number>;
  laIdx: Int32Array;
  englandIdx: number;
  /** area index -> its parent's index (Inner/Outer London -> London), or -1. */
  parentIdx: Int32Array;
  /** area index -> the index of the region it is compared with, or -1. */
  laRegionIdx: Int32Array;
  /** area index -> neighbour indices, SN1 first (unique, never itself). */
  neighbours: Int32Array[];
  maxNeighbours: number;
}

export function buildGeography(areas: Area[], set: NeighbourSet | undefined): Geography {
  const index = new Map<number, number>();
  areas.forEach((a, i) => index.set(a.code, i));
  const idx = (code: number | null | undefined) =>
    code === null || code === undefined ? -1 : (index.get(code) ?? -1);
  const neighbours = areas.map((a) => {
    const list = a.kind === 'la' ? (set?.neighbours.get(a.code) ?? []) : [];
    const unique = [...new Set(list.map((n) => idx(n.code)))].filter(
      (i) => i >= 0 && areas[i]!.code !== a.code,
    );
    return Int32Array.from(unique);
  });
  return {
    areas,
    index,
    laIdx: Int32Array.from(areas.flatMap((a, i) => (a.kind === 'la' ? [i] : []))),
    englandIdx: idx(englandCode),
    parentIdx: Int32Array.from(areas, (a) => idx(a.parentCode)),
    laRegionIdx: Int32Array.from(areas, (a) =>
      a.kind === 'la' ? idx(set?.regions.get(a.code) ?? a.regionCode) : -1,
    ),
    neighbours,
    maxNeighbours: Math.max(0, ...neighbours.map((n) => n.length)),
  };
}

/** One measure's observations laid out as year × area. */
export interface Grid {
  labels: string[];
  numbers: number[];
  values: Float64Array;
  present: Uint8Array;
  suppression: Map<number, string>;
  /** LAIT's latest year: character maximum of the labels of LA rows (any row if no LA has one). */
  latestLabel: string | null;
  maxYearNumber: number;
}

export function buildGrid(rows: ObservationRow[], geo: Geography): Grid {
  const nA = geo.areas.length;
  const yearOf = new Map<string, number>();
  const labels: string[] = [];
  const numbers: number[] = [];
  for (const r of rows) {
    if (!yearOf.has(r.yearLabel)) {
      yearOf.set(r.yearLabel, labels.length);
      labels.push(r.yearLabel);
      numbers.push(r.yearNumber);
    }
  }
  const values = new Float64Array(labels.length * nA).fill(Number.NaN);
  const present = new Uint8Array(labels.length * nA);
  const suppression = new Map<number, string>();
  let latestLa: string | null = null;
  let latestAny: string | null = null;
  let maxYearNumber = -Infinity;
  for (const r of rows) {
    const a = geo.index.get(r.areaCode);
    if (a === undefined) continue;
    const cell = yearOf.get(r.yearLabel)! * nA + a;
    present[cell] = 1;
    if (r.value !== null) values[cell] = r.value;
    if (r.suppression !== null) suppression.set(cell, r.suppression);
    if (geo.areas[a]!.kind === 'la' && (latestLa === null || r.yearLabel > latestLa))
      latestLa = r.yearLabel;
    if (latestAny === null || r.yearLabel > latestAny) latestAny = r.yearLabel;
    if (r.yearNumber > maxYearNumber) maxYearNumber = r.yearNumber;
  }
  return {
    labels,
    numbers,
    values,
    present,
    suppression,
    latestLabel: latestLa ?? latestAny,
    maxYearNumber,
  };
}
