/**
 * Strategy files (docs/strategy-files.md): a whole strategy as YAML, to keep in version control.
 * Reading checks it with the one schema and the one set of cross-checks, each problem naming
 * its line, column and field; writing gives one canonical text, so export → import → export
 * is identical. Pure.
 */
import { stringify } from 'yaml';
import type { z } from 'zod';
import { lanternError, type ImportProblem } from '../core/errors.js';
import { readYamlDocument, type ReadYaml } from '../core/yaml-document.js';
import {
  fieldName,
  strategyProblems,
  withKeys,
  type MeasureCatalogue,
  type PathProblem,
} from './strategy-checks.js';
import { strategySchema, type StrategyDocument, type Target } from './strategy-schema.js';

/** A zod issue in people's words: "is required", "unknown field "colour"", "must be…, got 7". */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (
    issue.code === 'invalid_union' &&
    'note' in issue &&
    issue.note === 'No matching discriminator'
  ) {
    return 'must be one of value, trajectory, band, rank, relative, gap';
  }
  // A check across fields (due before start) is about the fields, not the whole entry's value.
  const across = issue.code === 'custom' && typeof issue.input === 'object';
  const got =
    'input' in issue && issue.input !== undefined && !across
      ? `, got ${describe(issue.input)}`
      : '';
  return `${issue.message}${got}`;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (typeof value === 'string') {
    if (value.trim() === '') return 'a blank';
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return String(value);
}

function problemAt(
  file: string,
  p: PathProblem,
  positionOf?: ReadYaml['positionOf'],
): ImportProblem {
  const position = p.unknownField
    ? positionOf?.([...p.path, p.unknownField], 'key')
    : positionOf?.(p.path);
  return {
    file,
    ...(position ? { line: position.line, lineColumn: position.column } : {}),
    ...(p.path.length > 0 ? { field: fieldName(p.path) } : {}),
    expected: p.message,
    problem: p.message,
  };
}

function refuse(file: string, unordered: ImportProblem[]): never {
  // In file order, as someone correcting it reads down.
  const problems = unordered.toSorted(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.lineColumn ?? 0) - (b.lineColumn ?? 0),
  );
  throw lanternError(
    'LANTERN_STRATEGY_INVALID',
    `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} found. Nothing was changed.`,
    {
      problems,
      hint: 'Correct the file (docs/strategy-files.md describes each field) and try again.',
    },
  );
}

/** Checks a strategy given as plain data (a form's result, a file's YAML) and fills in keys. */
export function checkStrategy(
  value: unknown,
  catalogue: MeasureCatalogue,
  file = 'the strategy',
  positionOf?: ReadYaml['positionOf'],
): StrategyDocument {
  // reportInput: a problem can say what the file held ("got 7").
  const parsed = strategySchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    refuse(
      file,
      parsed.error.issues.slice(0, 100).map((i) =>
        problemAt(
          file,
          {
            path: i.path,
            message: issueMessage(i),
            ...(i.code === 'unrecognized_keys' ? { unknownField: i.keys[0] } : {}),
          },
          positionOf,
        ),
      ),
    );
  }
  const doc = withKeys(parsed.data);
  const problems = strategyProblems(doc, catalogue);
  if (problems.length > 0)
    refuse(
      file,
      problems.slice(0, 100).map((p) => problemAt(file, p, positionOf)),
    );
  return doc;
}

/** Reads a strategy file's text: the checked strategy, or LANTERN_STRATEGY_INVALID with positions. */
export function readStrategyFile(
  source: string,
  file: string,
  catalogue: MeasureCatalogue,
): StrategyDocument {
  const read = readYamlDocument(source, {
    emptyHint: 'a strategy file starts "format: lantern-strategy/1" and lists its priorities',
    depthHint: 'a strategy is a few levels deep (priorities, aims, measures, targets)',
  });
  if (!('value' in read)) {
    refuse(
      file,
      read.problems.map((p) => ({
        file,
        ...(p.position ? { line: p.position.line, lineColumn: p.position.column } : {}),
        expected: p.message,
        problem: p.message,
      })),
    );
  }
  return checkStrategy(read.value, catalogue, file, read.positionOf);
}

/** A year label as the file writes it: 2019 as a number, "2018/19" as text. */
const year = (label: string): number | string => (/^\d{4}$/.test(label) ? Number(label) : label);

/** Drops undefined fields and empty lists, so the text holds only what the strategy says. */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      out[k] = tidy(v);
    }
    return out;
  }
  return value;
}

function targetForFile(t: Target): Record<string, unknown> {
  const out: Record<string, unknown> = { ...t, by: year(t.by) };
  if ('from' in t && t.from !== undefined) out.from = year(t.from);
  return out;
}

/** The one text of a strategy: field order as the schema gives it, keys always written. */
export function strategyToYaml(given: StrategyDocument): string {
  // Through the schema again: its output lists fields in the schema's order, whatever the source.
  const doc = strategySchema.parse(given);
  const plain = {
    format: doc.format,
    la: doc.la,
    title: doc.title,
    period: doc.period,
    vision: doc.vision,
    board: doc.board,
    lead: doc.lead,
    published: doc.published,
    localMeasures: doc.localMeasures.map((m) => ({
      ...m,
      values: m.values.map((v) => ({ ...v, year: year(v.year) })),
    })),
    priorities: doc.priorities.map((p) => ({
      ...p,
      aims: p.aims.map((a) => ({
        ...a,
        measures: a.measures.map((m) => ({ ...m, targets: m.targets.map(targetForFile) })),
      })),
    })),
  };
  return (
    '# A Lantern strategy file: the format is described in docs/strategy-files.md.\n' +
    stringify(tidy(plain), { lineWidth: 100, minContentWidth: 40 })
  );
}
