/**
 * The words for each status, RAG and direction: the one place pages, downloads, the board
 * report and the command line take them from, so "off track" never reads two ways.
 */
import type { ActionStatus } from './strategy-schema.js';
import type { Direction, Rag, TargetState } from './status-types.js';

export const targetStateNames: Record<TargetState, string> = {
  met: 'Met',
  on_track: 'On track',
  off_track: 'Off track',
  no_data: 'No data',
};

export const ragNames: Record<Rag, string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  grey: 'Grey',
};

/** Direction of travel, with the arrow boards expect beside it. */
export const directionNames: Record<Direction, { text: string; arrow: string }> = {
  improving: { text: 'Improving', arrow: '↑' },
  declining: { text: 'Declining', arrow: '↓' },
  no_change: { text: 'No change', arrow: '→' },
};

/** A target with no direction of travel: no figures, or no year before the latest to compare. */
export const noDirectionName = 'Not enough data';

/** An action with no approved progress update, in the tracker and the board report. */
export const noUpdateYet = 'No update yet.';

/** The key under every RAG status, on the overview, the report page and its PDF. */
export const ragKey =
  'Green: met. Amber: not met yet, but on track (or, for a target with a lowest acceptable level, above that level). Red: off track (or below its lowest acceptable level). Grey: no data. Direction of travel: the latest year against the year before, better or worse by the measure.';

export const actionStatusNames: Record<ActionStatus, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  done: 'Done',
};

/** Each kind of change to a strategy, as its history page names it (the audit log's actions). */
export const strategyChangeNames: Record<string, string> = {
  'strategy.import': 'Strategy imported from a file',
  'strategy.edit': 'Strategy edited as a file',
  'strategy.action.update': 'Progress update on an action',
  'strategy.local-values': 'Local measure values entered',
  'strategy.action.evidence': 'Evidence file added to an action',
  'strategy.action.approve': 'Progress updates approved',
  'strategy.publish': 'Strategy published',
  'strategy.withdraw': 'Strategy withdrawn from the public',
  'report.commentary.draft': 'Board report commentary drafted',
  'report.commentary.approve': 'Board report commentary approved',
  'report.issue': 'Board report issued',
};
