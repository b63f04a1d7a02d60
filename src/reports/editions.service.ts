/**
 * Signing off the board report: owners (LA officers) draft each priority's commentary for a
 * report date, the strategy's lead approves it, and the lead issues the report as a dated
 * edition. An edition keeps the whole report as the board saw it; opening it later shows that,
 * and says when newer figures have been imported since. Every step is audited, under row security.
 */
import { audit, type Actor } from '../access/audit.service.js';
import type { Viewer } from '../access/policy.js';
import { withScope } from '../access/row-security.js';
import type { Database } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import { mayApprove, updatesAwaitingApproval } from '../strategy/approval.js';
import type { StrategyDocument } from '../strategy/strategy-schema.js';
import type { BoardReport, ReportCommentary } from './board-report.js';
import {
  approveCommentaryRow,
  findEdition,
  insertEdition,
  listCommentary,
  listEditions,
  newestReleaseId,
  saveCommentaryDraft,
  type EditionRow,
} from './editions.repository.js';

function requireApprover(viewer: Viewer, doc: StrategyDocument): void {
  if (!mayApprove(viewer, doc))
    throw lanternError(
      'LANTERN_FORBIDDEN',
      `Only the strategy's lead${doc.lead ? ` (${doc.lead})` : ''} approves commentary and action updates, and issues the report.`,
    );
}

export async function commentaryOn(
  db: Database,
  viewer: Viewer,
  strategyId: string,
  date: string,
): Promise<Map<string, ReportCommentary>> {
  const rows = await withScope(db, viewer, (tx) => listCommentary(tx, strategyId, date));
  return new Map(rows.map((r) => [r.priorityKey, r]));
}

/** One step of the sign-off: who, on which strategy, for which report date. */
export interface SignOff {
  db: Database;
  viewer: Viewer;
  actor: Actor;
  doc: StrategyDocument & { id: string };
  date: string;
}

export async function saveCommentary(
  { db, viewer, actor, doc, date }: SignOff,
  priorityKey: string,
  body: string,
): Promise<void> {
  if (!doc.priorities.some((p) => p.key === priorityKey))
    throw lanternError(
      'LANTERN_STRATEGY_NOT_FOUND',
      `The strategy has no priority "${priorityKey}".`,
    );
  await withScope(db, viewer, async (tx) => {
    if (await findEdition(tx, doc.id, date)) throw issuedAlready(date);
    await saveCommentaryDraft(tx, {
      strategyId: doc.id,
      laCode: doc.la,
      date,
      priorityKey,
      body,
      author: viewer?.displayName || actor.label,
    });
    await audit(
      tx,
      actor,
      'report.commentary.draft',
      { kind: 'strategy', id: doc.id },
      { date, priority: priorityKey },
    );
  });
}

export async function approveCommentary(
  { db, viewer, actor, doc, date }: SignOff,
  priorityKey: string,
): Promise<void> {
  requireApprover(viewer, doc);
  await withScope(db, viewer, async (tx) => {
    if (
      !(await approveCommentaryRow(
        tx,
        doc.id,
        date,
        priorityKey,
        viewer?.displayName || actor.label,
      ))
    )
      throw lanternError(
        'LANTERN_USAGE',
        'There is no draft commentary for that priority to approve.',
      );
    await audit(
      tx,
      actor,
      'report.commentary.approve',
      { kind: 'strategy', id: doc.id },
      { date, priority: priorityKey },
    );
  });
}

const issuedAlready = (date: string) =>
  lanternError(
    'LANTERN_USAGE',
    `The report for ${date} has been issued: an issued edition never changes.`,
  );

/** Issues the report as it stands (approved commentary only) as the edition for its date. */
export async function issueEdition(
  { db, viewer, actor, doc }: SignOff,
  report: BoardReport,
): Promise<string> {
  requireApprover(viewer, doc);
  const drafts = report.priorities.filter((p) => p.commentary?.status === 'draft');
  if (drafts.length)
    throw lanternError(
      'LANTERN_USAGE',
      `Approve or withdraw the draft commentary first: ${drafts.map((p) => `“${p.title}”`).join(', ')}.`,
    );
  const waiting = updatesAwaitingApproval(doc, report.date);
  if (waiting.length)
    throw lanternError(
      'LANTERN_USAGE',
      `Approve the action updates awaiting approval first: ${[...new Set(waiting.map((w) => `“${w.actionTitle}”`))].join(', ')}.`,
    );
  const releaseId = await newestReleaseId(db);
  return withScope(db, viewer, async (tx) => {
    if (await findEdition(tx, doc.id, report.date)) throw issuedAlready(report.date);
    const id = await insertEdition(tx, {
      strategyId: doc.id,
      laCode: doc.la,
      date: report.date,
      issuedBy: viewer?.displayName || actor.label,
      releaseId,
      report,
    });
    await audit(
      tx,
      actor,
      'report.issue',
      { kind: 'board-report-edition', id },
      { strategy: doc.id, date: report.date },
    );
    return id;
  });
}

export interface Edition extends Omit<EditionRow, 'report'> {
  report: BoardReport;
  /** A release imported after the edition was issued: the figures it shows are not the newest. */
  newerFigures: boolean;
}

export async function editionOn(
  db: Database,
  viewer: Viewer,
  strategyId: string,
  date: string,
): Promise<Edition | undefined> {
  const row = await withScope(db, viewer, (tx) => findEdition(tx, strategyId, date));
  if (!row) return undefined;
  const newest = await newestReleaseId(db);
  const report = row.report as BoardReport;
  // Editions issued before the "not enough data" count kept the three directions only.
  report.summary.noDirection ??=
    report.summary.targets -
    report.summary.improving -
    report.summary.declining -
    report.summary.noChange;
  return {
    ...row,
    report,
    newerFigures: newest !== null && (row.releaseId === null || newest > row.releaseId),
  };
}

export function editionsOf(db: Database, viewer: Viewer, strategyId: string) {
  return withScope(db, viewer, (tx) => listEditions(tx, strategyId));
}
