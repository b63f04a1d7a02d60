/**
 * What each column of the SYNTHETIC demo school figures means (school_measure), in the words of
 * the DfE's meta files, with the decimal places the demo publishes it to. The codes are the
 * performance tables' own column names (ADR 0015); the figures under them are made up.
 */
import type { MeasureColumn } from '../schools/observations.repository.js';

export type DemoSchoolPublication = 'census' | 'ks2' | 'ks4' | 'absence';

export interface DemoSchoolColumn {
  code: string;
  label: string;
  decimals: number;
  /** How LA and England rows total it: a sum of the schools', or their pupil-weighted mean. */
  total: 'sum' | 'mean' | 'none';
}

const col = (
  code: string,
  label: string,
  decimals: number,
  total: DemoSchoolColumn['total'] = 'mean',
): DemoSchoolColumn => ({ code, label, decimals, total });

const progress = (code: string, subject: string): DemoSchoolColumn[] => [
  col(code, `${subject} progress measure`, 2),
  col(`${code}_LOWER`, `${subject} progress measure - lower confidence limit`, 2, 'none'),
  col(`${code}_UPPER`, `${subject} progress measure - upper confidence limit`, 2, 'none'),
];

export const demoSchoolColumns: Record<DemoSchoolPublication, DemoSchoolColumn[]> = {
  census: [
    col('NOR', 'Total number of pupils on roll (all ages)', 0, 'sum'),
    col(
      'PNUMFSMEVER',
      'Percentage of pupils eligible for FSM at any time during the past 6 years',
      1,
    ),
    col('PNUMEAL', 'Percentage of pupils with English not as first language', 1),
    col('PSENELK', 'Percentage of eligible pupils with SEN support', 1),
    col('PSENELSE', 'Percentage of pupils with an EHC plan', 1),
  ],
  ks2: [
    col('TELIG', 'Number of eligible pupils', 0, 'sum'),
    col(
      'PTRWM_EXP',
      'Percentage of pupils reaching the expected standard in reading, writing and maths',
      0,
    ),
    col(
      'PTRWM_HIGH',
      'Percentage of pupils achieving a high score in reading and maths and working at greater depth in writing',
      0,
    ),
    col('READ_AVERAGE', 'Average scaled score in reading', 0),
    col('MAT_AVERAGE', 'Average scaled score in maths', 0),
    ...progress('READPROG', 'Reading'),
    ...progress('WRITPROG', 'Writing'),
    ...progress('MATPROG', 'Maths'),
    col('PTFSM6CLA1A', 'Percentage of key stage 2 pupils who are disadvantaged', 0),
    col(
      'PTRWM_EXP_FSM6CLA1A',
      'Percentage of disadvantaged pupils reaching the expected standard in reading, writing and maths',
      0,
    ),
    col(
      'PTRWM_HIGH_FSM6CLA1A',
      'Percentage of disadvantaged pupils achieving a high score in reading and maths and working at greater depth in writing',
      0,
    ),
    col(
      'PTRWM_EXP_NotFSM6CLA1A',
      'Percentage of non-disadvantaged pupils reaching the expected standard in reading, writing and maths',
      0,
    ),
    col('TKS1AVERAGE', 'Cohort level key stage 1 average points score', 1),
  ],
  ks4: [
    col('TPUP', 'Number of pupils at the end of key stage 4', 0, 'sum'),
    col('ATT8SCR', 'Average Attainment 8 score per pupil', 1),
    col('PTFSM6CLA1A', 'Percentage of key stage 4 pupils who are disadvantaged', 0),
    col('ATT8SCR_FSM6CLA1A', 'Average Attainment 8 score per disadvantaged pupil', 1),
    col('P8MEA_FSM6CLA1A', 'Progress 8 measure for disadvantaged pupils', 2),
    col('P8MEA', 'Progress 8 measure after adjustment for extreme scores', 2),
    col('P8CILOW', 'Progress 8 lower confidence interval', 2, 'none'),
    col('P8CIUPP', 'Progress 8 upper confidence interval', 2, 'none'),
    col(
      'PTL2BASICS_94',
      'Percentage of pupils achieving grade 4 or above in English and maths GCSEs',
      1,
    ),
    col(
      'PTL2BASICS_95',
      'Percentage of pupils achieving grade 5 or above in English and maths GCSEs',
      1,
    ),
    col('PTEBACC_E_PTQ_EE', 'Percentage of pupils entering the English Baccalaureate', 1),
    col('EBACCAPS', 'Average EBacc APS score per pupil', 2),
  ],
  absence: [
    col('PERCTOT', 'Percentage of overall absence', 1),
    col(
      'PPERSABS10',
      'Percentage of enrolments who are persistent absentees (10% or more sessions missed)',
      1,
    ),
  ],
};

export const demoSchoolPublications = Object.keys(demoSchoolColumns) as DemoSchoolPublication[];

/** The school_measure rows of a publication: every code is a number. */
export function demoMeasureColumns(publication: DemoSchoolPublication): MeasureColumn[] {
  return demoSchoolColumns[publication].map((c) => ({
    code: c.code,
    label: c.label,
    kind: 'number',
  }));
}
