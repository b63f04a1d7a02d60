/**
 * "Are we achieving our targets?" and "Are we getting better?" as counts: the one rule the
 * strategy page, the board report and its downloads all count by. Pure.
 */
import { isOverdue } from './actions.js';
import type { TargetStatus } from './status-types.js';
import type { Action } from './strategy-schema.js';

export interface StrategyCounts {
  targets: number;
  met: number;
  onTrack: number;
  offTrack: number;
  noData: number;
  improving: number;
  declining: number;
  noChange: number;
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
    actions: actions.length,
    overdue: actions.filter((a) => isOverdue(a, date)).length,
  };
}
