/**
 * Lantern's stable error codes. Each is listed, with what to do about it, in docs/errors.md;
 * test/core/errors.test.ts fails when this list and that document disagree.
 */
export const errorCodes = {
  LANTERN_CONFIG_INVALID: 'A setting in the environment is not valid.',
  LANTERN_USAGE: 'A command was called with missing or wrong arguments.',
  LANTERN_FILE_NOT_FOUND: 'A file or folder named on the command line does not exist.',
  LANTERN_IMPORT_INVALID: 'A file to import has problems; nothing was imported.',
  LANTERN_IMPORT_MISSING_COLUMN: 'A file to import lacks a column Lantern needs.',
  LANTERN_IMPORT_ENCODING: 'A file to import is not UTF-8 text.',
  LANTERN_IMPORT_TRUNCATED: 'A file to import ends part-way through.',
  LANTERN_IMPORT_EMPTY: 'A file to import holds no data.',
  LANTERN_IMPORT_WOULD_REMOVE: 'An import would remove values the store holds.',
  LANTERN_MAPPING_INVALID: 'An EES mapping file has problems.',
  LANTERN_MEASURE_NOT_FOUND: 'No measure has the code given.',
  LANTERN_AREA_NOT_FOUND: 'No local authority has the code given.',
  LANTERN_YEAR_NOT_FOUND: 'The measure has no data for the year given.',
  LANTERN_NO_DATA: 'The database holds no data yet.',
  LANTERN_STORE_IN_USE: 'Another Lantern process is using the embedded database.',
  LANTERN_USER_INVALID: "A user's details (e-mail, role, LAs or schools) are not valid.",
  LANTERN_USER_EXISTS: 'A user with that e-mail address exists already.',
  LANTERN_USER_NOT_FOUND: 'No user has the e-mail address given.',
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface ImportProblem {
  file: string;
  /** 1-based line or row number in the file as a spreadsheet shows it (the header is row 1). */
  row?: number | undefined;
  column?: string | undefined;
  value?: string | undefined;
  /** What was expected, in words. */
  expected: string;
}

/** An LA or measure code or name that matched nothing, and the nearest ones that exist. */
export interface NotFound {
  kind: 'la' | 'measure';
  /** The text as given (a URL segment, a command-line option). */
  given: string;
  /** Best first, at most a few; empty when nothing is near. */
  suggestions: { code: string; name: string }[];
}

export interface LanternErrorOptions {
  hint?: string;
  problems?: ImportProblem[];
  notFound?: NotFound;
  cause?: unknown;
}

export class LanternError extends Error {
  readonly code: ErrorCode;
  /** What the person should do next. */
  readonly hint: string | undefined;
  readonly problems: ImportProblem[];
  /** For LANTERN_AREA_NOT_FOUND and LANTERN_MEASURE_NOT_FOUND: what was given, and near matches. */
  readonly notFound: NotFound | undefined;

  constructor(code: ErrorCode, message: string, options: LanternErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LanternError';
    this.code = code;
    this.hint = options.hint;
    this.problems = options.problems ?? [];
    this.notFound = options.notFound;
  }
}

export function lanternError(
  code: ErrorCode,
  message: string,
  options: LanternErrorOptions = {},
): LanternError {
  return new LanternError(code, message, options);
}

/** "file, row 12, column Values: got "abc"; expected a number" */
export function describeProblem(p: ImportProblem): string {
  const where = [
    p.file,
    p.row !== undefined ? `row ${p.row}` : undefined,
    p.column !== undefined ? `column "${p.column}"` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const got =
    p.value !== undefined
      ? `got "${p.value.length > 60 ? p.value.slice(0, 57) + '...' : p.value}"; `
      : '';
  return `${where}: ${got}expected ${p.expected}`;
}

export function formatError(error: LanternError): string {
  const lines = [`${error.message} [${error.code}]`];
  for (const p of error.problems.slice(0, 20)) lines.push(`  - ${describeProblem(p)}`);
  if (error.problems.length > 20)
    lines.push(`  ... and ${error.problems.length - 20} more problems`);
  if (error.hint) lines.push(error.hint);
  return lines.join('\n');
}
