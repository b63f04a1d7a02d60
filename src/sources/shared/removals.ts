import { lanternError } from '../../core/errors.js';
import { formatCount } from '../../core/format.js';

/**
 * An import replaces what the store holds for each measure and year it touches. When the files
 * have fewer areas for one of them than the store does, the others would lose their values: a file
 * cut short, filtered in a spreadsheet, or a year relabelled ('2025 (prov)' → '2025'). Importers
 * say so, with numbers, and refuse unless asked to replace (`--replace`). Pure: no I/O.
 */

/**
 * Whether an observation holds a figure: a value or a suppression marker. Only these count as what
 * the store holds and what a file gives, so a file whose cells were emptied (a column cleared in a
 * spreadsheet) is a removal too, not a like-for-like replacement.
 */
export function holdsFigure(value: number | null, suppression: string | null): boolean {
  return value !== null || suppression !== null;
}

/** Areas per measure (or neighbour set) and year. */
export class AreaSets {
  private readonly sets = new Map<string, { what: string; year: string; areas: Set<number> }>();

  /** `figure: false`: the measure and year are there, but the area has no figure (holdsFigure). */
  add(what: string, year: string, area: number, figure = true): void {
    const key = `${what}\u0000${year}`;
    let entry = this.sets.get(key);
    if (!entry) {
      entry = { what, year, areas: new Set() };
      this.sets.set(key, entry);
    }
    if (figure) entry.areas.add(area);
  }

  get(what: string, year: string): ReadonlySet<number> | undefined {
    return this.sets.get(`${what}\u0000${year}`)?.areas;
  }

  entries(): Iterable<{ what: string; year: string; areas: ReadonlySet<number> }> {
    return this.sets.values();
  }
}

export interface Removal {
  /** A measure code, or "statistical neighbours" for a neighbour set. */
  what: string;
  /** The year label (the set's version for neighbours). */
  year: string;
  inFile: number;
  inStore: number;
  /** Areas the store holds a figure for that the file gives none, smallest code first. */
  removed: number[];
}

/**
 * What the import would remove. `only: 'years in the file'` when it replaces only the measure-years
 * its file has (EES); `'every year held'` when it replaces each measure whole (LAIT).
 */
export function findRemovals(
  held: AreaSets,
  incoming: AreaSets,
  only: 'years in the file' | 'every year held',
): Removal[] {
  const removals: Removal[] = [];
  for (const { what, year, areas } of held.entries()) {
    const file = incoming.get(what, year);
    if (!file && only === 'years in the file') continue;
    const removed = [...areas].filter((a) => !file?.has(a)).sort((a, b) => a - b);
    if (removed.length > 0)
      removals.push({ what, year, inFile: file?.size ?? 0, inStore: areas.size, removed });
  }
  return removals.sort((a, b) => a.what.localeCompare(b.what) || a.year.localeCompare(b.year));
}

/** Area code → its kind ('england', 'region', 'la') and name, for saying which areas would go. */
export type AreaNames = ReadonlyMap<number, { kind: string; name: string }>;

const shownLines = 20;

/**
 * "KS2RWM 2025: 40 areas in the file, 161 in the store; 121 would be removed (England, 9 regions
 * and 111 LAs, e.g. 831 Derby, 830 Derbyshire)". `verb`: "would be removed" or "removed".
 */
export function describeRemoval(r: Removal, names: AreaNames, verb: string): string {
  const kinds = { england: 0, region: 0, la: 0 };
  for (const code of r.removed) {
    const kind = names.get(code)?.kind;
    if (kind === 'england' || kind === 'region' || kind === 'la') kinds[kind]++;
  }
  const parts = [
    kinds.england > 0 ? 'England' : '',
    kinds.region > 0 ? `${kinds.region} region${kinds.region === 1 ? '' : 's'}` : '',
    kinds.la > 0 ? `${formatCount(kinds.la)} LA${kinds.la === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  const examples = r.removed
    .filter((c) => names.get(c)?.kind === 'la')
    .slice(0, 2)
    .map((c) => `${c} ${names.get(c)!.name}`);
  const which = `${parts.join(', ').replace(/, ([^,]*)$/, ' and $1')}${examples.length > 0 ? `, e.g. ${examples.join(', ')}` : ''}`;
  const unit = r.what === 'statistical neighbours' ? 'LAs' : 'areas';
  return `${r.what} ${r.year}: ${formatCount(r.inFile)} ${unit} in the file, ${formatCount(r.inStore)} in the store; ${formatCount(r.removed.length)} ${verb}${which ? ` (${which})` : ''}`;
}

/** The lines for a list of removals, at most 20 and a count of the rest. */
export function removalLines(removals: Removal[], names: AreaNames, verb: string): string[] {
  const lines = removals.slice(0, shownLines).map((r) => describeRemoval(r, names, verb));
  if (removals.length > shownLines)
    lines.push(`... and ${formatCount(removals.length - shownLines)} more measures and years`);
  return lines;
}

/**
 * LANTERN_IMPORT_WOULD_REMOVE naming every measure and year that would lose areas, unless the
 * person asked to replace them. `source`: the file (or folder) named in the message; `command`: how
 * to ask for the replacement.
 */
export function refuseRemovals(
  removals: Removal[],
  options: { replace: boolean; source: string; command: string; names: AreaNames },
): void {
  if (removals.length === 0 || options.replace) return;
  const values = removals.reduce((sum, r) => sum + r.removed.length, 0);
  throw lanternError(
    'LANTERN_IMPORT_WOULD_REMOVE',
    [
      `${options.source} would remove ${formatCount(values)} value${values === 1 ? '' : 's'} the store holds, so nothing was imported:`,
      ...removalLines(removals, options.names, 'would be removed').map((l) => `  - ${l}`),
    ].join('\n'),
    {
      hint: `If the file is complete and those areas should have no value for those years, run \`${options.command} --replace\`. Otherwise import the complete file: this one may be cut short, filtered, or label its years differently.`,
    },
  );
}
