/**
 * The RAG colour of a judged target: green met, grey no data, amber or red by the target's floor,
 * or by on/off track where it has none (docs/methods.md, "Strategy targets").
 */
import { quartileBand } from '../benchmarks/bands.js';
import { figureFor } from './series.js';
import type { Rag, TargetInput, TargetState, TargetStatus } from './status-types.js';
import { gapIn, reached, readingFor } from './target-terms.js';

/** The RAG colour: green met; grey no data; else amber/red by the floor, or by on/off track without one. */
export function ragOf(status: TargetState, floorHeld: boolean | null): Rag {
  if (status === 'met') return 'green';
  if (status === 'no_data') return 'grey';
  if (floorHeld !== null) return floorHeld ? 'amber' : 'red';
  return status === 'on_track' ? 'amber' : 'red';
}

/** Whether the judged figure is on the right side of the target's floor; null when it has none. */
export function floorHeld(input: TargetInput, s: TargetStatus, higher: boolean): boolean | null {
  const t = input.target;
  if (t.floor === undefined || s.latestValue === null) return null;
  const y = input.series!.years.find((x) => x.yearLabel === s.latestYear)!;
  switch (t.kind) {
    case 'band': {
      const band = quartileBand(y.value, y.cutPoints, input.series!.measure.polarity);
      return band !== null && band <= t.floor;
    }
    case 'rank':
      return y.rank !== null && y.rank <= t.floor;
    case 'relative': {
      const r = readingFor({ ...t, within: t.floor }, y, { higher });
      return r !== null && reached(r);
    }
    case 'gap': {
      const g = gapIn(y, input.other ? figureFor(input.other, y.yearNumber) : undefined, higher);
      return g !== null && g <= t.floor;
    }
    default:
      return higher ? y.value! >= t.floor : y.value! <= t.floor;
  }
}
