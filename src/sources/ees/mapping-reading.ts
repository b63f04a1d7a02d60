// Reading a mapping's YAML, and wording its problems so a person can find and mend each one.
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { visibleText } from '../../core/errors.js';

export interface MappingError {
  file: string;
  /** "entry 2 (NEET_percent)" */
  entry?: string;
  /** "measure.polarity" */
  field?: string;
  message: string;
}

/** "m.yaml, entry 2 (x), field "measure.code": expected ...", invisible characters shown (<U+200B>). */
export function describeMappingError(e: MappingError): string {
  const where = [e.file, e.entry, e.field !== undefined ? `field "${e.field}"` : undefined]
    .filter(Boolean)
    .join(', ');
  return visibleText(`${where}: ${e.message}`);
}

/** Aliases (`*name`) a mapping may use: a few are handy, thousands are an attack ("billion laughs"). */
export const mappingAliasLimit = 50;

/** The YAML as plain data, or why it is not: bad YAML, an empty file, too many aliases. */
export function readYaml(
  source: string,
  file: string,
): { value: unknown } | { errors: MappingError[] } {
  const empty = {
    errors: [{ file, message: 'the file is empty: a mapping lists its entries under "measures:"' }],
  };
  if (source.trim() === '') return empty;
  try {
    const doc = parseDocument(source, { uniqueKeys: true });
    if (doc.contents === null && doc.errors.length === 0) return empty;
    if (doc.errors.length > 0) {
      const messages = doc.errors.map((e) => {
        const line = e.linePos?.[0]?.line ?? '?';
        // yaml reports running out of stack as a YAML error; say what in the file causes it.
        return e.message.startsWith('Maximum call stack')
          ? tooDeep(line)
          : `not valid YAML (line ${line}): ${e.message.split(' at line ')[0]}`;
      });
      return { errors: [...new Set(messages)].map((message) => ({ file, message })) };
    }
    return { value: doc.toJS({ maxAliasCount: mappingAliasLimit }) };
  } catch (error) {
    // yaml throws a ReferenceError past maxAliasCount, and a RangeError when nesting overflows the stack.
    const message =
      error instanceof ReferenceError
        ? `uses YAML aliases (*name) too often (more than ${mappingAliasLimit} expansions): write the values out instead`
        : error instanceof RangeError
          ? tooDeep('?')
          : `could not be read as YAML (${(error as Error).message})`;
    return { errors: [{ file, message }] };
  }
}

const tooDeep = (line: number | string) =>
  `nests lists or mappings too deeply to read (line ${line}): a mapping is a few levels deep (measures, an entry, its filters)`;

/** A zod issue as a MappingError: where (entry, field) and what was expected and found. */
export function issueError(
  file: string,
  issue: z.core.$ZodIssue,
  prefix: PropertyKey[],
): MappingError {
  const path = [...prefix, ...issue.path];
  let message = issue.message;
  if (issue.code === 'unrecognized_keys')
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  // YAML gives null for an empty value, never undefined: undefined is a field not there at all.
  if (issue.code === 'invalid_type' && issue.input === undefined) message = 'is required';
  else if ('input' in issue && issue.code !== 'unrecognized_keys')
    message = `${message}, got ${describeInput(issue.input)}`;
  // A custom check (the measure-code rule) says why the value is refused.
  const reason =
    issue.code === 'custom'
      ? (issue.params as { reason?: unknown } | undefined)?.reason
      : undefined;
  if (typeof reason === 'string') message = `${message}: ${reason}`;
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

/** A value as the person wrote it: "two", 7, a list, nothing. */
function describeInput(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') {
    if (value.trim() === '') return 'a blank';
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return String(value);
}
