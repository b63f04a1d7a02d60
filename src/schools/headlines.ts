/**
 * The school figures Lantern names in the users' words: the profile's sections, the LA list's
 * columns and the families' outcomes all come from here, so a figure has one label and one
 * rounding everywhere. `code` is the performance tables' own column name (ADR 0015).
 */
export type SchoolFigureUnit = 'percent' | 'score' | 'progress' | 'count';

export interface HeadlineFigure {
  publication: string;
  code: string;
  /** The words a page shows: "Reading, writing and maths: expected standard". */
  label: string;
  /** A short column heading for tables. */
  short: string;
  unit: SchoolFigureUnit;
  decimals: number;
  /** Higher is better, lower is better, or neither (pupil numbers, intake). */
  polarity: 'high' | 'low' | null;
  /** The published confidence interval's columns, for progress measures. */
  interval?: { lower: string; upper: string };
  /** The pupils the figure is about: the cohort that flags a small one. */
  cohort?: string;
}

export type HeadlineGroup = 'context' | 'ks2' | 'ks4' | 'destinations' | 'absence';

/**
 * A results figure of one publication: higher is better, flagged by the publication's cohort,
 * to the decimals the DfE publishes it to (KS2 percentages whole, KS4 ones to one place).
 */
const results =
  (publication: string, cohort: string, decimals: (unit: SchoolFigureUnit) => number) =>
  (
    code: string,
    label: string,
    short: string,
    unit: SchoolFigureUnit,
    extra: Partial<HeadlineFigure> = {},
  ): HeadlineFigure => ({
    publication,
    code,
    label,
    short,
    unit,
    decimals: decimals(unit),
    polarity: 'high',
    cohort,
    ...extra,
  });

const ks2 = results('ks2', 'TELIG', (unit) => (unit === 'percent' ? 0 : 1));
const ks4 = results('ks4', 'TPUP', (unit) => (unit === 'progress' ? 2 : 1));

const progress = (code: string) => ({
  interval: { lower: `${code}_LOWER`, upper: `${code}_UPPER` },
});

export const headlineFigures: Record<HeadlineGroup, HeadlineFigure[]> = {
  context: [
    {
      publication: 'census',
      code: 'NOR',
      label: 'Pupils on roll',
      short: 'Pupils',
      unit: 'count',
      decimals: 0,
      polarity: null,
    },
    {
      publication: 'census',
      code: 'PNUMFSMEVER',
      label: 'Pupils eligible for free school meals in the last six years',
      short: 'FSM6 %',
      unit: 'percent',
      decimals: 1,
      polarity: null,
    },
    {
      publication: 'census',
      code: 'PNUMEAL',
      label: 'Pupils with English as an additional language',
      short: 'EAL %',
      unit: 'percent',
      decimals: 1,
      polarity: null,
    },
    {
      publication: 'census',
      code: 'PSENELK',
      label: 'Pupils with SEN support',
      short: 'SEN support %',
      unit: 'percent',
      decimals: 1,
      polarity: null,
    },
    {
      publication: 'ees-information-about-schools',
      code: 'sen_no_ehcp_pupil_percent',
      label: 'Pupils with SEN support (KS4 performance release)',
      short: 'SEN support %',
      unit: 'percent',
      decimals: 1,
      polarity: null,
    },
    {
      publication: 'ees-information-about-schools',
      code: 'sen_with_ehcp_pupil_percent',
      label: 'Pupils with an EHC plan (KS4 performance release)',
      short: 'EHCP %',
      unit: 'percent',
      decimals: 1,
      polarity: null,
    },
    {
      publication: 'census',
      code: 'PSENELSE',
      label: 'Pupils with an EHC plan',
      short: 'EHCP %',
      unit: 'percent',
      decimals: 1,
      polarity: null,
    },
  ],
  ks2: [
    ks2('PTRWM_EXP', 'Reading, writing and maths: expected standard', 'RWM expected %', 'percent'),
    ks2('PTRWM_HIGH', 'Reading, writing and maths: higher standard', 'RWM higher %', 'percent'),
    ks2('READ_AVERAGE', 'Reading: average scaled score', 'Reading score', 'score', { decimals: 0 }),
    ks2('MAT_AVERAGE', 'Maths: average scaled score', 'Maths score', 'score', { decimals: 0 }),
    ks2('READPROG', 'Reading progress', 'Reading progress', 'progress', progress('READPROG')),
    ks2('WRITPROG', 'Writing progress', 'Writing progress', 'progress', progress('WRITPROG')),
    ks2('MATPROG', 'Maths progress', 'Maths progress', 'progress', progress('MATPROG')),
    ks2('PTFSM6CLA1A', 'Disadvantaged pupils in the KS2 cohort', 'Disadvantaged %', 'percent', {
      polarity: null,
    }),
  ],
  ks4: [
    ks4('ATT8SCR', 'Attainment 8', 'Attainment 8', 'score'),
    ks4('P8MEA', 'Progress 8', 'Progress 8', 'progress', {
      interval: { lower: 'P8CILOW', upper: 'P8CIUPP' },
    }),
    ks4('PTL2BASICS_94', 'English and maths: grade 4 or above', 'E&M 4+ %', 'percent'),
    ks4('PTL2BASICS_95', 'English and maths: grade 5 or above', 'E&M 5+ %', 'percent'),
    ks4('PTEBACC_E_PTQ_EE', 'Entering the English Baccalaureate', 'EBacc entry %', 'percent'),
    ks4('EBACCAPS', 'EBacc average point score', 'EBacc APS', 'score', { decimals: 2 }),
    {
      publication: 'ees-information-about-schools',
      code: 'ks2_scaledscore_average',
      label: 'Prior attainment: the KS4 cohort’s average KS2 scaled score',
      short: 'KS2 prior attainment',
      unit: 'score',
      decimals: 1,
      polarity: null,
    },
    {
      publication: 'ees-information-about-schools',
      code: 'attainment8_diffn',
      label: 'Attainment 8: disadvantaged pupils against other pupils nationally',
      short: 'A8 disadvantaged gap',
      unit: 'score',
      decimals: 1,
      polarity: 'high',
    },
    {
      publication: 'ees-information-about-schools',
      code: 'progress8_diffn',
      label: 'Progress 8: disadvantaged pupils against other pupils nationally',
      short: 'P8 disadvantaged gap',
      unit: 'progress',
      decimals: 2,
      polarity: 'high',
    },
  ],
  destinations: [
    {
      publication: 'ks4-destinations',
      code: 'OVERALL_DESTPER',
      label: 'Staying in education or employment after KS4',
      short: 'Sustained destination %',
      unit: 'percent',
      decimals: 0,
      polarity: 'high',
      cohort: 'COHORT',
    },
    {
      publication: 'ks4-destinations',
      code: 'NOT_SUSTAINEDPER',
      label: 'Destination not sustained',
      short: 'Not sustained %',
      unit: 'percent',
      decimals: 0,
      polarity: 'low',
      cohort: 'COHORT',
    },
  ],
  absence: [
    {
      publication: 'absence',
      code: 'PERCTOT',
      label: 'Overall absence',
      short: 'Absence %',
      unit: 'percent',
      decimals: 1,
      polarity: 'low',
    },
    {
      publication: 'absence',
      code: 'PPERSABS10',
      label: 'Persistent absence (10% or more of sessions missed)',
      short: 'Persistent absence %',
      unit: 'percent',
      decimals: 1,
      polarity: 'low',
    },
  ],
};

export const allHeadlineFigures: HeadlineFigure[] = Object.values(headlineFigures).flat();

export function headlineFigure(publication: string, code: string): HeadlineFigure | undefined {
  return allHeadlineFigures.find((h) => h.publication === publication && h.code === code);
}

/** The pupils below which a school's figure is flagged as a small cohort (noisy from year to year). */
export const smallCohort = 11;

/**
 * Years for which the DfE published no figure, so a profile says "not published" rather than
 * leaving a gap: no KS2 or KS4 performance tables for 2019/20 and 2020/21 (COVID); no KS2
 * progress measures for 2023/24 and 2024/25 (no KS1 baseline); no Progress 8 from 2024/25 (the
 * KS2 baseline was not taken in 2020 and 2021).
 */
export function notPublishedReason(
  publication: string,
  code: string,
  firstYear: number,
): string | null {
  if (
    (publication === 'ks2' || publication === 'ks4') &&
    (firstYear === 2019 || firstYear === 2020)
  )
    return 'Not published: no performance tables for 2019/20 and 2020/21 (COVID-19)';
  if (publication === 'ks2' && /PROG/.test(code) && (firstYear === 2023 || firstYear === 2024))
    return 'Not published: no KS2 progress measures for 2023/24 and 2024/25 (no KS1 baseline)';
  const progress8 = (publication === 'ks4' && /^P8/.test(code)) || /^progress8/i.test(code);
  if (progress8 && firstYear >= 2024)
    return 'Not published: no Progress 8 from 2024/25 (no KS2 baseline for these pupils)';
  return null;
}

/** The profile's section headings. */
export const sectionTitles: Record<HeadlineGroup, string> = {
  context: 'Pupils',
  ks2: 'Key stage 2',
  ks4: 'Key stage 4',
  destinations: 'Destinations after key stage 4',
  absence: 'Absence',
};
