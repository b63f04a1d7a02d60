/**
 * The shapes and small helpers the SYNTHETIC demo schools share (demo-schools.ts makes them).
 * Pure: no I/O. Nothing here is a real school or an official figure.
 */
import { roundHalfAwayFromZero } from '../core/format.js';
import type { SchoolListing } from '../schools/register.repository.js';
import type { StoredFigure } from '../schools/observations.repository.js';
import { randomStream, type Random } from './random.js';

/**
 * Demo URNs are 9LLLNN (900000 + LA number × 100 + school number): real URNs start at 100000 and
 * the highest in GIAS's links file is 402463, so none is 900000 or more.
 */
export const demoUrnBase = 900_000;
/** The performance tables' code for a figure withheld because too few pupils are in it. */
export const demoSchoolSuppressedMarker = 'SUPP';

export const demoSchoolUrn = (laCode: number, n: number) => demoUrnBase + laCode * 100 + n;

export interface SchoolYear {
  label: string;
  /** The academic year's first calendar year: 2023 for 2023/24. */
  first: number;
}

/** The academic years the demo schools have figures for, oldest first. */
export const demoSchoolYears: SchoolYear[] = [2021, 2022, 2023, 2024].map((first) => ({
  label: `${first}/${String((first + 1) % 100).padStart(2, '0')}`,
  first,
}));

/** What a demo school is like, fixed across years: the figures are drawn from it each year. */
export interface DemoSchool {
  listing: SchoolListing;
  laCode: number;
  phase: 'Primary' | 'Secondary';
  sixthForm: boolean;
  /** Pupils on roll in 2021/22. */
  roll: number;
  /** Disadvantage within the LA (standard normal: + is more disadvantaged than the LA's typical school). */
  disadvantage: number;
  /** The LA's own disadvantage, on the logit scale of the FSM6 share (0: England's level). */
  laDisadvantage: number;
  /** Share of pupils with English as an additional language, logit offset from England's. */
  eal: number;
  sen: number;
  ehcp: number;
  /** How effective the school is (standard normal; part of it is the LA's effectiveness). */
  quality: number;
}

/** One school's figures for one publication and year, with what the totals weigh them by. */
export interface SchoolYearFigures {
  urn: number;
  figures: StoredFigure[];
  /** Pupils behind each figure, by code, when it is not the cohort itself (disadvantaged pupils ...). */
  weights?: Record<string, number>;
}

export const logistic = (x: number) => 1 / (1 + Math.exp(-x));
export const logit = (p: number) => {
  const q = Math.min(0.995, Math.max(0.005, p));
  return Math.log(q / (1 - q));
};
export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A figure rounded to its published decimal places. */
export function figure(code: string, value: number, decimals: number): StoredFigure {
  return { code, value: roundHalfAwayFromZero(value, decimals), marker: null, text: null };
}

/** A suppressed figure: a null value with its marker, never a zero. */
export function suppressed(code: string): StoredFigure {
  return { code, value: null, marker: demoSchoolSuppressedMarker, text: null };
}

/**
 * Seeded streams for one kind of a school's figures: `fixed` gives the same draws every year (the
 * school's own effects), `year` that year's. Each is drawn from in a fixed order.
 */
export function schoolStreams(
  seed: string,
  urn: number,
  what: string,
  year: SchoolYear,
): { fixed: Random; year: Random } {
  const key = `${seed}|school|${urn}|${what}`;
  return { fixed: randomStream(key), year: randomStream(`${key}|${year.first}`) };
}

/** A value for each of the demo years from an oldest-first list (England's level that year). */
export function levelIn(levels: readonly number[], year: SchoolYear): number {
  const i = demoSchoolYears.findIndex((y) => y.first === year.first);
  return levels[Math.max(0, i)] ?? levels[levels.length - 1]!;
}

/**
 * A share of `n` pupils drawn around the chance `p` (`z` a standard normal: the binomial's spread),
 * as whole pupils: what a published percentage is made of.
 */
export function pupilsShare(n: number, p: number, z = 0): number {
  if (n <= 0) return 0;
  const q = clamp(p, 0, 1);
  return clamp(Math.round(n * q + Math.sqrt(n * q * (1 - q)) * z), 0, n) / n;
}
