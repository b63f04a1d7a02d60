/**
 * Ties the demo schools to the demo LA figures: a school's results are drawn around its LA's
 * own synthetic figure (DEMO_KS2_RWM, DEMO_KS4_ATT8, DEMO_ABS_OVERALL ...), so an LA's schools
 * add up to roughly what its LA pages show. Pure: no I/O.
 */
import { englandCode } from '../measures/areas.js';
import type { ObservationRow } from '../measures/observations.repository.js';
import { demoCodePrefix } from './demo-data.js';
import { logit, type SchoolYear } from './demo-school-model.js';

/** How an LA's distance from England is measured: on the logit of a %, a difference, or a ratio. */
export type AnchorScale = 'logit' | 'difference' | 'ratio';

export interface AnchorSpec {
  /** The demo measure's key (without DEMO_). */
  key: string;
  scale: AnchorScale;
  /** Exam results are labelled by the summer ('2024' for 2023/24); the rest by academic year. */
  labelled: 'exam' | 'academic';
}

export const anchors = {
  rwm: { key: 'KS2_RWM', scale: 'logit', labelled: 'exam' },
  rwmHigh: { key: 'KS2_RWM_HIGHER', scale: 'logit', labelled: 'exam' },
  read: { key: 'KS2_READ', scale: 'logit', labelled: 'exam' },
  maths: { key: 'KS2_MAT', scale: 'logit', labelled: 'exam' },
  att8: { key: 'KS4_ATT8', scale: 'difference', labelled: 'exam' },
  p8: { key: 'KS4_P8', scale: 'difference', labelled: 'exam' },
  em94: { key: 'KS4_EM94', scale: 'logit', labelled: 'exam' },
  em95: { key: 'KS4_EM95', scale: 'logit', labelled: 'exam' },
  ebaccAps: { key: 'KS4_EBACC_APS', scale: 'difference', labelled: 'exam' },
  absence: { key: 'ABS_OVERALL', scale: 'ratio', labelled: 'academic' },
  persistent: { key: 'ABS_PERSISTENT', scale: 'ratio', labelled: 'academic' },
} as const satisfies Record<string, AnchorSpec>;

export type AnchorName = keyof typeof anchors;

/** The LA's distance from England, by anchor, LA and year. */
export interface LaAnchors {
  offset(name: AnchorName, laCode: number, year: SchoolYear): number;
}

const transform = (scale: AnchorScale, v: number) =>
  scale === 'logit' ? logit(v / 100) : scale === 'ratio' ? Math.log(Math.max(v, 0.01)) : v;

const labelOf = (spec: AnchorSpec, first: number) =>
  spec.labelled === 'exam'
    ? String(first + 1)
    : `${first}/${String((first + 1) % 100).padStart(2, '0')}`;

/**
 * Offsets read from the demo LA observations. A year the LA figure lacks (suppressed in a tiny LA,
 * not generated, a gap) takes the latest earlier year's offset, up to three years back; none: 0.
 */
export function laAnchors(observations: readonly ObservationRow[]): LaAnchors {
  const codes = new Set(Object.values(anchors).map((a) => demoCodePrefix + a.key));
  const values = new Map<string, number>();
  for (const o of observations)
    if (o.value !== null && codes.has(o.measureCode))
      values.set(`${o.measureCode}|${o.areaCode}|${o.yearLabel}`, o.value);
  const names = Object.keys(anchors) as AnchorName[];
  // Every anchor of an LA and year at once, on first asking: the schools ask many times.
  const cache = new Map<number, Record<AnchorName, number>>();
  return {
    offset(name, laCode, year) {
      const key = laCode * 10_000 + year.first;
      let offsets = cache.get(key);
      if (!offsets) {
        offsets = Object.fromEntries(
          names.map((n) => [n, offsetFrom(values, anchors[n], laCode, year.first)]),
        ) as Record<AnchorName, number>;
        cache.set(key, offsets);
      }
      return offsets[name];
    },
  };
}

function offsetFrom(
  values: ReadonlyMap<string, number>,
  spec: AnchorSpec,
  laCode: number,
  first: number,
): number {
  for (let back = 0; back <= 3; back++) {
    const label = labelOf(spec, first - back);
    const la = values.get(`${demoCodePrefix + spec.key}|${laCode}|${label}`);
    const england = values.get(`${demoCodePrefix + spec.key}|${englandCode}|${label}`);
    if (la !== undefined && england !== undefined)
      return transform(spec.scale, la) - transform(spec.scale, england);
  }
  return 0;
}
