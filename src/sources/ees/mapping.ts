import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { Measure } from '../../measures/measure.js';
import { yearStyles, type YearStyle } from './years.js';

/**
 * An EES mapping file says which indicator columns (and filter values) of an EES tidy CSV become
 * which Lantern measures. The parser is pure so the CLI and a future web upload share it.
 * Format and examples: docs/sources-ees.md.
 */
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

export interface MappingError {
  file: string;
  /** "entry 2 (NEET_percent)" */
  entry?: string;
  /** "measure.polarity" */
  field?: string;
  message: string;
}

export function describeMappingError(e: MappingError): string {
  const where = [e.file, e.entry, e.field !== undefined ? `field "${e.field}"` : undefined]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${e.message}`;
}

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));
const filters = z.record(z.string(), scalar);
const text = z.string().trim().min(1);

const newMeasureSchema = z.strictObject({
  code: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(
      z
        .string()
        .regex(/^\S{1,64}$/, { error: 'expected a code of 1 to 64 characters without spaces' }),
    ),
  name: text,
  topic: text,
  polarity: z.enum(['high', 'low', 'none'], { error: 'expected "high", "low" or "none"' }),
  decimalPlaces: z.int({ error: 'expected a whole number from 0 to 6' }).min(0).max(6).optional(),
  yearType: text.optional(),
  unitLabel: text.optional(),
  chartTitle: text.optional(),
  description: text.optional(),
  methodology: text.optional(),
  source: text.optional(),
  sourceLinks: z.union([text, z.array(text)]).optional(),
  noQuartile: z.boolean({ error: 'expected true or false' }).optional(),
});

const entrySchema = z.strictObject({
  indicator: text,
  filters: filters.optional(),
  measure: z.union(
    [z.string().trim().min(1), z.number().transform(String), z.record(z.string(), z.unknown())],
    {
      error:
        'expected an existing measure code, or the new measure (code, name, topic, polarity...)',
    },
  ),
});

const mappingSchema = z.strictObject({
  description: text.optional(),
  years: z
    .strictObject({
      style: z.enum(yearStyles, { error: `expected one of ${yearStyles.join(', ')}` }),
    })
    .optional(),
  filters: filters.optional(),
  exclude: z.array(filters).optional(),
  measures: z
    .array(z.unknown(), { error: 'expected a list of entries' })
    .min(1, { error: 'expected at least one entry' }),
});

/** Parses and validates a mapping file's text. `file` only labels the errors. */
export function parseMapping(
  source: string,
  file: string,
): { value: EesMapping | null; errors: MappingError[] } {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) {
    return {
      value: null,
      errors: doc.errors.map((e) => ({
        file,
        message: `not valid YAML (line ${e.linePos?.[0]?.line ?? '?'}): ${e.message.split(' at line ')[0]}`,
      })),
    };
  }
  const top = mappingSchema.safeParse(doc.toJS());
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
  const parsed = entrySchema.safeParse(item);
  if (!parsed.success) {
    errors.push(...parsed.error.issues.map((i) => ({ ...issueError(file, i, []), entry: label })));
    return undefined;
  }
  const e = parsed.data;
  let newMeasure: Measure | null = null;
  if (typeof e.measure !== 'string') {
    const m = newMeasureSchema.safeParse(e.measure);
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

function issueError(file: string, issue: z.core.$ZodIssue, prefix: PropertyKey[]): MappingError {
  const path = [...prefix, ...issue.path];
  let message = issue.message;
  if (issue.code === 'unrecognized_keys')
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) message = 'is required';
  if (prefix.length === 0 && path[0] === 'measures' && typeof path[1] === 'number') {
    return {
      file,
      entry: `entry ${path[1] + 1}`,
      ...(path.length > 2 ? { field: path.slice(2).join('.') } : {}),
      message,
    };
  }
  return { file, ...(path.length > 0 ? { field: path.join('.') } : {}), message };
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
