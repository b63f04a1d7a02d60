/**
 * What the strategy pages show, from the judged strategy: counts per priority ("Are we
 * achieving our targets?", "Are we getting better?") and the targets table; the action tracker's
 * table is in pages/strategy-actions. Pure: the words come from strategy/labels.ts, the figures
 * from strategy/series.ts, the counts from strategy/counts.ts.
 */
import { formatDate } from '../../../core/format.js';
import {
  strategyCounts,
  wholeStrategyCounts,
  type StrategyCounts,
} from '../../../strategy/counts.js';
import {
  directionNames,
  noDirectionName,
  ragNames,
  targetStateNames,
} from '../../../strategy/labels.js';
import { judgedFigures } from '../../../strategy/series.js';
import type { Action, Risk } from '../../../strategy/strategy-schema.js';
import type { JudgedTarget, StrategyStatus } from '../../../strategy/strategy.service.js';
import { renderComponent } from '../../render.js';
import type { DataCell, DataTable } from '../../tables/data-table.js';
import { strategyHrefs } from '../../urls.js';
import { linkCell, linkWithNoteCell } from '../../tables/cells.js';

/** Where a downloaded table says how each target is judged. */
const judgedNote = 'How each target is judged: /methods#strategy-targets';

export interface PriorityCounts extends StrategyCounts {
  key: string;
  title: string;
}

/** Per priority, and a last row for the whole strategy. */
export function priorityCounts(status: StrategyStatus, today: string): PriorityCounts[] {
  const rows = status.strategy.priorities.map((p) => ({
    key: p.key!,
    title: p.title,
    ...strategyCounts(
      status.targets.filter((t) => t.priority.key === p.key),
      p.aims.flatMap((a) => a.actions),
      today,
    ),
  }));
  const all = wholeStrategyCounts(status.targets, status.strategy, today);
  return [...rows, { key: '', title: 'All priorities', ...all }];
}

export function countsTable(counts: PriorityCounts[], fileName: string): DataTable {
  const n = (raw: number): DataCell => ({ raw });
  return {
    id: 'priorities',
    caption: 'Targets and actions by priority',
    fileName,
    columns: [
      { header: 'Priority' },
      { header: 'Targets', numeric: true },
      { header: 'Met', numeric: true },
      { header: 'On track', numeric: true },
      { header: 'Off track', numeric: true },
      { header: 'No data', numeric: true },
      { header: 'Improving', numeric: true },
      { header: 'Declining', numeric: true },
      { header: 'No change', numeric: true },
      { header: noDirectionName, numeric: true },
      { header: 'Actions overdue', numeric: true },
    ],
    rows: counts.map((c) => [
      c.key ? linkCell(c.title, `#${c.key}`) : { raw: c.title },
      n(c.targets),
      n(c.met),
      n(c.onTrack),
      n(c.offTrack),
      n(c.noData),
      n(c.improving),
      n(c.declining),
      n(c.noChange),
      n(c.noDirection),
      { raw: c.overdue, text: c.actions ? `${c.overdue} of ${c.actions}` : 'No actions' },
    ]),
    notes: [`Each target judged on the figures in Lantern today. ${judgedNote}`],
  };
}

/** The status tag's HTML, from the one component. */
export function statusTag(t: Pick<JudgedTarget, 'status' | 'rag'>): string {
  return renderComponent('target-status', {
    status: t.status,
    rag: t.rag,
    statusText: targetStateNames[t.status],
    ragText: ragNames[t.rag],
  });
}

export function directionText(t: Pick<JudgedTarget, 'direction'>): string {
  if (!t.direction) return noDirectionName;
  const d = directionNames[t.direction];
  return `${d.arrow} ${d.text}`;
}

/**
 * What the target asks of its measure, without the measure's name the sentence starts with
 * ("At or above the England average in 2027."); a gap's sentence names both groups, so it stays.
 */
export function targetGoal(t: Pick<JudgedTarget, 'sentence' | 'figures'>): string {
  const prefix = `${t.figures.name}: `;
  if (!t.sentence.startsWith(prefix)) return t.sentence;
  const goal = t.sentence.slice(prefix.length);
  return goal.charAt(0).toUpperCase() + goal.slice(1);
}

/** Every target of a priority (or of the strategy), one row each, keyed by the target's key. */
export function targetsTable(
  status: StrategyStatus,
  targets: JudgedTarget[],
  options: { id: string; caption: string; fileName: string },
): DataTable {
  const la = status.strategy.la;
  return {
    id: options.id,
    caption: options.caption,
    fileName: options.fileName,
    columns: [
      // The measure once, then what the target asks of it: a quarter of the width (a third
      // leaves "Why" too narrow beside the five short columns, whose words do not wrap).
      { header: 'Target', classes: 'govuk-!-width-one-quarter' },
      { header: 'Status' },
      { header: 'Direction of travel' },
      { header: 'Latest', numeric: true },
      { header: 'Year' },
      { header: 'Still to go', numeric: true },
      { header: 'Why' },
    ],
    rows: targets.map((t) => {
      const f = judgedFigures(t);
      const href = strategyHrefs.target(la, status.id, t.key);
      return [
        linkWithNoteCell(t.measureEntry.name, href, targetGoal(t)),
        { raw: `${targetStateNames[t.status]} (${ragNames[t.rag]})`, html: statusTag(t) },
        { raw: directionText(t) },
        { raw: t.latestValue, text: f.latest },
        { raw: t.latestYear ?? '', text: t.latestYear ?? '–' },
        { raw: t.distance, text: f.distance },
        { raw: t.reason, classes: 'govuk-body-s' },
      ];
    }),
    notes: [
      `${status.strategy.title}: each target judged on ${formatDate(status.asOf)} on the figures in Lantern. ${judgedNote}`,
    ],
  };
}

export interface ActionRow {
  key: string;
  /** The priority's key (the tracker's filter) and title. */
  priorityKey: string;
  priority: string;
  aim: string;
  action: Action;
}

/** The strategy's actions, with where each sits. */
export function actionsOf(status: StrategyStatus): ActionRow[] {
  return status.strategy.priorities.flatMap((p) =>
    p.aims.flatMap((a) =>
      a.actions.map((x) => ({
        key: x.key!,
        priorityKey: p.key!,
        priority: p.title,
        aim: a.title,
        action: x,
      })),
    ),
  );
}

/**
 * A priority's risks, highest score (likelihood × impact, each 1 to 5) first: the LA's own
 * register, which a published strategy does not show (strategy/published.ts).
 */
export function risksTable(
  risks: Risk[],
  options: { id: string; caption: string; fileName: string },
): DataTable {
  const scored = risks
    .map((r) => ({ r, score: r.likelihood * r.impact }))
    .sort((a, b) => b.score - a.score);
  return {
    ...options,
    columns: [
      { header: 'Risk', classes: 'govuk-!-width-one-third' },
      { header: 'Likelihood', numeric: true },
      { header: 'Impact', numeric: true },
      { header: 'Score', numeric: true },
      { header: 'Owner' },
      { header: 'Mitigation' },
    ],
    rows: scored.map(({ r, score }) => [
      { raw: r.description },
      { raw: r.likelihood },
      { raw: r.impact },
      { raw: score },
      { raw: r.owner ?? '', text: r.owner ?? '–' },
      { raw: r.mitigation ?? '', text: r.mitigation ?? '–', classes: 'govuk-body-s' },
    ]),
    notes: ['Likelihood and impact from 1 (lowest) to 5; the score is one times the other.'],
  };
}
