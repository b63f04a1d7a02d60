/**
 * The one description of a strategy (docs/strategy-files.md): the strategy file, the web forms
 * and the database all hold this shape, and this schema is the only check on it. Pure.
 */
import { isIsoDay } from '../core/format.js';
import { z } from 'zod';
import { parseYearLabel } from '../sources/lait/year-label.js';

export const formatVersion = 'lantern-strategy/1';

export const actionStatuses = ['not_started', 'on_track', 'at_risk', 'off_track', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const targetKinds = ['value', 'trajectory', 'band', 'rank', 'relative', 'gap'] as const;
export type TargetKind = (typeof targetKinds)[number];

/** Band targets in the words strategies use; each is a set of LAIT quartile bands. */
export const bandGoals = ['top-quartile', 'top-half', 'not-bottom-quartile'] as const;
export type BandGoal = (typeof bandGoals)[number];

export const comparators = ['england', 'region', 'neighbours'] as const;
export type Comparator = (typeof comparators)[number];

const text = (max: number) =>
  z.string().trim().min(1, 'must not be blank').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => text(max).optional();

/** Keys name rows in addresses and downloads: short, lower case, no spaces. */
const key = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,39}$/,
    'must be a short key: lower-case letters, digits and hyphens, starting with a letter or digit (up to 40)',
  );

/** What is wrong with a year as written; undefined when it is a year the figures could have. */
function yearProblem(raw: number | string): string | undefined {
  const label = String(raw).trim();
  const parsed = parseYearLabel(label);
  // 2019.5 or 19 as a number (or as bare digits in quotes) is a slip, not a label.
  if ((typeof raw === 'number' || /^\d+(\.\d*)?$/.test(label)) && !/^\d{4}$/.test(label))
    return 'must be a whole year such as 2026';
  if (!parsed) return 'must be a year such as 2019 or "2018/19"';
  if (parsed.yearNumber < 1990 || parsed.yearNumber > 2100)
    return 'must be a year from 1990 to 2100';
  return undefined;
}

/** A year written as a number: 2019, never 2019.5 or 19. */
const wholeYear = z.number({ error: 'must be a whole year such as 2026' }).superRefine((n, ctx) => {
  const message = yearProblem(n);
  if (message !== undefined) ctx.addIssue({ code: 'custom', message, input: n });
});

/** A year as the figures label it: 2019, "2019", "2018/19" (the first four digits order it). */
export const yearSchema = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  const message = yearProblem(raw);
  if (message !== undefined) {
    ctx.addIssue({ code: 'custom', message, input: raw });
    return z.NEVER;
  }
  return String(raw).trim();
});

/** An ISO date, as YAML writes it unquoted (a Date) or quoted (a string). */
export const dateSchema = z.union([z.date(), z.string()]).transform((raw, ctx) => {
  const iso = raw instanceof Date ? raw.toISOString().slice(0, 10) : raw.trim();
  if (!isIsoDay(iso)) {
    ctx.addIssue({ code: 'custom', message: 'must be a date written 2026-03-31', input: raw });
    return z.NEVER;
  }
  return iso;
});

const finite = z.number().refine(Number.isFinite, 'must be a number');

const targetBase = {
  key: key.optional(),
  /** The year whose figures decide the target ("by 2019"). */
  by: yearSchema,
};

const valueTarget = z.strictObject({
  kind: z.literal('value'),
  ...targetBase,
  value: finite,
  /** Defaults to the measure's polarity: at least for "higher is better", at most for lower. */
  comparison: z.enum(['at-least', 'at-most']).optional(),
  floor: finite.optional(),
});

const trajectoryTarget = z.strictObject({
  kind: z.literal('trajectory'),
  ...targetBase,
  /** The baseline year: the line runs from its actual figure to `value` in `by`. */
  from: yearSchema,
  value: finite,
  comparison: z.enum(['at-least', 'at-most']).optional(),
  floor: finite.optional(),
});

const bandTarget = z.strictObject({
  kind: z.literal('band'),
  ...targetBase,
  band: z.enum(bandGoals),
  /** The worst band still reported amber, not red. */
  floor: z.enum(['A', 'B', 'C', 'D']).optional(),
});

const rankTarget = z.strictObject({
  kind: z.literal('rank'),
  ...targetBase,
  /** Rank 1 is best; the target is this rank or better. */
  rank: z.number().int().min(1),
  floor: z.number().int().min(1).optional(),
});

const relativeTarget = z.strictObject({
  kind: z.literal('relative'),
  ...targetBase,
  comparator: z.enum(comparators),
  /** Allowed distance on the wrong side, in the measure's units ("within 1 percentage point"). */
  within: finite.min(0).optional(),
  floor: finite.min(0).optional(),
});

const gapTarget = z.strictObject({
  kind: z.literal('gap'),
  ...targetBase,
  /** The other group's measure: the gap is how far this measure is behind it. */
  compareWith: text(80),
  /** The gap at most this (in the measure's units) in the `by` year… */
  atMost: finite.optional(),
  /** …or narrowing every year from `from` (default: the strategy's first year) to `by`. */
  narrows: z.literal('each-year').optional(),
  from: yearSchema.optional(),
  floor: finite.optional(),
});

export const targetSchema = z
  .discriminatedUnion('kind', [
    valueTarget,
    trajectoryTarget,
    bandTarget,
    rankTarget,
    relativeTarget,
    gapTarget,
  ])
  .superRefine((t, ctx) => {
    if (t.kind === 'gap' && (t.atMost === undefined) === (t.narrows === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'a gap target gives exactly one of "atMost" (a gap size) or "narrows: each-year"',
        path: ['atMost'],
      });
    }
  });
export type Target = z.output<typeof targetSchema>;

const measureSchema = z
  .strictObject({
    key: key.optional(),
    /** The measure as the strategy words it. */
    name: text(300),
    /** Where its figures come from: one of these three. */
    measure: text(80).optional(),
    local: key.optional(),
    noDataSource: text(500).optional(),
    group: optionalText(80),
    phase: optionalText(80),
    replaces: optionalText(500),
    cohortMeasure: text(80).optional(),
    targets: z.array(targetSchema).max(20).default([]),
  })
  .superRefine((m, ctx) => {
    const given = [m.measure, m.local, m.noDataSource].filter((v) => v !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          'give exactly one of "measure" (a Lantern measure code), "local" (a local measure) or "noDataSource" (why there is none yet)',
        path: given === 0 ? [] : ['measure'],
      });
    }
  });
export type StrategyMeasure = z.output<typeof measureSchema>;

const milestoneSchema = z.strictObject({
  title: text(300),
  due: dateSchema.optional(),
  done: z.boolean().default(false),
});

export const updateSchema = z.strictObject({
  date: dateSchema,
  by: text(200),
  status: z.enum(actionStatuses),
  text: text(5000),
  /** Written by someone other than the strategy's lead, and not yet approved by them. */
  awaitingApproval: z.literal(true).optional(),
  approvedBy: optionalText(200),
});
export type ActionUpdate = z.output<typeof updateSchema>;

const evidenceSchema = z.strictObject({
  title: text(300),
  url: z.url({ protocol: /^https?$/, error: 'must be a web address starting https://' }),
});

export const actionSchema = z
  .strictObject({
    key: key.optional(),
    title: text(500),
    owner: z.strictObject({ person: text(200), organisation: text(200) }),
    partners: z.array(text(200)).max(50).default([]),
    start: dateSchema.optional(),
    due: dateSchema.optional(),
    status: z.enum(actionStatuses).default('not_started'),
    milestones: z.array(milestoneSchema).max(50).default([]),
    updates: z.array(updateSchema).max(500).default([]),
    evidence: z.array(evidenceSchema).max(50).default([]),
  })
  .superRefine((a, ctx) => {
    if (a.start !== undefined && a.due !== undefined && a.due < a.start) {
      ctx.addIssue({ code: 'custom', message: 'is before the start date', path: ['due'] });
    }
  });
export type Action = z.output<typeof actionSchema>;

const riskLevel = z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');
const riskSchema = z.strictObject({
  key: key.optional(),
  description: text(1000),
  likelihood: riskLevel,
  impact: riskLevel,
  owner: optionalText(200),
  mitigation: optionalText(2000),
});
export type Risk = z.output<typeof riskSchema>;

const aimSchema = z.strictObject({
  key: key.optional(),
  title: text(500),
  description: optionalText(5000),
  measures: z.array(measureSchema).max(50).default([]),
  actions: z.array(actionSchema).max(100).default([]),
});
export type Aim = z.output<typeof aimSchema>;

const prioritySchema = z.strictObject({
  key: key.optional(),
  title: text(500),
  description: optionalText(5000),
  risks: z.array(riskSchema).max(50).default([]),
  aims: z.array(aimSchema).max(50).default([]),
});
export type Priority = z.output<typeof prioritySchema>;

export const localValueSchema = z.strictObject({
  year: yearSchema,
  value: finite,
  note: optionalText(500),
});

const localMeasureSchema = z.strictObject({
  code: key,
  name: text(300),
  /** '%', 'pupils', 'schools', 'score'… */
  unit: text(40),
  /** Which way is better; none: no direction (no target can say "better"). */
  polarity: z.enum(['high', 'low']).nullable().default(null),
  /** How its years run: "academic year", "financial year", "survey round". */
  period: text(80),
  decimalPlaces: z.number().int().min(0).max(4).default(1),
  description: optionalText(2000),
  values: z.array(localValueSchema).max(200).default([]),
});
export type LocalMeasure = z.output<typeof localMeasureSchema>;

export const strategySchema = z.strictObject({
  format: z.literal(formatVersion, { error: `must be "${formatVersion}"` }),
  /** The LA's 3-digit code (`lantern areas`). */
  la: z.number().int().min(100).max(999),
  title: text(300),
  period: z.strictObject({ from: wholeYear, to: wholeYear }),
  vision: optionalText(10000),
  board: optionalText(300),
  /** The strategy lead's e-mail address: who approves the board report's commentary and issues it. */
  lead: optionalText(320),
  published: z.boolean().default(false),
  localMeasures: z.array(localMeasureSchema).max(100).default([]),
  priorities: z.array(prioritySchema).min(1, 'a strategy has at least one priority').max(30),
});
/** A whole strategy: what a strategy file holds, once checked. */
export type StrategyDocument = z.output<typeof strategySchema>;
/** What the file may leave out (keys, defaults) before it is checked. */
export type StrategyInput = z.input<typeof strategySchema>;
