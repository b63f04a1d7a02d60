/**
 * The SYNTHETIC demo secondary schools' key stage 4 results, under the KS4 performance tables'
 * column names: Attainment 8 around the LA's demo figure (DEMO_KS4_ATT8), lower with
 * disadvantage, higher with effectiveness and (a little) with EAL; the other figures follow the
 * school's Attainment 8. Progress 8 exists to 2023/24 only (none from 2024/25). A cohort of 10 or
 * fewer shows only its size.
 */
import type { AnchorName, LaAnchors } from './demo-school-anchors.js';
import type { CensusYear } from './demo-school-context.js';
import type { Random } from './random.js';
import {
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
  att8: [48.8, 46.3, 45.9, 45.9],
  p8: [-0.03, -0.03, -0.03],
  em94: [69.0, 65.1, 65.1, 64.6],
  em95: [49.8, 45.3, 45.9, 45.2],
  ebaccEntry: [38.7, 39.3, 40.4, 40.8],
  ebaccAps: [4.27, 4.05, 4.07, 4.05],
};

/** The DfE published Progress 8 to 2023/24 only (no KS2 baseline for the pupils after). */
export const progress8Published = (year: SchoolYear) => year.first <= 2023;

/** Progress 8 with its 95% confidence limits (pupil spread 1.15), and for disadvantaged pupils. */
function progress8(s: DemoSchool, year: SchoolYear, c: Cohort, offset: number, r: Streams) {
  const value =
    levelIn(levels.p8, year) +
    offset +
    0.4 * s.quality +
    0.12 * s.eal -
    0.08 * s.disadvantage +
    0.1 * r.fixed.normal() +
    (1.15 / Math.sqrt(c.n)) * r.year.normal();
  const rounded = Math.round(value * 100) / 100;
  const half = (1.96 * 1.15) / Math.sqrt(c.n);
  const dis =
    value - 0.7 * (1 - c.d) + (1.15 / Math.sqrt(Math.max(1, c.disadvantaged))) * r.year.normal();
  return [
    figure('P8MEA', rounded, 2),
    figure('P8CILOW', rounded - half, 2),
    figure('P8CIUPP', rounded + half, 2),
    groupFigure('P8MEA_FSM6CLA1A', c.disadvantaged, dis, 2),
  ];
}

interface Cohort {
  n: number;
  disadvantaged: number;
  d: number;
}

type Streams = ReturnType<typeof schoolStreams>;

function cohort(s: DemoSchool, census: CensusYear, r: Random): Cohort {
  const main = census.nor * (s.sixthForm ? 0.82 : 1);
  const n = Math.max(4, Math.round((main / 5) * Math.exp(0.05 * r.normal())));
  const share = logistic(logit(census.fsm6) + 0.05 + 0.08 * r.normal());
  const disadvantaged = Math.round(n * share);
  return { n, disadvantaged, d: disadvantaged / n };
}

/** A disadvantaged pupils' figure: suppressed for 5 pupils or fewer. */
function groupFigure(code: string, pupils: number, value: number, decimals: number) {
  return pupils <= 5 ? suppressed(code) : figure(code, value, decimals);
}

export function ks4Year(
  s: DemoSchool,
  year: SchoolYear,
  census: CensusYear,
  anchors: LaAnchors,
  seed: string,
): SchoolYearFigures {
  const r = schoolStreams(seed, s.listing.urn, 'ks4', year);
  const offset = (name: AnchorName) => anchors.offset(name, s.laCode, year);
  const c = cohort(s, census, r.year);
  const n = c.n;
  const centre = levelIn(levels.att8, year) + offset('att8');
  const within = -0.75 * s.disadvantage + 0.9 * s.quality + 0.2 * s.eal + 0.15 * r.fixed.normal();
  const att8 = centre + 5 * within + (18 / Math.sqrt(n)) * r.year.normal();
  const gap = 14 + 2 * r.fixed.normal();
  const att8Dis =
    att8 - gap * (1 - c.d) + (18 / Math.sqrt(Math.max(1, c.disadvantaged))) * r.year.normal();
  const d = (att8 - centre) / 8;
  const share = (code: string, level: number, shift: number) =>
    figure(code, 100 * pupilsShare(n, logistic(logit(level / 100) + shift), r.year.normal()), 1);
  const policy = 0.7 * r.fixed.normal();
  const figures = [
    figure('TPUP', n, 0),
    figure('ATT8SCR', att8, 1),
    figure('PTFSM6CLA1A', 100 * c.d, 0),
    groupFigure('ATT8SCR_FSM6CLA1A', c.disadvantaged, att8Dis, 1),
    share('PTL2BASICS_94', levelIn(levels.em94, year), offset('em94') + 0.95 * d),
    share('PTL2BASICS_95', levelIn(levels.em95, year), offset('em95') + 1.05 * d),
    share('PTEBACC_E_PTQ_EE', levelIn(levels.ebaccEntry, year), 0.55 * d + policy),
    figure(
      'EBACCAPS',
      levelIn(levels.ebaccAps, year) + offset('ebaccAps') + 0.85 * d + 0.08 * r.year.normal(),
      2,
    ),
    ...(progress8Published(year) ? progress8(s, year, c, offset('p8'), r) : []),
  ];
  return {
    urn: s.listing.urn,
    figures: n <= 10 ? figures.map((f) => (f.code === 'TPUP' ? f : suppressed(f.code))) : figures,
    weights: { ATT8SCR_FSM6CLA1A: c.disadvantaged, P8MEA_FSM6CLA1A: c.disadvantaged },
  };
}
