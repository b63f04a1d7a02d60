/**
 * How an EES `time_period` becomes Lantern's year label.
 *  - academic  201819 → "2018/19"   (the default for six-digit periods)
 *  - financial 201819 → "2018-19"
 *  - end-year  201819 → "2019"      (LAIT labels academic-year measures by the year they end)
 *  - calendar  2023   → "2023"      (the default for four-digit periods)
 * The year number (for ordering) is the first four digits of the label, as LAIT does.
 */
export const yearStyles = ['academic', 'financial', 'end-year', 'calendar'] as const;
export type YearStyle = (typeof yearStyles)[number];

export type YearResult = { label: string; number: number } | { error: string };

const sixDigits = /^(\d{4})(\d{2})$/;
const fourDigits = /^\d{4}$/;

/** The default style for a period: academic for `201819`, calendar for `2023`; null when neither shape. */
export function defaultYearStyle(timePeriod: string): YearStyle | null {
  const t = timePeriod.trim();
  if (isTwoYearPeriod(t)) return 'academic';
  if (fourDigits.test(t)) return 'calendar';
  return null;
}

export function yearLabel(timePeriod: string, style: YearStyle | null): YearResult {
  const t = timePeriod.trim();
  const chosen = style ?? defaultYearStyle(t);
  if (chosen === null) return { error: 'a year such as 2023 or an academic year such as 201819' };
  if (chosen === 'calendar') {
    if (!fourDigits.test(t))
      return { error: 'a calendar year such as 2023 (the mapping says years.style: calendar)' };
    return { label: t, number: Number(t) };
  }
  if (!isTwoYearPeriod(t))
    return { error: `a two-year period such as 201819 (the mapping says years.style: ${chosen})` };
  const start = Number(t.slice(0, 4));
  const end = t.slice(4);
  if (chosen === 'academic') return { label: `${start}/${end}`, number: start };
  if (chosen === 'financial') return { label: `${start}-${end}`, number: start };
  return { label: String(start + 1), number: start + 1 };
}

/** 201819: six digits whose last two are the year after the first four. */
function isTwoYearPeriod(t: string): boolean {
  const m = sixDigits.exec(t);
  if (!m) return false;
  return (Number(m[1]) + 1) % 100 === Number(m[2]);
}
