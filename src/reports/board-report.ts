/**
 * The partnership board's monitoring report for a strategy on a date, as plain data: the
 * summary, each priority's targets (status, RAG, direction, latest figure against England,
 * region and neighbours, the reason) and actions (owner's rating, latest update), and the
 * exceptions. The HTML page, the PDF and the XLSX are all drawn from this one object, so they
 * cannot disagree. Pure.
 */
import { formatDate } from '../core/format.js';
import { isOverdue } from '../strategy/actions.js';
import { approvedUpdates } from '../strategy/approval.js';
import { wholeStrategyCounts, type StrategyCounts } from '../strategy/counts.js';
import {
  actionStatusNames,
  directionNames,
  noUpdateYet,
  ragNames,
  targetStateNames,
} from '../strategy/labels.js';
import { isPercentage, judgedFigures, valueText, type YearFigure } from '../strategy/series.js';
import type { Rag, TargetState } from '../strategy/status-types.js';
import type { JudgedTarget, StrategyStatus } from '../strategy/strategy.service.js';

export interface ReportTarget {
  key: string;
  measure: string;
  target: string;
  status: TargetState;
  rag: Rag;
  statusText: string;
  ragText: string;
  direction: string;
  latest: string;
  latestYear: string;
  england: string;
  region: string;
  neighbours: string;
  stillToGo: string;
  reason: string;
  /**
   * The same figures as numbers, for the spreadsheet (absent from editions issued before it had
   * them, which then show their text): latest, comparators and the distance, unrounded.
   */
  numbers?: TargetNumbers;
}

export interface TargetNumbers {
  latest: number | null;
  england: number | null;
  region: number | null;
  neighbours: number | null;
  stillToGo: number | null;
  decimalPlaces: number;
  /** "%" where the figure is a percentage, so the spreadsheet writes it as one. */
  percent: boolean;
}

export interface ReportAction {
  key: string;
  title: string;
  owner: string;
  due: string;
  overdue: boolean;
  rating: string;
  latestUpdate: string;
}

/** A priority's commentary for the board: its owner's words, drafted then approved by the lead. */
export interface ReportCommentary {
  body: string;
  author: string;
  status: 'draft' | 'approved';
  approvedBy: string | null;
}

export interface ReportPriority {
  key: string;
  title: string;
  commentary: ReportCommentary | null;
  targets: ReportTarget[];
  actions: ReportAction[];
}

export interface BoardReport {
  strategyId: string;
  title: string;
  laCode: number;
  laName: string;
  board: string | null;
  period: string;
  /** The date the report is for (ISO), and in words. */
  date: string;
  dateText: string;
  summary: StrategyCounts;
  priorities: ReportPriority[];
  exceptions: { targets: ReportTarget[]; actions: ReportAction[] };
  /** Where the figures come from: each release the targets rest on, once. */
  sources: string[];
}

const dash = '–';

function comparatorValue(t: JudgedTarget, pick: (y: YearFigure) => number | null): number | null {
  // A gap or rank is not on the comparators' scale: they are shown for the LA's own figures only.
  if (t.kind === 'gap' || t.kind === 'rank' || !t.latestYear) return null;
  const y = t.years.find((x) => x.yearLabel === t.latestYear);
  return y ? pick(y) : null;
}

function comparatorText(t: JudgedTarget, pick: (y: YearFigure) => number | null): string {
  const v = comparatorValue(t, pick);
  return v === null ? dash : valueText(t.figures, v);
}

function reportTarget(t: JudgedTarget): ReportTarget {
  const f = judgedFigures(t);
  return {
    key: t.key,
    measure: t.measureEntry.name,
    target: t.sentence,
    status: t.status,
    rag: t.rag,
    statusText: targetStateNames[t.status],
    ragText: ragNames[t.rag],
    direction: t.direction ? directionNames[t.direction].text : dash,
    latest: f.latest,
    latestYear: t.latestYear ?? dash,
    england: comparatorText(t, (y) => y.england),
    region: comparatorText(t, (y) => y.region),
    neighbours: comparatorText(t, (y) => y.neighbours),
    stillToGo: f.distance,
    reason: t.reason,
    numbers: {
      latest: t.latestValue,
      england: comparatorValue(t, (y) => y.england),
      region: comparatorValue(t, (y) => y.region),
      neighbours: comparatorValue(t, (y) => y.neighbours),
      stillToGo: t.distance,
      decimalPlaces: t.kind === 'rank' ? 0 : t.figures.decimalPlaces,
      percent: t.kind !== 'rank' && isPercentage(t.figures) && t.kind !== 'gap',
    },
  };
}

function reportAction(
  a: StrategyStatus['strategy']['priorities'][number]['aims'][number]['actions'][number],
  date: string,
): ReportAction {
  // Only what the lead has approved reaches the board.
  const latest = approvedUpdates(a)
    .filter((u) => u.date <= date)
    .at(-1);
  return {
    key: a.key!,
    title: a.title,
    owner: `${a.owner.person}, ${a.owner.organisation}`,
    due: a.due ? formatDate(a.due) : dash,
    overdue: isOverdue(a, date),
    rating: actionStatusNames[latest?.status ?? a.status],
    latestUpdate: latest
      ? `${formatDate(latest.date)} (${latest.by}): ${latest.text}`
      : noUpdateYet,
  };
}

export function boardReport(
  status: StrategyStatus,
  laName: string,
  commentary: ReadonlyMap<string, ReportCommentary> = new Map(),
): BoardReport {
  const doc = status.strategy;
  const date = status.asOf;
  const priorities = doc.priorities.map((p) => ({
    key: p.key!,
    title: p.title,
    commentary: commentary.get(p.key!) ?? null,
    targets: status.targets.filter((t) => t.priority.key === p.key).map(reportTarget),
    actions: p.aims.flatMap((a) => a.actions).map((a) => reportAction(a, date)),
  }));
  const targets = priorities.flatMap((p) => p.targets);
  const actions = priorities.flatMap((p) => p.actions);
  return {
    strategyId: status.id,
    title: doc.title,
    laCode: doc.la,
    laName,
    board: doc.board ?? null,
    period: `${doc.period.from} to ${doc.period.to}`,
    date,
    dateText: formatDate(date),
    summary: wholeStrategyCounts(status.targets, doc, date),
    priorities,
    exceptions: {
      targets: targets.filter((t) => t.status === 'off_track'),
      actions: actions.filter((a) => a.overdue),
    },
    sources: [...new Set(status.targets.map((t) => t.source).filter((s): s is string => !!s))],
  };
}
