/**
 * Demo copies of the seed strategies (strategies/*.yaml), loaded with the demo data set. The
 * real files name DfE LAIT measure codes, which the demo store does not hold, so each copy names
 * the demo measure that is the same thing, or says the demo has none; and its years move on to
 * the demo data's, so the copy is a strategy in progress. Pure.
 */
import type { Measure } from '../measures/measure.js';
import type { MeasureCatalogue } from '../strategy/strategy-checks.js';
import { checkStrategy, readStrategyFile } from '../strategy/strategy-file.js';
import type {
  Action,
  StrategyDocument,
  StrategyMeasure,
  Target,
} from '../strategy/strategy-schema.js';
import { demoCodePrefix } from './demo-data.js';
import { demoMeasureSpecs } from './demo-measures.js';

/**
 * Years added to every year and date of a seed strategy. The seeds run 2015–2020 with targets
 * "by 2019"; +8 makes that 2023–2028 "by 2027": the demo's latest figures (exam results to
 * 2025, absence to 2023/24) fall inside the period, with the target years still to come.
 */
export const demoStrategyYearShift = 8;

/**
 * LAIT measure code → the demo measure that is the same measure (same definition, units and
 * polarity; test/demo/demo-strategies.test.ts checks these against the LAIT dictionary). Codes
 * not here have no demo equivalent: KS1, KS2 progress, FSM and SEN-support groups, destinations
 * (SusEdOverall_All is "sustained education", not suspensions), early years quality, health.
 */
export const demoEquivalents: ReadonlyMap<string, string> = new Map(
  Object.entries({
    FSP_NEW_GOODDEV: 'DEMO_EY_GLD',
    '%_2yr_olds': 'DEMO_EY_2YO_TAKEUP',
    KS1P_all: 'DEMO_PHONICS_Y1',
    KS2RWM_Expected_STD: 'DEMO_KS2_RWM',
    KS2RWM_Higher_STD: 'DEMO_KS2_RWM_HIGHER',
    KS2R_Expected_STD: 'DEMO_KS2_READ',
    KS2W_Teacher_Assess: 'DEMO_KS2_WRIT',
    KS2M_Expected_STD: 'DEMO_KS2_MAT',
    AVG_Attain8_Score: 'DEMO_KS4_ATT8',
    AVG_Prog8_Score: 'DEMO_KS4_P8',
    'EngMaths9-4': 'DEMO_KS4_EM94',
    'EngMaths9-5': 'DEMO_KS4_EM95',
    EngBacAvgPointScore: 'DEMO_KS4_EBACC_APS',
    APSE_Alevel: 'DEMO_KS5_APS',
    Level2Age19: 'DEMO_L2_19',
    Level3Age19: 'DEMO_L3_19',
    L3Age19Gap: 'DEMO_L3_19_FSM_GAP',
    '16-17 NEET': 'DEMO_NEET',
    '16-17_not known_NEET': 'DEMO_NEET_NK',
    TotAbs: 'DEMO_ABS_OVERALL',
    TotPerAbNew: 'DEMO_ABS_PERSISTENT',
    TotSevPerAbNew: 'DEMO_ABS_SEVERE',
    TotFixedEx: 'DEMO_EXCL_SUSP',
    TotPermEx: 'DEMO_EXCL_PERM',
    SEN_Stat_AVG_Attain8_Score: 'DEMO_KS4_ATT8_EHCP',
    SEN_EHC_Excpt_20wks: 'DEMO_EHCP_20WK',
    SEN_TotStat: 'DEMO_EHCP_RATE',
    LAC: 'DEMO_CLA_RATE',
    LAC_KS2_ExpStd_RWM: 'DEMO_CLA_KS2_RWM',
    LAC_KS4_AVG_Attain8: 'DEMO_CLA_KS4_ATT8',
  }),
);

/**
 * Gaps the demo holds as one measure (the size of the gap, smaller is better) where it has
 * neither group's own figures: a gap target between `measure` and `compareWith` is judged on
 * `gap`. (A pair whose two sides both have equivalents keeps its gap target as it is.)
 */
export const demoGapMeasures: readonly { measure: string; compareWith: string; gap: string }[] = [
  { measure: 'DAP_NEW_KS2_RWM', compareWith: 'NonDAP_NEW_KS2_RWM', gap: 'DEMO_KS2_RWM_DIS_GAP' },
  { measure: 'DAP_KS4_ATT8', compareWith: 'NonDAP_KS4_ATT8', gap: 'DEMO_KS4_ATT8_DIS_GAP' },
  {
    measure: 'NEW_KS2_RWM_Sen_W/Osta',
    compareWith: 'NoID_SEN_NEW_KS2_RWM',
    gap: 'DEMO_KS2_RWM_SEN_GAP',
  },
];

/** "2019" → "2027", "2018/19" → "2026/27", "2018-2019" → "2026-2027"; the rest of the label kept. */
export function shiftYearLabel(label: string, years = demoStrategyYearShift): string {
  return label.replace(
    /^(\d{4})(?:([/-])(\d{2}|\d{4})(?!\d))?/,
    (_all, first: string, sep: string | undefined, second: string | undefined) => {
      const start = String(Number(first) + years);
      if (sep === undefined || second === undefined) return start;
      const end = Number(second) + years;
      return `${start}${sep}${second.length === 2 ? String(end % 100).padStart(2, '0') : end}`;
    },
  );
}

/** An ISO date moved on whole years; 29 February becomes the 28th in a year with none. */
export function shiftDate(iso: string, years = demoStrategyYearShift): string {
  const year = Number(iso.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const rest = iso.slice(4);
  return `${year}${rest === '-02-29' && !leap ? '-02-28' : rest}`;
}

function shiftTarget(t: Target): Target {
  const by = shiftYearLabel(t.by);
  if ((t.kind === 'trajectory' || t.kind === 'gap') && t.from !== undefined)
    return { ...t, by, from: shiftYearLabel(t.from) };
  return { ...t, by };
}

function shiftAction(x: Action): Action {
  const date = (d: string | undefined) => (d === undefined ? undefined : shiftDate(d));
  return {
    ...x,
    start: date(x.start),
    due: date(x.due),
    milestones: x.milestones.map((m) => ({ ...m, due: date(m.due) })),
    updates: x.updates.map((u) => ({ ...u, date: shiftDate(u.date) })),
  };
}

/** A code as the demo copy names it: a local measure's own, or the demo equivalent. */
function demoCodeOf(code: string, locals: ReadonlySet<string>): string | undefined {
  return locals.has(code) ? code : demoEquivalents.get(code);
}

/** A gap target stays when the demo has the other group's figures; else it goes (see gapEntries). */
function demoTargets(m: StrategyMeasure, locals: ReadonlySet<string>): Target[] {
  return m.targets.flatMap((t) => {
    if (t.kind !== 'gap') return [shiftTarget(t)];
    const other = demoCodeOf(t.compareWith, locals);
    return other === undefined ? [] : [shiftTarget({ ...t, compareWith: other })];
  });
}

/**
 * The demo's ready-made gap measures for m's gap targets whose other group it lacks, each as a
 * measure of its own beside m: "the gap at most 5" becomes "the gap measure at most 5".
 */
function gapEntries(m: StrategyMeasure, locals: ReadonlySet<string>): StrategyMeasure[] {
  const byGap = new Map<string, Target[]>();
  for (const t of m.targets) {
    if (t.kind !== 'gap' || demoCodeOf(t.compareWith, locals) !== undefined) continue;
    const gap = demoGapMeasures.find(
      (g) => g.measure === m.measure && g.compareWith === t.compareWith,
    )?.gap;
    if (gap === undefined) continue;
    const targets = byGap.get(gap) ?? [];
    byGap.set(gap, targets);
    // "Narrows each year" compares each year's gap with the year before's, which no target on
    // one measure's value can say: it is dropped, and the gap's figures still show.
    if (t.atMost === undefined) continue;
    const { key, by, atMost, floor } = t;
    const value = { key, kind: 'value', by, value: atMost, comparison: 'at-most' } as const;
    targets.push(shiftTarget(floor === undefined ? value : { ...value, floor }));
  }
  return [...byGap].map(([gap, targets], i) => ({
    key: byGap.size === 1 ? `${m.key}-gap` : `${m.key}-gap-${i + 1}`,
    name: demoMeasureSpecs.find((s) => demoCodePrefix + s.key === gap)!.name,
    measure: gap,
    group: m.group,
    phase: m.phase,
    targets,
  }));
}

/** A measure of the seed as the demo copy holds it, followed by any gap measures for it. */
function demoMeasureEntries(m: StrategyMeasure, locals: ReadonlySet<string>): StrategyMeasure[] {
  const { measure, cohortMeasure, ...rest } = m;
  const code = measure === undefined ? undefined : demoEquivalents.get(measure);
  const cohort = cohortMeasure === undefined ? undefined : demoCodeOf(cohortMeasure, locals);
  const entry: StrategyMeasure = {
    ...rest,
    // Its targets stay: the status pages then show them as "no data", as a real store would.
    ...(measure === undefined
      ? {}
      : code !== undefined
        ? { measure: code }
        : { noDataSource: 'the demo data set has no figures for this measure' }),
    ...(cohort === undefined ? {} : { cohortMeasure: cohort }),
    targets: demoTargets(m, locals),
  };
  return [entry, ...gapEntries(m, locals)];
}

/** The demo copy of a checked seed strategy (keys filled), before its own check. */
export function demoStrategyCopy(real: StrategyDocument): StrategyDocument {
  const locals = new Set(real.localMeasures.map((l) => l.code));
  return {
    ...real,
    title: `${real.title} (demo copy)`,
    // Somerset's copy is published, so the demo shows what the public sees of a strategy
    // (without signing in) beside the others, which only their LA's staff see.
    published: real.la === 933,
    period: {
      from: real.period.from + demoStrategyYearShift,
      to: real.period.to + demoStrategyYearShift,
    },
    localMeasures: real.localMeasures.map((l) => ({
      ...l,
      values: l.values.map((v) => ({ ...v, year: shiftYearLabel(v.year) })),
    })),
    priorities: real.priorities.map((p) => ({
      ...p,
      aims: p.aims.map((a) => ({
        ...a,
        measures: a.measures.flatMap((m) => demoMeasureEntries(m, locals)),
        actions: a.actions.map(shiftAction),
      })),
    })),
  };
}

/** What the demo store knows of its measure codes, for checking a demo copy. */
export function demoCatalogue(measures: readonly Measure[]): MeasureCatalogue {
  const byCode = new Map(measures.map((m) => [m.code, m]));
  return {
    has: (code) => byCode.has(code),
    polarityOf: (code) => byCode.get(code)?.polarity,
    suggest: () => [],
  };
}

/** The seed is read for its shape only: its LAIT codes are not in the demo store. */
const anyCode: MeasureCatalogue = {
  has: () => true,
  polarityOf: () => undefined,
  suggest: () => [],
};

/**
 * The demo copy of a seed strategy file, checked against the demo measures like any import: a
 * copy the demo cannot hold fails loudly (LANTERN_STRATEGY_INVALID), never half loads.
 */
export function demoStrategy(
  source: string,
  file: string,
  catalogue: MeasureCatalogue,
): StrategyDocument {
  const real = readStrategyFile(source, file, anyCode);
  return checkStrategy(demoStrategyCopy(real), catalogue, `the demo copy of ${file}`);
}
