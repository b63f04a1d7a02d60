import { invisibleCharacters } from '../core/errors.js';

/**
 * What a measure code may be: one rule for every importer (an EES mapping's codes; LAIT's
 * Measure_short) and for the web app, which looks a measure up by its code in every address.
 *
 * The rule follows the real codes. LAIT's 434 (lait_data_dictionary.csv, Measure_short) are ASCII
 * letters and digits with `_ - % & ( ) , / <` and single spaces: "KS2RWM_Expected_STD",
 * "16-17 NEET", "Hosp_Adm_Alc_<18yrs", "NEW_KS2_RWM_Sen_W/Osta", "CPP_Total_Rateper10,000",
 * "%_3&4yr_olds"; the EES mappings' are "ees_neet_16_17" and the like; `.` is allowed too. A code
 * is never a name every JavaScript object has (`constructor`, `__proto__`: the web app refuses
 * those in an address), never holds a control or invisible character, a `<` that could start an
 * HTML tag, a path (`../x`, `/etc`) or what reads as a URL escape (`%2F`).
 * Tested against the real dictionary: test/measures/measure-code.test.ts.
 */

/** The longest code accepted (the DfE's are at most 32 characters). */
export const maxMeasureCodeLength = 64;

/** Names every object has (Object.prototype's, `__proto__` among them): never a code or a choice. */
export const prototypeKeys: readonly string[] = [
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
];

/** The rule in words, for messages ("expected a measure code (...)"). */
export const measureCodeRule = `letters, digits, single spaces and _ - . % & ( ) , / <; at most ${maxMeasureCodeLength} characters`;

const allowed = /^[A-Za-z0-9 _\-.%&(),/<]$/;

/**
 * Why `code` cannot be a measure code, in words that follow `got "<code>": `; undefined when it
 * can be one.
 */
export function measureCodeProblem(code: string): string | undefined {
  if (code.trim() === '') return 'it is blank';
  const length = Array.from(code).length;
  if (length > maxMeasureCodeLength) return `it has ${length} characters`;
  if (prototypeKeys.includes(code))
    return 'every JavaScript object has a property of that name, so no page or API route could look the measure up';
  if (/<(?![0-9])/.test(code))
    return 'it has "<" before something other than a digit, which could start an HTML tag ("<" only before a digit, as in "Hosp_Adm_Alc_<18yrs")';
  const odd = Array.from(code).find((c) => !allowed.test(c));
  if (odd !== undefined)
    return `it holds ${invisibleCharacters(odd)[0] ?? `${JSON.stringify(odd)}, which no measure code has`}`;
  if (code !== code.trim()) return 'it has a space at the start or end';
  if (code.includes('  ')) return 'it has two spaces in a row';
  if (code.split('/').some((part) => ['', '.', '..'].includes(part)))
    return 'it reads as a path ("/" only between two parts of a name, as in "NEW_KS2_RWM_Sen_W/Osta"; never "." or ".." as a part)';
  const escape = /%[0-9A-Fa-f]{2}/.exec(code);
  if (escape)
    return `"${escape[0]}" reads as an escape in a web address ("%" never before two hex digits; "%_2yr_olds" is fine)`;
  return undefined;
}

export function isMeasureCode(code: string): boolean {
  return measureCodeProblem(code) === undefined;
}
