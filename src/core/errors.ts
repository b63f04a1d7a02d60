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
  LANTERN_STRATEGY_INVALID: 'A strategy file or form has problems; nothing was changed.',
  LANTERN_STRATEGY_NOT_FOUND: 'No strategy has the id given, or it has no part with the key given.',
  LANTERN_MEASURE_NOT_FOUND: 'No measure has the code given.',
  LANTERN_AREA_NOT_FOUND: 'No local authority has the code given.',
  LANTERN_YEAR_NOT_FOUND: 'The measure has no data for the year given.',
  LANTERN_NO_DATA: 'The database holds no data yet.',
  LANTERN_STORE_IN_USE: 'Another Lantern process is using the embedded database.',
  LANTERN_USER_INVALID: "A user's details (e-mail, role, LAs or schools) are not valid.",
  LANTERN_USER_EXISTS: 'A user with that e-mail address exists already.',
  LANTERN_USER_NOT_FOUND: 'No user has the e-mail address given.',
  LANTERN_SIGN_IN_NEEDED: 'The page or answer needs you to sign in.',
  LANTERN_FORBIDDEN: 'You are signed in, but your role or scope does not allow this.',
  LANTERN_TOO_MANY_ATTEMPTS: 'Too many sign-in attempts came from one address in a minute.',
  LANTERN_FORM_EXPIRED:
    'A form was sent without the check that it came from this site, or too late.',
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface ImportProblem {
  file: string;
  /** 1-based line or row number in the file as a spreadsheet shows it (the header is row 1). */
  row?: number | undefined;
  column?: string | undefined;
  value?: string | undefined;
  /** What was expected, in words: "a number", read as "expected a number". */
  expected: string;
  /**
   * For a file people write: what is wrong, as a sentence ("must not be blank", "repeats the
   * key "p1""), shown instead of "expected …" where that would not read.
   */
  problem?: string | undefined;
  /** For a file people write (a strategy file): where, by line and column (1-based). */
  line?: number | undefined;
  lineColumn?: number | undefined;
  /** The field as the file names it: priorities[1].aims[2].title. */
  field?: string | undefined;
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

/**
 * Characters a reader cannot see or tell from a space: controls (tab, line break, NUL), format
 * characters (Unicode Cf: zero-width space, direction marks and overrides, word joiner, byte-order
 * mark, soft hyphen), other default-ignorable ones, lone surrogates, and every space but U+0020.
 */
const invisible = /(?! )[\p{Cc}\p{Cf}\p{Cs}\p{Z}\p{DI}]/gu;

/**
 * `text` with each invisible character written as <U+XXXX> ("16-17<U+200B>"), so a value quoted
 * in a message never reads like another ("Local<U+00A0>authority" is not "Local authority").
 * Every importer's problems pass through here (describeProblem, formatError).
 */
export function visibleText(text: string): string {
  return text.replace(
    invisible,
    (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

const invisibleNames: Record<number, string> = {
  0x00: 'NUL (null character)',
  0x09: 'tab',
  0x0a: 'line break',
  0x0d: 'carriage return',
  0x1b: 'escape character',
  0x7f: 'delete character',
  0xa0: 'no-break space',
  0xad: 'soft hyphen',
  0x2007: 'figure space',
  0x2009: 'thin space',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x202f: 'narrow no-break space',
  0x2060: 'word joiner',
  0x3000: 'ideographic space',
  0xfeff: 'byte-order mark',
};

/**
 * The characters of `text` that visibleText shows as <U+XXXX>, each once, in words:
 * "<U+200B>, a zero-width space, which cannot be seen". Empty when there are none.
 */
export function invisibleCharacters(text: string): string[] {
  const found = new Set(Array.from(text).filter((c) => visibleText(c) !== c));
  return [...found].map((c) => {
    const name = invisibleNames[c.codePointAt(0)!] ?? 'control or format character';
    const shows = /\p{Z}/u.test(c) ? 'looks like a plain space' : 'cannot be seen';
    return `${visibleText(c)}, a ${name}, which ${shows}`;
  });
}

/** At most `max` characters (whole code points), else the first `max - 3` and "...". */
export function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 3).join('')}...` : text;
}

/**
 * "file, row 12, column Values: got "abc"; expected a number". The file's value, its column and
 * the expectation (which often quotes the value again) show invisible characters (visibleText).
 */
export function describeProblem(p: ImportProblem): string {
  const where = [
    p.file,
    p.row !== undefined ? `row ${p.row}` : undefined,
    p.column !== undefined ? `column "${p.column}"` : undefined,
    p.line !== undefined ? `line ${p.line}` : undefined,
    p.lineColumn !== undefined ? `column ${p.lineColumn}` : undefined,
    p.field !== undefined ? p.field : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const got =
    p.value === undefined
      ? ''
      : p.value === ''
        ? 'got a blank cell; '
        : `got "${cut(p.value, 60)}"; `;
  return visibleText(`${where}: ${got}${p.problem ?? `expected ${p.expected}`}`);
}

export function formatError(error: LanternError): string {
  // Line by line: a message may span lines; any other invisible character is shown.
  const message = error.message.split('\n').map(visibleText).join('\n');
  const lines = [`${message} [${error.code}]`];
  for (const p of error.problems.slice(0, 20)) lines.push(`  - ${describeProblem(p)}`);
  if (error.problems.length > 20)
    lines.push(`  ... and ${error.problems.length - 20} more problems`);
  if (error.hint) lines.push(error.hint);
  return lines.join('\n');
}
