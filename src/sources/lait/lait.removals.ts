import type { Queryable } from '../../core/db.js';
import { lanternError } from '../../core/errors.js';
import { formatCount } from '../../core/format.js';
import {
  AreaSets,
  findRemovals,
  holdsFigure,
  removalLines,
  type AreaNames,
  type Removal,
} from '../shared/removals.js';
import {
  areaNames,
  neighbourLasHeld,
  observationAreasHeld,
} from '../shared/removals.repository.js';
import { settleRemovals, shellWord } from '../shared/store-removals.js';
import { bdsFileName, dictionaryFileName } from './lait.files.js';
import type { LaitReading } from './lait.read.js';
import { laitFiguresHeld, laitMeasuresBesides, type LaitMeasureHeld } from './lait.repository.js';

/**
 * What a LAIT import would remove from the store, checked before anything is written: the areas
 * each imported measure and neighbour set would lose (shared/removals.ts), and what earlier LAIT
 * releases gave measures this dictionary lacks, which would otherwise keep an older release's
 * figures beside the new ones.
 */

/** How a path is typed back into a shell: quoted when it holds anything but letters, digits and ./-_ */

const shownMeasures = 20;

export interface LaitRemovals {
  /** Every measure-year (and neighbour set) that would lose areas, measures gone from the dictionary first. */
  removals: Removal[];
  /** The same in words, for the summary (with `replace`). */
  lines: string[];
  /** Measures an earlier LAIT release gave the store that this dictionary lacks. */
  held: LaitMeasureHeld[];
}

/** The areas with a figure that the files give each measure and year, and each neighbour set. */
function incomingAreas(reading: LaitReading): { incoming: AreaSets; sets: AreaSets } {
  const obs = reading.bds.observations;
  const incoming = new AreaSets();
  for (let i = 0; i < obs.measureCode.length; i++)
    incoming.add(
      obs.measureCode[i]!,
      obs.yearLabel[i]!,
      obs.areaCode[i]!,
      holdsFigure(obs.value[i] ?? null, obs.suppression[i] ?? null),
    );
  const sets = new AreaSets();
  for (const n of reading.neighbourSets)
    for (const la of n.set.neighbours.keys()) sets.add('statistical neighbours', n.set.version, la);
  return { incoming, sets };
}

/**
 * What the import does to measures this dictionary lacks (checkLaitRemovals allowed it): removes
 * what LAIT gave them, so none keeps an older release's figures. Returns the codes of those whose
 * LAIT figures or definition go, and of those kept for another source's figures (to re-benchmark).
 */
export function goneMeasureOutcome(held: LaitMeasureHeld[]): { removed: string[] } {
  return {
    removed: held
      .filter((m) => m.laitRows > 0 || (m.laitDefined && m.otherRows === 0))
      .map((m) => m.code),
  };
}

function yearsInWords(years: string[]): string {
  const sorted = [...new Set(years)].sort();
  if (sorted.length <= 3) return sorted.join(', ');
  return `${sorted[0]} to ${sorted[sorted.length - 1]}, ${sorted.length} year labels`;
}

/**
 * "PerAbs: every year (2023/24), 2 values from an earlier LAIT release, would be removed:
 * lait_data_dictionary.csv has no row with Measure_short "PerAbs" (bds_long_0.parquet has 2 rows
 * for it, which are not imported without one)", one line per measure (at most 20, then a count).
 */
function goneMeasureLines(removals: Removal[], reading: LaitReading, verb: string): string[] {
  const byCode = new Map<string, Removal[]>();
  for (const r of removals) byCode.set(r.what, [...(byCode.get(r.what) ?? []), r]);
  const lines = [...byCode].slice(0, shownMeasures).map(([code, years]) => {
    const values = years.reduce((sum, r) => sum + r.removed.length, 0);
    const rows = reading.bds.undocumentedMeasures.find((m) => m.code === code)?.rows ?? 0;
    const discontinued = reading.dictionary.discontinuedCodes.includes(code);
    const why = discontinued
      ? `${dictionaryFileName} marks its row DISCONTINUE`
      : `${dictionaryFileName} has no row with Measure_short "${code}"`;
    const data =
      rows > 0
        ? ` (${bdsFileName} has ${formatCount(rows)} row${rows === 1 ? '' : 's'} for it, which ${discontinued ? 'are not imported' : 'are not imported without one'})`
        : `, nor has ${bdsFileName} any row for it`;
    return `${code}: every year (${yearsInWords(years.map((r) => r.year))}), ${formatCount(values)} value${values === 1 ? '' : 's'} from an earlier LAIT release, ${verb}: ${why}${data}`;
  });
  if (byCode.size > shownMeasures)
    lines.push(`... and ${formatCount(byCode.size - shownMeasures)} more measures`);
  return lines;
}

/**
 * What the import would take from the store: every year of each imported measure is replaced,
 * each neighbour set in the folder, and what earlier LAIT releases gave measures this dictionary
 * lacks. Refused (LANTERN_IMPORT_WOULD_REMOVE) unless `replace`.
 */
export async function checkLaitRemovals(
  tx: Queryable,
  reading: LaitReading,
  codes: string[],
  options: { replace: boolean; folder: string },
): Promise<LaitRemovals> {
  const { incoming, sets } = incomingAreas(reading);
  const versions = reading.neighbourSets.map((n) => n.set.version);
  const removals = [
    ...findRemovals(await observationAreasHeld(tx, codes), incoming, 'every year held'),
    ...findRemovals(await neighbourLasHeld(tx, versions), sets, 'years in the file'),
  ];
  // A measure the dictionary no longer has would keep an older release's figures beside the new ones.
  const held = await laitMeasuresBesides(tx, codes);
  const goneCodes = held.map((m) => m.code);
  const gone = findRemovals(
    await laitFiguresHeld(tx, goneCodes),
    new AreaSets(),
    'every year held',
  );
  if (gone.length === 0) {
    const lines = await settleRemovals(tx, removals, {
      replace: options.replace,
      source: `The LAIT files in ${options.folder}`,
      command: ['lantern', 'import', 'lait', options.folder],
    });
    return { removals, lines, held };
  }
  const names = await areaNames(tx);
  if (!options.replace) refuseGone(gone, removals, reading, { ...options, names });
  return {
    removals: [...gone, ...removals],
    lines: [
      ...goneMeasureLines(gone, reading, 'removed'),
      ...removalLines(removals, names, 'removed'),
    ],
    held,
  };
}

/** LANTERN_IMPORT_WOULD_REMOVE naming each measure gone from the dictionary, then every other removal. */
function refuseGone(
  gone: Removal[],
  removals: Removal[],
  reading: LaitReading,
  options: { folder: string; names: AreaNames },
): never {
  const { folder, names } = options;
  const source = `The LAIT files in ${folder}`;
  const values = [...gone, ...removals].reduce((sum, r) => sum + r.removed.length, 0);
  throw lanternError(
    'LANTERN_IMPORT_WOULD_REMOVE',
    [
      `${source} would remove ${formatCount(values)} value${values === 1 ? '' : 's'} the store holds, so nothing was imported:`,
      ...goneMeasureLines(gone, reading, 'would be removed'),
      ...removalLines(removals, names, 'would be removed'),
    ]
      .map((l, i) => (i === 0 ? l : `  - ${l}`))
      .join('\n'),
    {
      hint: `A measure listed with "every year" is in the store from an earlier LAIT release but not in this ${dictionaryFileName}, so its figures would stay beside the new release's. If the DfE renamed or withdrew it (and any other areas listed should lose their values), run \`lantern import lait ${shellWord(folder)} --replace\`: its figures are removed and the summary lists them. Otherwise restore its dictionary row (Measure_short must be the data file's Short Desc) and import again.`,
    },
  );
}
