/**
 * LAIT year labels are kept verbatim ('2016-17 (OT)', '2025 (prov)', '2013/14-15/16'); the number
 * used for ordering is the first four digits, as LAIT's `as.numeric(substr(Years, 1, 4))`.
 */
export interface YearLabel {
  label: string;
  /** First four digits of the label: 2016 for '2016-17 (OT)'. */
  yearNumber: number;
}

/**
 * The label and its year, or null when the label does not start with a 4-digit year.
 * [QUIRK] LAIT turns the label "0" (only CINPermExclusion, every value "-") into year 0; the
 * importer (bds.ts) skips rows labelled "0" that carry no value and refuses any other label without
 * a year.
 */
export function parseYearLabel(raw: string): YearLabel | null {
  const label = raw.trim();
  const match = /^(\d{4})/.exec(label);
  if (!match) return null;
  return { label, yearNumber: Number(match[1]) };
}
