/**
 * What a "build your own" comparison asks for, read from the page's URL (a GET form), so the URL
 * alone reproduces the view and can be bookmarked or shared. Pure: no I/O.
 *
 *   la=933&la=343            LAs by 3-digit or 9-character code (repeatable)
 *   group=region:990         every LA in a region (980–990; 987/988 Inner/Outer London)
 *   group=sn:933             an LA and its 10 statistical neighbours (newest set)
 *   setname=My family&setlas=933,343,823
 *                            a saved set: a named list of LAs that lives in the URL only;
 *                            "saving" it means bookmarking or sharing the link (Lantern keeps
 *                            nothing about its users on the server, and a cookie would not
 *                            follow the link to a colleague)
 *   measure=KS2RWM_Expected_STD (repeatable)
 *   year=2024&year=2025 | year=latest | none (every year)
 *   england=1                add England's published figures
 *   mq=words                 the measure picker's search words (only changes the choices shown)
 *
 * What a query means, its limits and checks: src/benchmarks/compare.ts.
 */
import type { CompareQuery } from '../../../benchmarks/compare.js';
import { keys, words } from '../../route-schemas.js';

/** The query parameters of a comparison, for the page's and the API's route schemas. */
export const compareParams = {
  la: keys,
  group: keys,
  setname: words(),
  // A saved set's LA codes: up to 35 9-character codes and their separators.
  setlas: words(1000),
  measure: keys,
  year: keys,
  england: keys,
};

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.trim())
    .filter(Boolean);

const one = (v: unknown, max: number): string => (list(v)[0] ?? '').slice(0, max);

/** Reads a parsed query string (Fastify's: repeated keys become arrays). Never throws. */
export function parseCompareQuery(query: Record<string, unknown>): CompareQuery {
  return {
    la: unique(list(query.la).map((s) => s.slice(0, 20))),
    group: unique(list(query.group).map((s) => s.slice(0, 20))),
    setName: one(query.setname, 60),
    setLas: one(query.setlas, 600),
    measure: unique(list(query.measure).map((s) => s.slice(0, 80))),
    year: unique(list(query.year).map((s) => s.toLowerCase().slice(0, 10))),
    england: list(query.england).some((v) => v === '1' || v === 'true' || v === 'on'),
    mq: one(query.mq, 100),
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Whether anything has been chosen yet (a fresh form shows defaults instead of results). */
export function isEmptyQuery(q: CompareQuery): boolean {
  return !q.la.length && !q.group.length && !q.setLas && !q.measure.length;
}

/** The query string that reproduces a selection (what the page's links and downloads use). */
export function compareQueryString(q: CompareQuery, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const v of q.la) p.append('la', v);
  for (const v of q.group) p.append('group', v);
  if (q.setName) p.set('setname', q.setName);
  if (q.setLas) p.set('setlas', q.setLas);
  for (const v of q.measure) p.append('measure', v);
  for (const v of q.year) p.append('year', v);
  if (q.england) p.set('england', '1');
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}
