/** An academic year as Lantern stores a school's figure: '2018/19', first year 2018. */
export interface AcademicYear {
  label: string;
  first: number;
}

/** The one rule for a year's label: the store keeps only the first year (migration 0013). */
export function academicYear(first: number): AcademicYear {
  return { label: `${first}/${String((first + 1) % 100).padStart(2, '0')}`, first };
}

/** '2018/19', '2018-19', '2018-2019' or '201819' as an academic year; null when it is none. */
export function parseAcademicYear(text: string): AcademicYear | null {
  const m = /^\s*(20\d\d)\s*[-/]?\s*(20\d\d|\d\d)\s*$/.exec(text);
  if (!m) return null;
  const first = Number(m[1]);
  const second = Number(m[2]!.length === 2 ? `${m[1]!.slice(0, 2)}${m[2]}` : m[2]);
  return second === first + 1 ? academicYear(first) : null;
}
