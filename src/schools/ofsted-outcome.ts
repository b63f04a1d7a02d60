import {
  gradedName,
  isUngraded,
  noAreaBelowExpected,
  type InspectionGrades,
} from './ofsted-grades.js';

/**
 * A school's latest Ofsted outcome in one phrase, for lists and filters: the graded word
 * ("Good") for a graded inspection, and for a report card whether any area is below Expected
 * standard (the report card's grades themselves are shown in full on the profile, never
 * averaged or turned into one grade). One rule for the LA list, its filter and its downloads.
 */
export interface OfstedOutcome {
  key: string;
  label: string;
  /** In a table column headed "Latest Ofsted": "Good", "Report card: none below Expected". */
  short: string;
}

export const outcomeChoices: OfstedOutcome[] = [
  { key: 'outstanding', label: 'Outstanding (graded)', short: 'Outstanding' },
  { key: 'good', label: 'Good (graded)', short: 'Good' },
  {
    key: 'requires-improvement',
    label: 'Requires improvement (graded)',
    short: 'Requires improvement',
  },
  { key: 'inadequate', label: 'Inadequate (graded)', short: 'Inadequate' },
  {
    key: 'report-card-expected-or-better',
    label: 'Report card: no area below Expected standard',
    short: 'Report card: none below Expected',
  },
  {
    key: 'report-card-below-expected',
    label: 'Report card: an area below Expected standard',
    short: 'Report card: an area below Expected',
  },
  { key: 'other', label: 'Not judged, or an ungraded visit', short: 'Not judged' },
  { key: 'none', label: 'No inspection held', short: 'None held' },
];

const byGrade: Record<string, string> = {
  '1': 'outstanding',
  '2': 'good',
  '3': 'requires-improvement',
  '4': 'inadequate',
};

export function ofstedOutcome(
  i: (InspectionGrades & { startDate: string | null }) | null,
): OfstedOutcome {
  const choice = (key: string) => outcomeChoices.find((c) => c.key === key)!;
  if (!i) return choice('none');
  if (i.framework === 'report-card') {
    const ok = noAreaBelowExpected(i);
    if (ok === null) return choice('other');
    return choice(ok ? 'report-card-expected-or-better' : 'report-card-below-expected');
  }
  const key = i.overallEffectiveness ? byGrade[i.overallEffectiveness] : undefined;
  if (key) return choice(key);
  return isUngraded(i) || i.overallEffectiveness
    ? {
        key: 'other',
        label: choice('other').label,
        short: i.overallEffectiveness ? gradedName(i.overallEffectiveness) : 'Ungraded visit',
      }
    : choice('other');
}
