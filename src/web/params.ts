/** Path parameters every page and API route reads the same way. */

/** A 3-digit LA code, e.g. "933". */
export function isLaCode(raw: string): boolean {
  return /^\d{3}$/.test(raw);
}

/** A region code: 980–990 (987/988 Inner and Outer London). */
export function isRegionCode(raw: string): boolean {
  return /^9[89]\d$/.test(raw);
}
