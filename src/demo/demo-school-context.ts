/**
 * The SYNTHETIC demo schools' census (pupils on roll, FSM6, EAL, SEN) and absence figures, one
 * school and year at a time, under the performance tables' own column names. England's levels
 * are close to the published ones by phase; each school sits around them by its LA and its intake.
 */
import type { LaAnchors } from './demo-school-anchors.js';
import {
  figure,
  levelIn,
  logistic,
  logit,
  schoolStreams,
  type DemoSchool,
  type SchoolYear,
  type SchoolYearFigures,
} from './demo-school-model.js';

/** England's level by phase, 2021/22 to 2024/25 (percentages). */
const censusLevels = {
  Primary: {
    PNUMFSMEVER: [23.5, 24.4, 25.2, 25.9],
    PNUMEAL: [21.2, 21.4, 22.0, 22.4],
    PSENELK: [13.4, 13.9, 14.4, 14.7],
    PSENELSE: [2.3, 2.5, 2.7, 2.9],
  },
  Secondary: {
    PNUMFSMEVER: [26.3, 27.3, 28.1, 28.8],
    PNUMEAL: [17.5, 17.8, 18.3, 18.8],
    PSENELK: [11.9, 12.3, 12.7, 13.0],
    PSENELSE: [2.3, 2.5, 2.7, 2.9],
  },
} as const;

const absenceLevels = {
  Primary: { PERCTOT: [6.3, 5.9, 5.5, 5.1], PPERSABS10: [17.7, 16.2, 14.7, 13.3] },
  Secondary: { PERCTOT: [9.0, 9.0, 8.9, 8.4], PPERSABS10: [27.7, 26.5, 25.6, 24.2] },
} as const;

/** Primary rolls fall a little each year, secondary rolls rise (as England's have). */
const rollTrend = { Primary: -0.012, Secondary: 0.008 } as const;

export interface CensusYear {
  row: SchoolYearFigures;
  /** Pupils on roll: what census and absence totals are weighted by. */
  nor: number;
  /** The FSM6 share (0-1) before rounding: the KS2 and KS4 cohorts' disadvantage follows it. */
  fsm6: number;
}

export function censusYear(s: DemoSchool, year: SchoolYear, seed: string): CensusYear {
  const urn = s.listing.urn;
  const r = schoolStreams(seed, urn, 'census', year).year;
  const levels = censusLevels[s.phase];
  const share = (code: keyof typeof levels, offset: number, noise: number) =>
    logistic(logit(levelIn(levels[code], year) / 100) + offset + noise * r.normal());
  const drift = 1 + rollTrend[s.phase] * (year.first - 2021);
  const nor = Math.max(10, Math.round(s.roll * drift * Math.exp(0.015 * r.normal())));
  const fsm6 = share('PNUMFSMEVER', s.laDisadvantage + 0.55 * s.disadvantage, 0.04);
  return {
    nor,
    fsm6,
    row: {
      urn,
      figures: [
        figure('NOR', nor, 0),
        figure('PNUMFSMEVER', 100 * fsm6, 1),
        figure('PNUMEAL', 100 * share('PNUMEAL', s.eal, 0.05), 1),
        figure('PSENELK', 100 * share('PSENELK', s.sen, 0.06), 1),
        figure('PSENELSE', 100 * share('PSENELSE', s.ehcp, 0.08), 1),
      ],
    },
  };
}

/** Overall and persistent absence: higher with disadvantage, lower in more effective schools. */
export function absenceYear(
  s: DemoSchool,
  year: SchoolYear,
  anchors: LaAnchors,
  seed: string,
): SchoolYearFigures {
  const urn = s.listing.urn;
  const r = schoolStreams(seed, urn, 'absence', year);
  const levels = absenceLevels[s.phase];
  const deviation =
    0.12 * s.disadvantage - 0.05 * s.quality + 0.08 * r.fixed.normal() + 0.05 * r.year.normal();
  const overall =
    levelIn(levels.PERCTOT, year) * Math.exp(anchors.offset('absence', s.laCode, year) + deviation);
  const persistent =
    levelIn(levels.PPERSABS10, year) *
    Math.exp(
      anchors.offset('persistent', s.laCode, year) + 1.7 * deviation + 0.06 * r.year.normal(),
    );
  return {
    urn,
    figures: [figure('PERCTOT', overall, 1), figure('PPERSABS10', Math.min(95, persistent), 1)],
  };
}
