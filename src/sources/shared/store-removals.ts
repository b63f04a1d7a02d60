import type { Queryable } from '../../core/db.js';
import { refuseRemovals, removalLines, type Removal } from './removals.js';
import { areaNames } from './removals.repository.js';

/**
 * Refuses `removals` (LANTERN_IMPORT_WOULD_REMOVE, naming the areas) unless `replace`; with it,
 * returns them in words for the import summary. `command`: how the import was run.
 */
export async function settleRemovals(
  tx: Queryable,
  removals: Removal[],
  options: { replace: boolean; source: string; command: string[] },
): Promise<string[]> {
  if (removals.length === 0) return [];
  const names = await areaNames(tx);
  refuseRemovals(removals, {
    replace: options.replace,
    source: options.source,
    command: options.command.map(shellWord).join(' '),
    names,
  });
  return removalLines(removals, names, 'removed');
}

/** A path as a shell reads it back: quoted when it holds anything but letters, digits and ./-_ */
/** A word as a shell needs it: quoted when it holds anything but letters, digits and ./=-. */
export const shellWord = (w: string) =>
  /^[\w./=-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
