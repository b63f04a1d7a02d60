/**
 * The "compare school performance" downloads Lantern reads, recognised by file name as the DfE
 * names them (850_ks2final.csv, england_ks4provisional.csv, england_census.csv, ...). What a file
 * holds is read from its own header and meta file; this says only what the name cannot.
 */
export type PublicationId =
  'ks2' | 'ks4' | 'ks4-destinations' | 'census' | 'absence' | 'spine' | 'ks4-institutions';

/** What a row is: a school's, or a total for an LA or England (RECTYPE, or URN/LA = "LA"/"NAT"). */
export type RowRole = 'school' | 'special-school' | 'la' | 'england-all' | 'england-state-funded';

/** A check that the school rows add up to the LA's (or England's) row: a sum, or a pupil-weighted mean. */
export type Reconciliation = { code: string; rule: 'sum' } | { code: string; weight: string };

export interface Publication {
  id: PublicationId;
  /** In messages: "KS2 results". */
  name: string;
  /** File names of this publication; the first pattern that matches wins (destinations before KS4). */
  pattern: RegExp;
  /** The phase a school in this file has when the register does not say (KS2 schools teach primary). */
  impliedPhase?: string;
  /** RECTYPE codes when the meta file does not say them (PROVENANCE.md: they differ by file). */
  recordTypes: Record<string, RowRole>;
  /** False for the spine: it describes schools (the register) and holds no figures. */
  figures: boolean;
  reconcile: Reconciliation[];
}

export const publications: readonly Publication[] = [
  {
    id: 'ks2',
    name: 'KS2 results',
    pattern: /ks2(final|revised|provisional)?\.csv$/i,
    impliedPhase: 'Primary',
    recordTypes: {
      '1': 'school',
      '2': 'special-school',
      '3': 'la',
      '4': 'england-all',
      '5': 'england-state-funded',
    },
    figures: true,
    reconcile: [
      { code: 'TELIG', rule: 'sum' },
      { code: 'PTRWM_EXP', weight: 'TELIG' },
      { code: 'PTRWM_HIGH', weight: 'TELIG' },
    ],
  },
  {
    id: 'ks4-destinations',
    name: 'KS4 destinations',
    pattern: /ks4[-_]?pupdest\.csv$/i,
    impliedPhase: 'Secondary',
    recordTypes: { '1': 'school', '2': 'special-school', LA: 'la', NAT: 'england-state-funded' },
    figures: true,
    reconcile: [
      { code: 'COHORT', rule: 'sum' },
      { code: 'OVERALL_DESTPER', weight: 'COHORT' },
    ],
  },
  {
    id: 'ks4',
    name: 'KS4 results',
    pattern: /ks4(final|revised|provisional)?\.csv$/i,
    impliedPhase: 'Secondary',
    // The headline KS4 file codes LA rows 4 and its two national rows 5 (all schools, with
    // independent schools) and 7 (state-funded: the one with Progress 8).
    recordTypes: {
      '1': 'school',
      '2': 'special-school',
      '4': 'la',
      '5': 'england-all',
      '7': 'england-state-funded',
    },
    figures: true,
    reconcile: [
      { code: 'TPUP', rule: 'sum' },
      { code: 'ATT8SCR', weight: 'TPUP' },
      { code: 'PTL2BASICS_94', weight: 'TPUP' },
    ],
  },
  {
    id: 'census',
    name: 'school census',
    pattern: /census\.csv$/i,
    recordTypes: {},
    figures: true,
    reconcile: [{ code: 'NOR', rule: 'sum' }],
  },
  {
    id: 'absence',
    name: 'absence',
    pattern: /_abs\.csv$|absence\.csv$/i,
    recordTypes: {},
    figures: true,
    reconcile: [],
  },
  {
    // The KS4 qualification and subject workbook (england_ks4underlying_1.xlsx): its
    // Institution_Details sheet, read by workbook.ts.
    id: 'ks4-institutions',
    name: 'KS4 institution details',
    pattern: /ks4underlying(?![^\\/]*entriesandgrades)[^\\/]*\.xlsx$/i,
    recordTypes: {},
    figures: true,
    reconcile: [],
  },
  {
    id: 'spine',
    name: 'school information (spine)',
    pattern: /spine\.csv$/i,
    recordTypes: {},
    figures: false,
    reconcile: [],
  },
];

/** The publication a data file belongs to, from its name; null for a file Lantern does not read. */
export function publicationOfFile(fileName: string): Publication | null {
  if (/_meta\.csv$/i.test(fileName)) return null;
  return publications.find((p) => p.pattern.test(fileName)) ?? null;
}

/** The publication a meta file describes: "ks2_meta.csv" describes the KS2 files beside it. */
export function publicationOfMeta(fileName: string): Publication | null {
  const m = /^(.*)_meta\.csv$/i.exec(fileName);
  if (!m) return null;
  return publications.find((p) => p.pattern.test(`${m[1]}.csv`)) ?? null;
}

/** Files beside the data that Lantern knows and does not need, said as such rather than as unknown. */
export function knownSkippedFile(fileName: string): string | null {
  if (/la_and_region_codes_meta\.csv$/i.test(fileName))
    return 'the LA code list (Lantern has its own area list)';
  if (/_cfr\.csv$/i.test(fileName)) return 'school finance (CFR): not imported yet';
  if (/ks4underlying[^\\/]*entriesandgrades[^\\/]*\.xlsx$/i.test(fileName))
    return 'KS4 entries and grades by qualification and subject: not imported yet';
  return null;
}

/**
 * Columns that say which school (or total) a row is, and where it is: read for the register, not
 * stored as figures. Everything else in the file is a figure (or a text column such as NFTYPE).
 */
export const identityColumns: ReadonlySet<string> = new Set([
  'RECTYPE',
  'ALPHAIND',
  'LEA',
  'LA',
  'ESTAB',
  'URN',
  'LAESTAB',
  'SCHNAME',
  'OTHERSCHNAME',
  'ADDRESS1',
  'ADDRESS2',
  'ADDRESS3',
  'STREET',
  'LOCALITY',
  'TOWN',
  'PCODE',
  'POSTCODE',
  'TELNUM',
  'PCON_CODE',
  'PCON_NAME',
]);

/** The census's SCHOOLTYPE in GIAS's phase words. */
export function phaseOfCensusType(schoolType: string | undefined): string | null {
  const t = schoolType?.toLowerCase() ?? '';
  if (t.includes('primary')) return 'Primary';
  if (t.includes('secondary')) return 'Secondary';
  return null;
}
