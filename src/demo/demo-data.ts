/**
 * Lantern's SYNTHETIC demo data set: pure and seeded, so the same seed always gives the same
 * numbers. Nothing here is official statistics. The model, per LA and measure:
 *
 *   value = England level that year
 *         + spread × (deprivation loading × the LA's synthetic deprivation
 *                     + 0.35 × the LA's general effectiveness (good by the measure's polarity)
 *                     + a region effect + the LA's own effect + a small drift per year)
 *         + year-to-year noise,
 *
 * clamped to the measure's range and rounded to its decimal places (as published figures are).
 * Region and England values are the DEMO'S OWN METHOD: means of the synthetic LA values
 * weighted by each LA's synthetic cohort size (the DfE computes them from pupil-level data).
 * Statistical neighbours are the 10 nearest LAs on a synthetic profile. Boundary changes are
 * not modelled: every current LA has all ten years.
 */
import { isInRegion, type Area } from '../measures/areas.js';
import type { Measure } from '../measures/measure.js';
import type { NeighbourSet } from '../measures/neighbours.repository.js';
import type { ObservationRow } from '../measures/observations.repository.js';
import { roundHalfAwayFromZero } from '../core/format.js';
import { demoMeasureSpecs, type DemoMeasureSpec, type DemoYearKind } from './demo-measures.js';
import { normalFor } from './random.js';

export const demoCodePrefix = 'DEMO_';
export const demoNeighbourSetVersion = 'demo';
export const demoDefaultSeed = 'lantern-demo-1';
/** Marker stored beside a null value for years with no assessments (COVID). */
export const demoNotPublishedMarker = 'NP';
/** Marker for small-cohort suppression. */
export const demoSuppressedMarker = 'c';
/** LAs too small for most published figures (City of London, Isles of Scilly). */
export const tinyLaCodes = [201, 420];

export interface DemoProfile {
  laCode: number;
  deprivation: number;
  urbanity: number;
  diversity: number;
  /** Synthetic pupils per year group: the weight in region and England means. */
  cohort: number;
  effectiveness: number;
}

export interface DemoData {
  seed: string;
  measures: Measure[];
  observations: ObservationRow[];
  neighbourSet: NeighbourSet;
  profiles: DemoProfile[];
}

interface YearSpec {
  label: string;
  number: number;
}

/** Ten years, oldest first, ending at the latest year of the kind. */
export function demoYears(kind: DemoYearKind, lastYear?: number): YearSpec[] {
  const end = { exam: 2025, academic: 2023, annual: 2024 }[kind];
  const years: YearSpec[] = [];
  for (let n = end - 9; n <= end; n++) {
    if (lastYear !== undefined && n > lastYear) continue;
    const label =
      kind === 'academic' ? `${n}/${String((n + 1) % 100).padStart(2, '0')}` : String(n);
    years.push({ label, number: n });
  }
  return years;
}

const regionDeprivation: Record<number, number> = {
  980: 0.8,
  981: 0.6,
  982: 0.5,
  983: 0.1,
  984: 0.4,
  985: -0.4,
  987: 0.7,
  988: -0.1,
  989: -0.6,
  990: -0.4,
};
const urbanByType: Record<string, number> = { ILB: 1.6, OLB: 1.1, MD: 0.8, UA: 0.2, SC: -1.0 };

export function demoProfiles(las: Area[], seed: string): DemoProfile[] {
  return las.map((la) => {
    const r = (what: string) => normalFor(`${seed}|profile|${what}|${la.code}`);
    const london = la.regionCode === 987 || la.regionCode === 988;
    const tiny = tinyLaCodes.includes(la.code);
    const cohort = tiny
      ? la.code === 201
        ? 40
        : 25
      : Math.round(Math.exp(Math.log(3600) + 0.5 * r('cohort')));
    return {
      laCode: la.code,
      deprivation: (regionDeprivation[la.regionCode ?? 0] ?? 0) + 0.8 * r('deprivation'),
      urbanity: (urbanByType[la.laType ?? ''] ?? 0) + 0.4 * r('urbanity'),
      diversity: (london ? 1.4 : 0) + 0.7 * r('diversity'),
      cohort,
      effectiveness: r('effectiveness'),
    };
  });
}

function englandLevel(spec: DemoMeasureSpec, years: YearSpec[], index: number): number {
  if (spec.levels)
    return spec.levels[spec.levels.length - demoYears(spec.yearKind).length + index] ?? spec.latest;
  const last = years[years.length - 1]!.number;
  return spec.latest + (spec.trend ?? 0) * (years[index]!.number - last);
}

export function toDemoMeasure(spec: DemoMeasureSpec): Measure {
  return {
    code: demoCodePrefix + spec.key,
    name: `${spec.name} (synthetic)`,
    topic: spec.topic,
    polarity: spec.polarity,
    decimalPlaces: spec.decimalPlaces,
    decimalPlacesPublished: true,
    yearType: spec.yearType,
    unitLabel: spec.unitLabel,
    chartTitle: spec.name,
    description: `SYNTHETIC DEMO DATA, not official statistics. Made up by Lantern's demo generator to look like ${spec.about}.`,
    methodology:
      'Synthetic: England level + LA effects (deprivation, effectiveness, region, own) + drift + noise, rounded to the ' +
      "published decimal places. Region and England values are the demo's own method: cohort-weighted means of the synthetic LA values.",
    source: 'Lantern demo generator (synthetic, not official statistics)',
    sourceLinks: null,
    lastUpdate: null,
    nextUpdate: null,
    noQuartile: false,
  };
}

function laValue(
  spec: DemoMeasureSpec,
  p: DemoProfile,
  regionCode: number,
  level: number,
  yearsFromEnd: number,
  seed: string,
): number {
  const key = `${seed}|${spec.key}|${p.laCode}`;
  const goodSign = spec.polarity === 'low' ? -1 : 1;
  const effect =
    spec.deprivation * p.deprivation +
    0.35 * goodSign * p.effectiveness +
    0.3 * normalFor(`${seed}|${spec.key}|region|${regionCode}`) +
    0.6 * normalFor(`${key}|own`) +
    0.06 * normalFor(`${key}|drift`) * yearsFromEnd;
  const noiseScale = tinyLaCodes.includes(p.laCode) ? 3 : 1;
  const raw =
    level + spec.spread * effect + spec.noise * noiseScale * normalFor(`${key}|${yearsFromEnd}`);
  return Math.min(spec.max, Math.max(spec.min, raw));
}

function weightedMean(values: { value: number; weight: number }[]): number | null {
  const total = values.reduce((s, v) => s + v.weight, 0);
  return total === 0 ? null : values.reduce((s, v) => s + v.value * v.weight, 0) / total;
}

function measureObservations(
  spec: DemoMeasureSpec,
  las: Area[],
  regions: Area[],
  profiles: Map<number, DemoProfile>,
  seed: string,
): ObservationRow[] {
  const code = demoCodePrefix + spec.key;
  const years = demoYears(spec.yearKind, spec.lastYear);
  const rows: ObservationRow[] = [];
  const row = (
    areaCode: number,
    y: YearSpec,
    value: number | null,
    suppression: string | null = null,
  ) =>
    rows.push({
      measureCode: code,
      areaCode,
      yearLabel: y.label,
      yearNumber: y.number,
      value,
      suppression,
    });
  const dp = spec.decimalPlaces;
  const regionsByCode = new Map(regions.map((r) => [r.code, r]));
  years.forEach((y, i) => {
    const aggregate = [...regions.map((r) => r.code), 970];
    if (spec.gapYears?.includes(y.number)) {
      for (const la of las) row(la.code, y, null, demoNotPublishedMarker);
      for (const a of aggregate) row(a, y, null, demoNotPublishedMarker);
      return;
    }
    const level = englandLevel(spec, years, i);
    const published: { la: Area; value: number; weight: number }[] = [];
    for (const la of las) {
      const p = profiles.get(la.code)!;
      const value = roundHalfAwayFromZero(
        laValue(spec, p, la.regionCode ?? 0, level, years.length - 1 - i, seed),
        dp,
      );
      if (spec.smallCohort && tinyLaCodes.includes(la.code))
        row(la.code, y, null, demoSuppressedMarker);
      else row(la.code, y, value, null);
      published.push({ la, value, weight: p.cohort });
    }
    for (const region of regions) {
      const inRegion = published.filter((v) => isInRegion(v.la, region.code, regionsByCode));
      const mean = weightedMean(inRegion);
      row(region.code, y, mean === null ? null : roundHalfAwayFromZero(mean, dp));
    }
    row(970, y, roundHalfAwayFromZero(weightedMean(published)!, dp));
  });
  return rows;
}

const closenessLabels: [number, string][] = [
  [0.35, 'Extremely close'],
  [0.6, 'Very close'],
  [0.9, 'Close'],
  [1.3, 'Somewhat close'],
];

export function demoNeighbours(las: Area[], profiles: DemoProfile[]): NeighbourSet {
  const vector = (p: DemoProfile) => [
    p.deprivation,
    p.urbanity,
    p.diversity,
    0.5 * Math.log(p.cohort / 3600),
  ];
  const vectors = new Map(profiles.map((p) => [p.laCode, vector(p)]));
  const neighbours = new Map<number, { code: number; closeness: string | null }[]>();
  for (const la of las) {
    const mine = vectors.get(la.code)!;
    const ranked = las
      .filter((o) => o.code !== la.code)
      .map((o) => ({
        code: o.code,
        distance: Math.hypot(...mine.map((x, i) => x - vectors.get(o.code)![i]!)),
      }))
      .sort((a, b) => a.distance - b.distance || a.code - b.code)
      .slice(0, 10);
    neighbours.set(
      la.code,
      ranked.map((n) => ({
        code: n.code,
        closeness: closenessLabels.find(([limit]) => n.distance < limit)?.[1] ?? 'Not close',
      })),
    );
  }
  const regions = new Map(
    las.filter((la) => la.regionCode !== null).map((la) => [la.code, la.regionCode!]),
  );
  return {
    version: demoNeighbourSetVersion,
    description:
      'SYNTHETIC demo statistical neighbours: the 10 nearest LAs on a made-up profile (deprivation, urbanity, diversity, size). Not the DfE set.',
    neighbours,
    regions,
  };
}

/** The whole demo data set for the current LAs among `areas`. */
export function generateDemoData(
  areas: Area[],
  seed: string = demoDefaultSeed,
  specs: DemoMeasureSpec[] = demoMeasureSpecs,
): DemoData {
  const las = areas
    .filter((a) => a.kind === 'la' && a.status === 'current')
    .sort((a, b) => a.code - b.code);
  const regions = areas.filter((a) => a.kind === 'region').sort((a, b) => a.code - b.code);
  const profiles = demoProfiles(las, seed);
  const byCode = new Map(profiles.map((p) => [p.laCode, p]));
  return {
    seed,
    measures: specs.map(toDemoMeasure),
    observations: specs.flatMap((s) => measureObservations(s, las, regions, byCode, seed)),
    neighbourSet: demoNeighbours(las, profiles),
    profiles,
  };
}
