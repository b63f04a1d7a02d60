/**
 * "Are we achieving our targets?" and "Are we getting better?" as counts: the one rule the
 * strategy page, the board report and its downloads all count by. Pure.
 *
 * Each question's counts add up to `targets`: every target has one status (met, on track, off
 * track or no data), and one direction of travel or none (`noDirection`: no figures, or no
 * year before the latest to compare it with, so not enough data to say).
 */
import { isOverdue } from './actions.js';
import type { TargetStatus } from './status-types.js';
import type { Action, StrategyDocument } from './strategy-schema.js';

export interface StrategyCounts {
  targets: number;
  met: number;
  onTrack: number;
  offTrack: number;
  noData: number;
  improving: number;
  declining: number;
  noChange: number;
  /** Targets with no direction of travel: not enough data to say (labels.ts noDirectionName). */
  noDirection: number;
  actions: number;
  overdue: number;
}

export function strategyCounts(
  targets: Pick<TargetStatus, 'status' | 'direction'>[],
  actions: Pick<Action, 'due' | 'status'>[],
  date: string,
): StrategyCounts {
  const n = (test: (t: (typeof targets)[number]) => boolean) => targets.filter(test).length;
  return {
    targets: targets.length,
    met: n((t) => t.status === 'met'),
    onTrack: n((t) => t.status === 'on_track'),
    offTrack: n((t) => t.status === 'off_track'),
    noData: n((t) => t.status === 'no_data'),
    improving: n((t) => t.direction === 'improving'),
    declining: n((t) => t.direction === 'declining'),
    noChange: n((t) => t.direction === 'no_change'),
    // Whatever is not one of the three directions, so the four always add up to `targets`.
    noDirection: n(
      (t) =>
        t.direction !== 'improving' && t.direction !== 'declining' && t.direction !== 'no_change',
    ),
    actions: actions.length,
    overdue: actions.filter((a) => isOverdue(a, date)).length,
  };
}

/** The whole strategy's counts: its targets, and every action of every priority. */
export function wholeStrategyCounts(
  targets: Pick<TargetStatus, 'status' | 'direction'>[],
  doc: Pick<StrategyDocument, 'priorities'>,
  date: string,
): StrategyCounts {
  const actions = doc.priorities.flatMap((p) => p.aims.flatMap((a) => a.actions));
  return strategyCounts(targets, actions, date);
}

/** The counts as sentences, for the PDF and the command line (the pages show them as tables). */
export function countsSentences(c: StrategyCounts): string[] {
  return [
    `Are we achieving our targets? Of ${c.targets} targets: ${c.met} met, ${c.onTrack} on track, ${c.offTrack} off track, ${c.noData} with no data.`,
    `Are we getting better? ${c.improving} improving, ${c.declining} declining, ${c.noChange} with no change, ${c.noDirection} with not enough data to say.`,
    `Actions: ${c.actions}, of which ${c.overdue} overdue.`,
  ];
}
