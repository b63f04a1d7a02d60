import {
  gradedJudgements,
  oeifJudgements,
  reportCardAreas,
  ungradedOutcome,
  type InspectionFramework,
  type WordList,
} from '../../schools/ofsted-grades.js';

/**
 * The layouts of Ofsted's management-information files Lantern reads, as the files name their
 * columns. Columns are matched ignoring case and repeated spaces: Ofsted writes "Academy Sponsor
 * Name" in one file and "Academy sponsor name" in the next, and "Latest OEIF  safeguarding".
 */

/** One judgement column: stored in `judgements` under `key`, checked against `words`. */
export interface JudgementColumn {
  column: string;
  key: string;
  /** 'text': any words (an ungraded inspection's outcome, whose list Ofsted has changed often). */
  words: WordList | 'text';
}

/** What a row says about one inspection (a latest-inspections row describes up to three). */
export interface InspectionColumns {
  /** For the summary: an ungraded inspection of the graded framework is counted apart. */
  kind: 'report card' | 'graded' | 'ungraded';
  framework: InspectionFramework;
  number: string;
  start: string;
  type?: string;
  end?: string;
  publication?: string;
  concern?: string;
  safeguarding?: string;
  overall?: string;
  judgements: JudgementColumn[];
  /** Report cards' "... - date of judgement" columns: kept only where they differ from the start. */
  judgementDates?: string[];
  /** The school as it was when inspected (a predecessor's URN before an academy conversion). */
  atTheTime?: { urn: string; laestab: string; name: string; schoolType: string };
}

/** Columns describing the school (the register takes what nothing has told it yet). */
export interface SchoolColumns {
  urn: string;
  laestab: string;
  name: string;
  schoolType: string;
  openDate?: string;
  postcode?: string;
  trust?: string;
  pupils?: string;
  ageLow?: string;
  ageHigh?: string;
  religiousCharacter?: string;
}

export interface OfstedLayout {
  id: 'report-cards' | 'latest-inspections' | 'graded';
  /** In words, for the summary and for the message when no layout matches. */
  name: string;
  /** Columns that tell this layout from the others; all must be there. */
  signature: string[];
  school: SchoolColumns;
  inspections: InspectionColumns[];
  /** Columns read when the file has them (older and newer files of one layout differ). */
  optional: string[];
}

const reportCardSchool: SchoolColumns = {
  urn: 'URN',
  laestab: 'LAESTAB',
  name: 'School name',
  schoolType: 'Type of education',
  openDate: 'School open date',
  postcode: 'Postcode',
  trust: 'Multi-academy trust name',
  pupils: 'Total number of pupils',
  ageLow: 'Statutory lowest age',
  ageHigh: 'Statutory highest age',
  religiousCharacter: 'Designated religious character',
};
const schoolExtras = ['openDate', 'postcode', 'trust', 'pupils', 'ageLow', 'ageHigh'] as const;
const optionalSchoolColumns = [
  ...schoolExtras.map((k) => reportCardSchool[k]!),
  reportCardSchool.religiousCharacter!,
];

const areaColumns = (): JudgementColumn[] =>
  reportCardAreas.map((area) => ({ column: area, key: area, words: 'report-card' }));

const reportCards: OfstedLayout = {
  id: 'report-cards',
  name: 'report-card inspections, one row each',
  signature: ['URN', 'LAESTAB', 'Inspection number', 'Safeguarding standards', 'Inclusion'],
  school: reportCardSchool,
  inspections: [
    {
      kind: 'report card',
      framework: 'report-card',
      number: 'Inspection number',
      type: 'Inspection type',
      start: 'Inspection start date',
      publication: 'Publication date',
      concern: 'Category of concern',
      safeguarding: 'Safeguarding standards',
      judgements: areaColumns(),
    },
  ],
  optional: optionalSchoolColumns,
};

/** "Early years (where applicable)" has "Early years - date of judgement". */
const dateColumn = (area: string) =>
  `${area.replace(/ \(where applicable\)$/, '')} - date of judgement`;
const atTheTime = (what: string) => ({
  urn: `URN at time of ${what}`,
  laestab: `LAESTAB at time of ${what}`,
  name: `School name at time of ${what}`,
  schoolType: `School type at time of ${what}`,
});

const latestInspections: OfstedLayout = {
  id: 'latest-inspections',
  name: 'latest inspections of each school',
  signature: [
    'URN',
    'LAESTAB',
    'Inspection number of latest full inspection',
    'Inspection number of latest OEIF graded inspection',
    'Latest ungraded inspection number',
  ],
  school: reportCardSchool,
  inspections: [
    {
      ...reportCards.inspections[0]!,
      number: 'Inspection number of latest full inspection',
      judgementDates: ['Safeguarding standards', ...reportCardAreas].map(dateColumn),
      atTheTime: atTheTime('latest full inspection'),
    },
    {
      kind: 'graded',
      framework: 'graded',
      number: 'Inspection number of latest OEIF graded inspection',
      type: 'Inspection type of latest OEIF graded inspection',
      start: 'Inspection start date of latest OEIF graded inspection',
      publication: 'Publication date of latest OEIF graded inspection',
      concern: 'Latest OEIF category of concern',
      overall: 'Latest OEIF overall effectiveness',
      // "Latest OEIF quality of education" is the all-inspections files' "Quality of education".
      judgements: oeifJudgements.map((key) => ({
        column: `Latest OEIF ${key}`,
        key,
        words: key === 'Safeguarding is effective?' ? 'yes-no' : 'graded',
      })),
      atTheTime: atTheTime('latest OEIF graded inspection'),
    },
    {
      kind: 'ungraded',
      framework: 'graded',
      number: 'Latest ungraded inspection number',
      start: 'Date of latest ungraded inspection',
      publication: 'Ungraded inspection publication date',
      judgements: [{ column: ungradedOutcome, key: ungradedOutcome, words: 'text' }],
      atTheTime: atTheTime('the ungraded inspection'),
    },
  ],
  optional: optionalSchoolColumns,
};

const graded: OfstedLayout = {
  id: 'graded',
  name: 'graded inspections, one row each',
  signature: ['URN', 'LAESTAB', 'Inspection number', 'Overall effectiveness'],
  school: {
    urn: 'URN',
    laestab: 'LAESTAB',
    name: 'School name',
    schoolType: 'Type of establishment',
    postcode: 'Postcode',
  },
  inspections: [
    {
      kind: 'graded',
      framework: 'graded',
      number: 'Inspection number',
      type: 'Inspection type',
      start: 'Inspection start date',
      end: 'Inspection end date',
      publication: 'Publication date',
      concern: 'Category of concern',
      overall: 'Overall effectiveness',
      judgements: gradedJudgements.map((key) => ({
        column: key,
        key,
        words: key === 'Safeguarding is effective?' ? 'yes-no' : 'graded',
      })),
    },
  ],
  // Each framework's files have their own judgements; end and publication dates come and go.
  optional: ['Postcode', 'Inspection end date', 'Publication date', ...gradedJudgements],
};

/** Most particular first: a latest-inspections file also has report-card columns. */
export const ofstedLayouts: readonly OfstedLayout[] = [latestInspections, reportCards, graded];

/** Every column a layout reads. */
export function layoutColumns(layout: OfstedLayout): string[] {
  const school = Object.values(layout.school).filter((c): c is string => c !== undefined);
  const inspections = layout.inspections.flatMap((i) => [
    i.number,
    i.start,
    ...[i.type, i.end, i.publication, i.concern, i.safeguarding, i.overall].filter(
      (c): c is string => c !== undefined,
    ),
    ...i.judgements.map((j) => j.column),
    ...(i.judgementDates ?? []),
    ...(i.atTheTime ? Object.values(i.atTheTime) : []),
  ]);
  return [...new Set([...layout.signature, ...school, ...inspections])];
}
