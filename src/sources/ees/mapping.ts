import { z } from 'zod';
import type { Measure } from '../../measures/measure.js';
import { measureCodeProblem, measureCodeRule } from '../../measures/measure-code.js';
import { decimalPlacesRange } from '../shared/numbers.js';
import { issueError, readYaml, type MappingError } from './mapping-reading.js';
import { yearStyles, type YearStyle } from './years.js';

/**
 * An EES mapping file says which indicator columns (and filter values) of an EES tidy CSV become
 * which Lantern measures. The parser is pure so the CLI and a future web upload share it.
 * Format and examples: docs/sources-ees.md.
 */
export { describeMappingError, mappingAliasLimit, type MappingError } from './mapping-reading.js';

export interface EesMapping {
  /** Shown as the release description. */
  description: string | null;
  /** How `time_period` becomes a year label; null: decided from its shape (201819 academic, 2023 calendar). */
  yearStyle: YearStyle | null;
  /** Rows matching any of these (every column equal) are skipped and counted. */
  exclude: Record<string, string>[];
  entries: MappingEntry[];
}

export interface MappingEntry {
  /** 1-based position in the file, for messages. */
  number: number;
  indicator: string;
  /** Column → value a row must have (the file-wide filters merged in). */
  filters: Record<string, string>;
  measureCode: string;
  /** Present when the entry defines the measure; absent when it adds observations to an existing one. */
  newMeasure: Measure | null;
}

const scalar = z
  .union([z.string(), z.number(), z.boolean()], { error: 'expected text, a number or true/false' })
  .transform((v) => String(v));
const filters = z.record(z.string(), scalar, {
  error: 'expected column: value pairs (e.g. "Age: 16-17")',
});
const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'expected text' });

/** A code by the one rule for measure codes (src/measures/measure-code.ts), else an issue saying why. */
const measureCode = z.string().superRefine((code, ctx) => {
  const reason = measureCodeProblem(code);
  if (reason !== undefined)
    ctx.addIssue({
      code: 'custom',
      message: `expected a measure code (${measureCodeRule})`,
      input: code,
      // "got a blank" says it all; any other reason follows the value.
      params: code.trim() === '' ? {} : { reason },
    });
});
const { min: fewestPlaces, max: mostPlaces } = decimalPlacesRange;

const newMeasureSchema = z.strictObject(
  {
    code: z
      .union([z.string(), z.number()], { error: `expected a measure code (${measureCodeRule})` })
      .transform(String)
      .pipe(measureCode)
      // A new measure's code has no spaces (docs/sources-ees.md); LAIT's may ("16-17 NEET").
      .pipe(z.string().regex(/^\S+$/, { error: "expected a new measure's code without spaces" })),
    name: text,
    topic: text,
    polarity: z.enum(['high', 'low', 'none'], { error: 'expected "high", "low" or "none"' }),
    decimalPlaces: z
      .int({ error: `expected a whole number from ${fewestPlaces} to ${mostPlaces}` })
      .min(fewestPlaces)
      .max(mostPlaces)
      .optional(),
    yearType: text.optional(),
    unitLabel: text.optional(),
    chartTitle: text.optional(),
    description: text.optional(),
    methodology: text.optional(),
    source: text.optional(),
    sourceLinks: z
      .union([text, z.array(text)], { error: 'expected a link, or a list of links' })
      .optional(),
    noQuartile: z.boolean({ error: 'expected true or false' }).optional(),
  },
  { error: 'expected the new measure (code, name, topic, polarity...)' },
);

const entrySchema = z.strictObject(
  {
    indicator: text,
    filters: filters.optional(),
    measure: z.union(
      [
        z.string().trim().min(1).pipe(measureCode),
        z.number().transform(String).pipe(measureCode),
        z.record(z.string(), z.unknown()),
      ],
      {
        error:
          'expected an existing measure code, or the new measure (code, name, topic, polarity...)',
      },
    ),
  },
  { error: 'expected an entry (indicator, filters, measure)' },
);

const mappingSchema = z.strictObject(
  {
    description: text.optional(),
    years: z
      .strictObject(
        { style: z.enum(yearStyles, { error: `expected one of ${yearStyles.join(', ')}` }) },
        { error: 'expected "style: <year style>"' },
      )
      .optional(),
    filters: filters.optional(),
    exclude: z.array(filters, { error: 'expected a list of column: value pairs' }).optional(),
    measures: z
      .array(z.unknown(), { error: 'expected a list of entries' })
      .min(1, { error: 'expected at least one entry' }),
  },
  { error: 'expected a mapping of description, years, filters, exclude and measures' },
);

/** Parses and validates a mapping file's text. `file` only labels the errors. */
export function parseMapping(
  source: string,
  file: string,
): { value: EesMapping | null; errors: MappingError[] } {
  const data = readYaml(source, file);
  if ('errors' in data) return { value: null, errors: data.errors };
  const top = mappingSchema.safeParse(data.value, { reportInput: true });
  if (!top.success)
    return { value: null, errors: top.error.issues.map((i) => issueError(file, i, [])) };

  const errors: MappingError[] = [];
  const definedAt = new Map<string, number>();
  const entries = top.data.measures.flatMap((item, index) => {
    const entry = parseEntry(file, item, index, top.data.filters, definedAt, errors);
    return entry ? [entry] : [];
  });
  if (errors.length > 0) return { value: null, errors };
  return {
    value: {
      description: top.data.description ?? null,
      yearStyle: top.data.years?.style ?? null,
      exclude: top.data.exclude ?? [],
      entries,
    },
    errors: [],
  };
}

/**
 * One entry of `measures:`, or undefined with its problems added to `errors`. `definedAt`: the
 * entry number that defined each new measure so far (a measure is defined once).
 */
function parseEntry(
  file: string,
  item: unknown,
  index: number,
  sharedFilters: Record<string, string> | undefined,
  definedAt: Map<string, number>,
  errors: MappingError[],
): MappingEntry | undefined {
  const label = entryLabel(index, item);
  const parsed = entrySchema.safeParse(item, { reportInput: true });
  if (!parsed.success) {
    errors.push(...parsed.error.issues.map((i) => ({ ...issueError(file, i, []), entry: label })));
    return undefined;
  }
  const e = parsed.data;
  let newMeasure: Measure | null = null;
  if (typeof e.measure !== 'string') {
    const m = newMeasureSchema.safeParse(e.measure, { reportInput: true });
    if (!m.success) {
      errors.push(
        ...m.error.issues.map((i) => ({ ...issueError(file, i, ['measure']), entry: label })),
      );
      return undefined;
    }
    newMeasure = toMeasure(m.data);
  }
  const measureCode = typeof e.measure === 'string' ? e.measure : newMeasure!.code;
  if (newMeasure) {
    const first = definedAt.get(measureCode);
    if (first !== undefined) {
      errors.push({
        file,
        entry: label,
        field: 'measure.code',
        message: `measure "${measureCode}" is already defined by entry ${first}; refer to it by its code instead`,
      });
    } else definedAt.set(measureCode, index + 1);
  }
  return {
    number: index + 1,
    indicator: e.indicator,
    filters: { ...sharedFilters, ...e.filters },
    measureCode,
    newMeasure,
  };
}

function entryLabel(index: number, item: unknown): string {
  const indicator =
    typeof item === 'object' && item !== null
      ? (item as { indicator?: unknown }).indicator
      : undefined;
  return typeof indicator === 'string' ? `entry ${index + 1} (${indicator})` : `entry ${index + 1}`;
}

function toMeasure(m: z.infer<typeof newMeasureSchema>): Measure {
  return {
    code: m.code,
    name: m.name,
    topic: m.topic,
    polarity: m.polarity === 'none' ? null : m.polarity,
    decimalPlaces: m.decimalPlaces ?? 1,
    decimalPlacesPublished: m.decimalPlaces !== undefined,
    yearType: m.yearType ?? null,
    unitLabel: m.unitLabel ?? null,
    chartTitle: m.chartTitle ?? null,
    description: m.description ?? null,
    methodology: m.methodology ?? null,
    source: m.source ?? null,
    sourceLinks: Array.isArray(m.sourceLinks) ? m.sourceLinks.join(' ') : (m.sourceLinks ?? null),
    lastUpdate: null,
    nextUpdate: null,
    noQuartile: m.noQuartile ?? false,
  };
}
