import type { SchoolLink } from './register.repository.js';

/**
 * Which school came before which, from the GIAS links as published, so that a school's profile can
 * continue its time series under the URNs it had before (an academy conversion gives a school a
 * new URN; so does a change of trust, and a merger of an infant and a junior school). Pure: no I/O.
 *
 * The rule. A links row (URN a, LinkURN b, LinkType t) describes b as seen from a:
 * - t starting "Predecessor" (Predecessor, Predecessor - merged, Predecessor - amalgamated,
 *   Predecessor - Split School): b came before a.
 * - t starting "Successor" (Successor, Successor - merged, Successor - amalgamated, Successor -
 *   Split School): b came after a.
 * GIAS publishes most links from both sides; either side is enough (in the July 2022 file about
 * 140 rows have no row the other way round).
 * Not followed: "Result of Amalgamation" and the "Merged - ..." types are published with the same
 * words from both sides (98 of the 110 "Result of Amalgamation" rows have one the other way
 * round), so they do not say which school came first; "Sixth Form Centre School" / "Sixth Form
 * Centre Link", "Expansion", "Closure" and "Other" are not one school becoming another.
 */

export interface LinkedSchool {
  urn: number;
  /** As the links file names it (LinkName); null when no row names it. */
  name: string | null;
  /**
   * From the later school's side for a predecessor ("Predecessor", "Predecessor - merged"), from
   * the earlier school's side for a successor ("Successor ..."). When GIAS published only the
   * other side, its words are turned round ("Successor - merged" read as "Predecessor - merged").
   */
  linkType: string;
  /** When the link took effect (LinkEstablishedDate), YYYY-MM-DD; null where GIAS left it blank. */
  date: string | null;
  /** The school it came before (a predecessor) or after (a successor): a merger branches the chain. */
  of: number;
  /** 1 for a school's own predecessor (or successor), 2 for that one's, and so on. */
  generation: number;
}

type Word = 'Predecessor' | 'Successor';

/** Whether a link says one school became another: the links predecessors() and successors() follow. */
export function continuesSeries(link: Pick<SchoolLink, 'linkType'>): boolean {
  return wordOf(link.linkType) !== null;
}

/** The schools `urn` continues, nearest first (then newest link first), each once: cycle-safe. */
export function predecessors(urn: number, links: readonly SchoolLink[]): LinkedSchool[] {
  return walk(urn, links, 'Predecessor');
}

/** The schools that continue `urn`, nearest first (then newest link first), each once. */
export function successors(urn: number, links: readonly SchoolLink[]): LinkedSchool[] {
  return walk(urn, links, 'Successor');
}

function wordOf(linkType: string): Word | null {
  if (linkType.startsWith('Predecessor')) return 'Predecessor';
  if (linkType.startsWith('Successor')) return 'Successor';
  return null;
}

const turnedRound = (linkType: string, to: Word) =>
  linkType.replace(/^(Predecessor|Successor)/, to);

interface Step {
  to: number;
  linkType: string;
  date: string | null;
  /** The LinkName of a row from the school's own side (the other side's row names the school). */
  name: string | null;
  /** True when the row was published from the school's own side: it wins over the other side's. */
  ownSide: boolean;
}

/** For each school, the schools one step away in the direction `word` says. */
function stepsOf(links: readonly SchoolLink[], word: Word): Map<number, Map<number, Step>> {
  const steps = new Map<number, Map<number, Step>>();
  const add = (from: number, step: Step) => {
    const mine = steps.get(from) ?? new Map<number, Step>();
    steps.set(from, mine);
    const held = mine.get(step.to);
    if (!held || (step.ownSide && !held.ownSide)) mine.set(step.to, step);
  };
  for (const l of links) {
    const w = wordOf(l.linkType);
    if (w === null || l.urn === l.linkedUrn) continue;
    const date = l.establishedOn;
    if (w === word)
      add(l.urn, {
        to: l.linkedUrn,
        linkType: l.linkType,
        date,
        name: l.linkedName,
        ownSide: true,
      });
    else {
      const linkType = turnedRound(l.linkType, word);
      add(l.linkedUrn, { to: l.urn, linkType, date, name: null, ownSide: false });
    }
  }
  return steps;
}

function walk(urn: number, links: readonly SchoolLink[], word: Word): LinkedSchool[] {
  const steps = stepsOf(links, word);
  const names = new Map<number, string>();
  for (const l of links)
    if (l.linkedName && !names.has(l.linkedUrn)) names.set(l.linkedUrn, l.linkedName);
  const seen = new Set([urn]);
  const found: LinkedSchool[] = [];
  let frontier = [urn];
  for (let generation = 1; frontier.length > 0; generation++) {
    const next: LinkedSchool[] = [];
    for (const from of frontier) {
      for (const step of steps.get(from)?.values() ?? []) {
        if (seen.has(step.to)) continue;
        seen.add(step.to);
        const name = step.name ?? names.get(step.to) ?? null;
        next.push({
          urn: step.to,
          name,
          linkType: step.linkType,
          date: step.date,
          of: from,
          generation,
        });
      }
    }
    next.sort(newestFirst);
    found.push(...next);
    frontier = next.map((s) => s.urn);
  }
  return found;
}

/** Newest link first, blank dates last, then by URN so the order never depends on the file's. */
function newestFirst(a: LinkedSchool, b: LinkedSchool): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.urn - b.urn;
}
