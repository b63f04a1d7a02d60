// Reading a mapping's YAML, and wording its problems so a person can find and mend each one.
import type { z } from 'zod';
import { visibleText } from '../../core/errors.js';
import { readYamlDocument, yamlAliasLimit } from '../../core/yaml-document.js';

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

/** Aliases (`*name`) a mapping may use (the shared YAML reader's limit). */
export const mappingAliasLimit = yamlAliasLimit;

/** The YAML as plain data, or why it is not: bad YAML, an empty file, too many aliases. */
export function readYaml(
  source: string,
  file: string,
): { value: unknown } | { errors: MappingError[] } {
  const read = readYamlDocument(source, {
    emptyHint: 'a mapping lists its entries under "measures:"',
    depthHint: 'a mapping is a few levels deep (measures, an entry, its filters)',
  });
  if ('value' in read) return { value: read.value };
  return {
    errors: read.problems.map((p) => ({ file, message: withLine(p.message, p.position?.line) })),
  };
}

/** "not valid YAML (line 3): …", as mappings have always worded it. */
function withLine(message: string, line: number | undefined): string {
  const at = message.indexOf(': ');
  if (!/^(not valid YAML|nests lists)/.test(message) || at < 0) return message;
  return `${message.slice(0, at)} (line ${line ?? '?'})${message.slice(at)}`;
}

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
