/**
 * Ofsted's grade words, and the documented rules that read them (ADR 0015). Grades are stored as
 * published, in words; this is the one module that knows what the words mean, so a share of
 * schools computed later (an LA measure) says which rule it used by the rule's id. Pure: no I/O.
 */

export type InspectionFramework = 'graded' | 'report-card';

/** What the rules read of a stored inspection (inspections.repository.ts InspectionRecord). */
export interface InspectionGrades {
  framework: InspectionFramework;
  /** Graded inspections: '1'..'4' or 'Not judged' (from September 2024), as published. */
  overallEffectiveness: string | null;
  /** Report cards: 'Met' or 'Not met'. */
  safeguarding: string | null;
  /** Judgement name (the file's column name) → the word published. */
  judgements: Readonly<Record<string, string>>;
}

/** The report-card scale (from November 2025), best first. */
export const reportCardScale = [
  'Exceptional',
  'Strong standard',
  'Expected standard',
  'Needs attention',
  'Urgent improvement',
] as const;
export type ReportCardGrade = (typeof reportCardScale)[number];

/** Report-card words that are not a place on the scale. */
export const reportCardNotGraded = {
  'Not applicable': 'the school has no such provision (early years, post-16)',
  '9': 'ungraded visit: a section 8 visit that grades no area (every area shows 9)',
} as const;

/** The report-card evaluation areas, in the order Ofsted's files give them. */
export const reportCardAreas = [
  'Inclusion',
  'Curriculum and teaching',
  'Achievement',
  'Attendance and behaviour',
  'Personal development and wellbeing',
  'Early years (where applicable)',
  'Post-16 provision (where applicable)',
  'Leadership and governance',
] as const;

/** The graded scale (to August 2025): overall effectiveness and each key judgement. */
export const gradedScale = [
  { grade: '1', name: 'Outstanding' },
  { grade: '2', name: 'Good' },
  { grade: '3', name: 'Requires improvement' },
  { grade: '4', name: 'Inadequate' },
] as const;

/** Graded-framework words that are not a place on the scale. */
export const gradedNotGraded = {
  'Not judged': 'no overall effectiveness grade (graded inspections from September 2024 give none)',
  '9': 'not applicable: the school has no such provision (early years, sixth form, boarding)',
} as const;

/** Key judgements of the September 2012 framework (the 2013/14 files). */
export const framework2012Judgements = [
  'Achievement of pupils',
  'Behaviour and safety of pupils',
  'Quality of teaching',
  'Leadership and management',
] as const;

/** Key judgements of the education inspection framework, OEIF (2019-25). */
export const oeifJudgements = [
  'Quality of education',
  'Behaviour and attitudes',
  'Personal development',
  'Effectiveness of leadership and management',
  'Safeguarding is effective?',
  'Early years provision (where applicable)',
  'Sixth form provision (where applicable)',
] as const;

/** Boarding and residential judgements (graded), where a school has boarders. */
export const boardingJudgements = [
  'Overall effectiveness of the residential or boarding provision',
  'Outcomes for residential or boarding pupils',
  'The quality of residential or boarding provision and care',
  "Residential or boarding pupil's safety",
  'Leadership and management of the residential or boarding provision',
] as const;

/** Every graded judgement Lantern knows, in the order the files give them. */
export const gradedJudgements: readonly string[] = [
  ...framework2012Judgements,
  ...oeifJudgements,
  ...boardingJudgements,
];

/** The judgement an ungraded (section 8) inspection of the graded framework gives, in its words. */
export const ungradedOutcome = 'Ungraded inspection overall outcome';

export const categoriesOfConcern = {
  SM: 'Special measures',
  SWK: 'Serious weaknesses',
  RSI: 'Requires significant improvement',
  NTI: 'Notice to improve',
} as const;

/** The vocabularies a file's cell is checked against. */
export type WordList =
  'report-card' | 'graded-overall' | 'graded' | 'safeguarding' | 'yes-no' | 'category-of-concern';

const wordLists: Record<WordList, readonly string[]> = {
  // Written out: Object.keys would put '9' (a number-like key) first.
  'report-card': [...reportCardScale, 'Not applicable', '9'],
  'graded-overall': [...gradedScale.map((g) => g.grade), 'Not judged'],
  graded: [...gradedScale.map((g) => g.grade), '9'],
  safeguarding: ['Met', 'Not met'],
  'yes-no': ['Yes', 'No'],
  'category-of-concern': Object.keys(categoriesOfConcern),
};

/**
 * The word as Lantern stores it: the list's own spelling of `raw` (matched ignoring case and
 * spaces around it: the 2013/14 file writes "SM " and "swk"), or null when the list lacks it.
 */
export function publishedWord(list: WordList, raw: string): string | null {
  const text = raw.trim().toLowerCase();
  return wordLists[list].find((w) => w.toLowerCase() === text) ?? null;
}

/** The words of a list, for a problem's "expected ...". */
export function wordsExpected(list: WordList): string {
  const words = wordLists[list].map((w) => `"${w}"`);
  return `one of ${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** "Good" for '2'; the not-graded words in words; anything else as it is. */
export function gradedName(word: string): string {
  const graded = gradedScale.find((g) => g.grade === word)?.name;
  if (graded) return graded;
  return word === '9' ? 'Not applicable' : word;
}

/** 0 (Exceptional) to 4 (Urgent improvement); null for Not applicable, 9 or an unknown word. */
export function reportCardRank(word: string | undefined): number | null {
  const rank = reportCardScale.indexOf(word as ReportCardGrade);
  return rank < 0 ? null : rank;
}

/** The areas a report card placed on the scale (not Not applicable, not 9), with their words. */
export function gradedAreas(i: InspectionGrades): { area: string; grade: ReportCardGrade }[] {
  return reportCardAreas.flatMap((area) => {
    const word = i.judgements[area];
    return reportCardRank(word) === null ? [] : [{ area, grade: word as ReportCardGrade }];
  });
}

/**
 * True for an inspection that graded nothing: a report-card visit with every area 9, or a graded-
 * framework ungraded inspection (no overall effectiveness, no 1-4 judgement; its outcome in words).
 */
export function isUngraded(i: InspectionGrades): boolean {
  if (i.framework === 'report-card') return gradedAreas(i).length === 0;
  if (i.overallEffectiveness !== null) return false;
  return !Object.values(i.judgements).some((w) => gradedScale.some((g) => g.grade === w));
}

/**
 * A documented rule over one inspection, for measures such as "the share of schools whose latest
 * inspection was good or outstanding". `id` is stable (a measure names its rule by it);
 * `definition` is the line docs/methods.md gives.
 */
export interface InspectionRule {
  id: string;
  definition: string;
  framework: InspectionFramework;
  /** null: the inspection gives nothing the rule reads (another framework, an ungraded visit). */
  test: (i: InspectionGrades) => boolean | null;
}

/** Graded: overall effectiveness 1 or 2. Null for 'Not judged' and ungraded inspections. */
export function goodOrOutstanding(i: InspectionGrades): boolean | null {
  if (i.framework !== 'graded') return null;
  const grade = i.overallEffectiveness;
  if (grade === '1' || grade === '2') return true;
  return grade === '3' || grade === '4' ? false : null;
}

/** Graded: overall effectiveness 4. */
export function inadequate(i: InspectionGrades): boolean | null {
  const good = goodOrOutstanding(i);
  return good === null ? null : i.overallEffectiveness === '4';
}

/**
 * Report card: every area on the scale is Expected standard or better, and safeguarding is Met.
 * Areas Not applicable or 9 are left out; an area below, or safeguarding Not met, is false even
 * when something else is missing. Null when no area was graded or safeguarding is not given.
 */
export function noAreaBelowExpected(i: InspectionGrades): boolean | null {
  if (i.framework !== 'report-card') return null;
  const expected = reportCardScale.indexOf('Expected standard');
  const areas = gradedAreas(i);
  if (areas.some((a) => reportCardRank(a.grade)! > expected)) return false;
  if (i.safeguarding === 'Not met') return false;
  return areas.length === 0 || i.safeguarding !== 'Met' ? null : true;
}

/** Report card: Achievement is Strong standard or Exceptional. Null when Achievement was not graded. */
export function strongAchievement(i: InspectionGrades): boolean | null {
  if (i.framework !== 'report-card') return null;
  const rank = reportCardRank(i.judgements['Achievement']);
  return rank === null ? null : rank <= reportCardScale.indexOf('Strong standard');
}

/** Report card: any area Urgent improvement, or safeguarding Not met. Null for an ungraded visit. */
export function urgentImprovementOrUnsafe(i: InspectionGrades): boolean | null {
  if (i.framework !== 'report-card') return null;
  const areas = gradedAreas(i);
  if (i.safeguarding === 'Not met' || areas.some((a) => a.grade === 'Urgent improvement'))
    return true;
  return areas.length === 0 ? null : false;
}

export const inspectionRules: readonly InspectionRule[] = [
  {
    id: 'graded-good-or-outstanding',
    definition: 'Graded inspection with overall effectiveness 1 (Outstanding) or 2 (Good).',
    framework: 'graded',
    test: goodOrOutstanding,
  },
  {
    id: 'graded-inadequate',
    definition: 'Graded inspection with overall effectiveness 4 (Inadequate).',
    framework: 'graded',
    test: inadequate,
  },
  {
    id: 'report-card-no-area-below-expected',
    definition:
      'Report card with every graded evaluation area Expected standard or better, and safeguarding standards Met.',
    framework: 'report-card',
    test: noAreaBelowExpected,
  },
  {
    id: 'report-card-achievement-strong-or-better',
    definition: 'Report card with Achievement Strong standard or Exceptional.',
    framework: 'report-card',
    test: strongAchievement,
  },
  {
    id: 'report-card-urgent-improvement-or-safeguarding-not-met',
    definition:
      'Report card with any evaluation area Urgent improvement, or safeguarding standards Not met.',
    framework: 'report-card',
    test: urgentImprovementOrUnsafe,
  },
];

/** The rule of this id, or undefined. */
export function ruleById(id: string): InspectionRule | undefined {
  return inspectionRules.find((r) => r.id === id);
}
