/**
 * Gaps between disadvantaged pupils and other pupils (issue 10 part 6), for a school and for an
 * LA, with England's gap beside them. One rule for the gap, its trend and the comparison with
 * England, used by the profile, the LA list page, the downloads and the CLI. The performance
 * tables publish no SEN breakdown of results in these files, so only the disadvantage gap is here.
 */
import { formatChange, formatNumber, roundHalfAwayFromZero } from '../core/format.js';
import type { ComparisonFigures } from './comparison.js';
import type { Reading } from './profile.js';

export interface GapDefinition {
  id: string;
  label: string;
  publication: string;
  /** The file's columns for disadvantaged pupils and for the others, in the same place. */
  disadvantaged: string;
  others: string;
  unit: 'percent' | 'progress';
  decimals: number;
}

export const gapDefinitions: GapDefinition[] = [
  {
    id: 'ks2-rwm-expected',
    label: 'KS2 reading, writing and maths: expected standard',
    publication: 'ks2',
    disadvantaged: 'PTRWM_EXP_FSM6CLA1A',
    others: 'PTRWM_EXP_NotFSM6CLA1A',
    unit: 'percent',
    decimals: 0,
  },
  {
    id: 'ks2-rwm-higher',
    label: 'KS2 reading, writing and maths: higher standard',
    publication: 'ks2',
    disadvantaged: 'PTRWM_HIGH_FSM6CLA1A',
    others: 'PTRWM_HIGH_NotFSM6CLA1A',
    unit: 'percent',
    decimals: 0,
  },
  {
    id: 'ks2-reading-progress',
    label: 'KS2 reading progress',
    publication: 'ks2',
    disadvantaged: 'READPROG_FSM6CLA1A',
    others: 'READPROG_NotFSM6CLA1A',
    unit: 'progress',
    decimals: 1,
  },
  {
    id: 'ks2-maths-progress',
    label: 'KS2 maths progress',
    publication: 'ks2',
    disadvantaged: 'MATPROG_FSM6CLA1A',
    others: 'MATPROG_NotFSM6CLA1A',
    unit: 'progress',
    decimals: 1,
  },
  {
    id: 'ks4-destinations',
    label: 'Staying in education or employment after KS4',
    publication: 'ks4-destinations',
    disadvantaged: 'OVERALL_DESTPER_DIS',
    others: 'OVERALL_DESTPER_NONDIS',
    unit: 'percent',
    decimals: 0,
  },
];

export interface GapYear {
  yearLabel: string;
  yearNumber: number;
  disadvantaged: Reading | null;
  others: Reading | null;
  /** Disadvantaged minus others: negative when disadvantaged pupils do less well. */
  gap: number | null;
  englandGap: number | null;
  /** The gap minus England's: positive when disadvantaged pupils here are less far behind. */
  versusEngland: number | null;
  /** This year's gap against the last earlier year with one; none for the first. */
  trend: GapTrend | null;
}

export interface GapRow {
  definition: GapDefinition;
  years: GapYear[];
  /** The latest year's gap against the year before with one (both as published, rounded). */
  trend: GapTrend | null;
}

export type GapTrend =
  | 'narrower'
  | 'wider'
  | 'no change'
  | 'now ahead'
  | 'now behind'
  | 'further ahead'
  | 'less far ahead';

/** A gap from two published figures; none when either is suppressed or missing. */
export function gapOf(disadvantaged: Reading | null, others: Reading | null): number | null {
  if (disadvantaged?.value == null || others?.value == null) return null;
  return disadvantaged.value - others.value;
}

/**
 * Narrower when the gap's size shrank, at the precision published. Where disadvantaged pupils are
 * ahead, "wider" would read as a gap to close, so it says "now ahead", "further ahead" and so on.
 */
export function gapTrend(previous: number, latest: number, decimals: number): GapTrend {
  const before = roundHalfAwayFromZero(previous, decimals);
  const now = roundHalfAwayFromZero(latest, decimals);
  if (now > 0 && before <= 0) return 'now ahead';
  if (now < 0 && before > 0) return 'now behind';
  const bySize = sizeAgainst(before, now);
  if (now <= 0 || bySize === 'no change') return bySize;
  return bySize === 'wider' ? 'further ahead' : 'less far ahead';
}

/** Whether a gap's size (either way round) is narrower than another's; both already rounded. */
function sizeAgainst(other: number, gap: number): 'narrower' | 'wider' | 'no change' {
  const [a, b] = [Math.abs(other), Math.abs(gap)];
  return b < a ? 'narrower' : b > a ? 'wider' : 'no change';
}

/** What a place's figures are read through: a school's (LineageFigures) or an LA's total row. */
export type FigureSource = (publication: string, code: string, yearLabel: string) => Reading | null;

export function gapRows(
  own: FigureSource,
  years: (publication: string) => { label: string; number: number }[],
  compare: ComparisonFigures,
  phase: string | null,
): GapRow[] {
  return gapDefinitions.flatMap((d) => {
    let before: number | null = null;
    const rows: GapYear[] = years(d.publication).map((y) => {
      const disadvantaged = own(d.publication, d.disadvantaged, y.label);
      const others = own(d.publication, d.others, y.label);
      const e = (code: string) => {
        const r = compare.england(phase, d.publication, code, y.label);
        return r ? { value: r.value, marker: r.marker } : null;
      };
      const gap = gapOf(disadvantaged, others);
      const englandGap = gapOf(e(d.disadvantaged), e(d.others));
      const trend = before !== null && gap !== null ? gapTrend(before, gap, d.decimals) : null;
      if (gap !== null) before = gap;
      return {
        yearLabel: y.label,
        yearNumber: y.number,
        disadvantaged,
        others,
        gap,
        englandGap,
        versusEngland: gap !== null && englandGap !== null ? gap - englandGap : null,
        trend,
      };
    });
    if (!rows.some((r) => r.disadvantaged || r.others)) return [];
    const trend = rows.findLast((r) => r.gap !== null)?.trend ?? null;
    return [{ definition: d, years: rows, trend }];
  });
}

/** "-12 points" (percentage points) or "-1.4" (progress): a gap as every output writes it. */
export function formatGap(
  d: Pick<GapDefinition, 'unit' | 'decimals'>,
  value: number | null,
): string {
  if (value === null) return '–';
  const text = formatChange(value, d.decimals);
  return d.unit === 'percent' ? points(text) : text;
}

/**
 * "4 points narrower than England's" / "wider" / "the same as England's", by the gap's size; when
 * one gap favours disadvantaged pupils and the other does not, says so instead.
 */
export function versusEnglandWords(
  d: GapDefinition,
  gap: number | null,
  englandGap: number | null,
): string {
  if (gap === null || englandGap === null) return '–';
  const own = roundHalfAwayFromZero(gap, d.decimals);
  const england = roundHalfAwayFromZero(englandGap, d.decimals);
  // Disadvantaged pupils ahead where England's are behind (or the other way): "narrower" or
  // "wider" would read as a gap to close when there is none.
  if (own > 0 && england < 0) return 'Disadvantaged pupils ahead; in England, behind';
  if (own < 0 && england > 0) return 'Disadvantaged pupils behind; in England, ahead';
  const trend = sizeAgainst(england, own);
  if (trend === 'no change') return "The same as England's";
  const size = Math.abs(Math.abs(own) - Math.abs(england));
  const number = formatNumber(size, d.decimals);
  const amount = d.unit === 'percent' ? points(number) : number;
  return `${amount} ${trend} than England's`;
}

/** "1 point", "-1 point", "12 points" (percentage points). */
function points(text: string): string {
  return `${text} ${/^[+-]?1$/.test(text) ? 'point' : 'points'}`;
}
