/**
 * The SYNTHETIC demo primary schools' key stage 2 results, under the KS2 performance tables'
 * column names. Each school's rate is drawn around its LA's demo figure (DEMO_KS2_RWM), lower
 * with more disadvantage and higher with effectiveness, then made of whole pupils: the
 * disadvantaged and other pupils' rates first, the school's as their mix, so the gap is real.
 * Progress and the KS1 average exist only for 2021/22 and 2022/23 (no KS1 baseline after).
 * The demo's suppression rule: a cohort of 10 or fewer shows only its size; a group of 5 or
 * fewer (disadvantaged or other pupils) has its rate suppressed. Suppressed cells are 'SUPP'.
 */
import type { StoredFigure } from '../schools/observations.repository.js';
import type { AnchorName, LaAnchors } from './demo-school-anchors.js';
import type { Random } from './random.js';
import type { CensusYear } from './demo-school-context.js';
import {
  clamp,
  figure,
  levelIn,
  logistic,
  logit,
  pupilsShare,
  schoolStreams,
  suppressed,
  type DemoSchool,
  type SchoolYear,
  type SchoolYearFigures,
} from './demo-school-model.js';

const levels = {
  rwm: [59, 60, 61, 62],
  rwmHigh: [7, 8, 8, 8],
  read: [105, 105, 105, 106],
  maths: [104, 104, 104, 105],
  ks1: [16.3, 16.4],
};

export const ks2ProgressCodes = ['READPROG', 'WRITPROG', 'MATPROG'];

/** The DfE published KS2 progress (and the cohort's KS1 average) to 2022/23 only. */
export const ks2ProgressPublished = (year: SchoolYear) => year.first <= 2022;

/** Cohorts this small show only their size; groups this small have their rate suppressed. */
const smallCohort = 10;
const smallGroup = 5;

interface Cohort {
  n: number;
  disadvantaged: number;
  others: number;
}

function cohort(census: CensusYear, r: Random): Cohort {
  const n = Math.max(4, Math.round((census.nor / 7) * Math.exp(0.07 * r.normal())));
  const share = logistic(logit(census.fsm6) + 0.15 + 0.1 * r.normal());
  const disadvantaged = Math.round(n * share);
  return { n, disadvantaged, others: n - disadvantaged };
}

/** Reading, writing and maths progress with their 95% confidence limits (pupil spread 5.8). */
function progressFigures(s: DemoSchool, n: number, r: { fixed: Random; year: Random }) {
  const half = (1.96 * 5.8) / Math.sqrt(n);
  return ks2ProgressCodes.flatMap((code) => {
    const v =
      1.5 * s.quality +
      0.25 * s.eal -
      0.3 * s.disadvantage +
      0.9 * r.fixed.normal() +
      (5.8 / Math.sqrt(n)) * r.year.normal();
    const value = Math.round(v * 100) / 100;
    return [
      figure(code, value, 2),
      figure(`${code}_LOWER`, value - half, 2),
      figure(`${code}_UPPER`, value + half, 2),
    ];
  });
}

/**
 * A rate for the disadvantaged pupils and the others, `gap` apart on the logit scale around
 * `centre` (so their mix is about `centre`), each as whole pupils, and the cohort's as their mix.
 */
function split(c: Cohort, centre: number, gap: number, r: Random) {
  const d = c.disadvantaged / c.n;
  const others = pupilsShare(c.others, logistic(centre + gap * d), r.normal());
  const disadvantaged = pupilsShare(c.disadvantaged, logistic(centre - gap * (1 - d)), r.normal());
  return {
    others,
    disadvantaged,
    all: (others * c.others + disadvantaged * c.disadvantaged) / c.n,
  };
}

/** A school's KS2 figures for one year, with the pupils each group's rate is out of. */
export function ks2Year(
  s: DemoSchool,
  year: SchoolYear,
  census: CensusYear,
  anchors: LaAnchors,
  seed: string,
): SchoolYearFigures {
  const r = schoolStreams(seed, s.listing.urn, 'ks2', year);
  const c = cohort(census, r.year);
  const offset = (name: AnchorName) => anchors.offset(name, s.laCode, year);
  const centre = logit(levelIn(levels.rwm, year) / 100) + offset('rwm');
  const own = -0.5 * s.disadvantage + 0.4 * s.quality + 0.15 * r.year.normal();
  const gap = 0.9 + 0.12 * r.fixed.normal();
  const d = c.disadvantaged / c.n;
  const rwm = split(c, centre + own, gap, r.year);
  const dev = logit(rwm.all) - centre;
  // The higher standard from the school's own rate, split as the expected standard is.
  const highCentre =
    logit(levelIn(levels.rwmHigh, year) / 100) + offset('rwmHigh') - 0.2 + 0.9 * clamp(dev, -2, 2);
  const high = split(c, highCentre, 1.3, r.year);
  const score = (name: 'read' | 'maths', code: string) =>
    figure(
      code,
      levelIn(levels[name], year) +
        4 * offset(name) +
        2.4 * dev +
        r.fixed.normal() +
        (4 / Math.sqrt(c.n)) * r.year.normal(),
      0,
    );
  const figures: StoredFigure[] = [
    figure('TELIG', c.n, 0),
    figure('PTRWM_EXP', 100 * rwm.all, 0),
    figure('PTRWM_HIGH', 100 * high.all, 0),
    score('read', 'READ_AVERAGE'),
    score('maths', 'MAT_AVERAGE'),
    figure('PTFSM6CLA1A', 100 * d, 0),
    groupRate('PTRWM_EXP_FSM6CLA1A', c.disadvantaged, rwm.disadvantaged),
    groupRate('PTRWM_EXP_NotFSM6CLA1A', c.others, rwm.others),
    groupRate('PTRWM_HIGH_FSM6CLA1A', c.disadvantaged, high.disadvantaged),
  ];
  if (ks2ProgressPublished(year)) {
    figures.push(...progressFigures(s, c.n, r));
    const ks1 = 0.9 * (-0.5 * s.disadvantage + 0.15 * s.quality + 0.3 * r.year.normal());
    figures.push(figure('TKS1AVERAGE', levelIn(levels.ks1, year) + ks1, 1));
  }
  return {
    urn: s.listing.urn,
    figures: c.n <= smallCohort ? figures.map((f) => keepOnly(f, 'TELIG')) : figures,
    weights: {
      PTRWM_EXP_FSM6CLA1A: c.disadvantaged,
      PTRWM_EXP_NotFSM6CLA1A: c.others,
      PTRWM_HIGH_FSM6CLA1A: c.disadvantaged,
    },
  };
}

function groupRate(code: string, pupils: number, rate: number): StoredFigure {
  return pupils <= smallGroup ? suppressed(code) : figure(code, 100 * rate, 0);
}

function keepOnly(f: StoredFigure, code: string): StoredFigure {
  return f.code === code ? f : suppressed(f.code);
}
