/**
 * What the strategy pages use: each read under the viewer's row security and audited (a
 * strategy is restricted until the board publishes it), and the status judged once per data
 * version, strategy change and day.
 */
import type { Actor } from '../../access/audit.service.js';
import { audit, listChangesOf } from '../../access/audit.service.js';
import type { Viewer } from '../../access/policy.js';
import type { Database } from '../../core/db.js';
import { boardReport, type BoardReport } from '../../reports/board-report.js';
import {
  approveCommentary,
  commentaryOn,
  editionOn,
  editionsOf,
  issueEdition,
  saveCommentary,
  type SignOff,
} from '../../reports/editions.service.js';
import {
  addActionUpdate,
  addLocalValues,
  approvePriorityUpdates,
  readActionUpdate,
} from '../../strategy/actions.service.js';
import { mayApprove } from '../../strategy/approval.js';
import { readLocalValues, type LocalValue } from '../../strategy/local-values.js';
import type { ActionUpdate } from '../../strategy/strategy-schema.js';
import {
  judgeStrategy,
  strategiesFor,
  strategyFor,
  strategyVersionFor,
  type StrategyStatus,
} from '../../strategy/strategy.service.js';
import type { createDataVersionCache } from './data-version-cache.js';

type Cache = ReturnType<typeof createDataVersionCache>;

export function createStrategiesService(db: Database, cache: Cache) {
  return {
    /** One LA's strategies the viewer may see (the list itself is not restricted detail). */
    ofLa: (viewer: Viewer, laCode: number) => strategiesFor(db, viewer, laCode),
    /** The strategy judged on today's figures; the read is recorded. */
    async status(
      viewer: Viewer,
      actor: Actor,
      id: string,
      today: string,
      page: string,
    ): Promise<StrategyStatus> {
      // One query says whether the viewer may see it and when it last changed (every edit of
      // it, its actions or local values moves that), so an unchanged strategy is judged once.
      const version = await strategyVersionFor(db, viewer, id);
      await audit(db, actor, 'read', { kind: 'strategy', id }, { page });
      return cache.get(`strategy-status:${id}:${today}:${version}`, async () =>
        judgeStrategy(db, id, await strategyFor(db, viewer, id), today),
      );
    },
    readUpdate: readActionUpdate,
    /** A local measure's values, typed or pasted one per line, checked then recorded. */
    localValues: {
      read: readLocalValues,
      add: (
        viewer: Viewer,
        actor: Actor,
        status: StrategyStatus,
        code: string,
        values: LocalValue[],
      ) => addLocalValues(db, viewer, actor, { ...status.strategy, id: status.id }, code, values),
    },
    /** Who changed what and when: the audit log's events on the strategy and its parts. */
    history: (id: string) => listChangesOf(db, id),
    addUpdate: (
      viewer: Viewer,
      actor: Actor,
      strategyId: string,
      actionKey: string,
      update: ActionUpdate,
    ) => addActionUpdate(db, viewer, actor, strategyId, actionKey, update),
    /** The board report: the issued edition for the date, or the live one with its commentary. */
    report: boardReports(db),
  };
}

export type StrategiesService = ReturnType<typeof createStrategiesService>;

/** The board report and its sign-off (reports/editions.service.ts). */
function boardReports(db: Database) {
  return {
    async on(viewer: Viewer, status: StrategyStatus, laName: string) {
      const edition = await editionOn(db, viewer, status.id, status.asOf);
      if (edition) return { report: edition.report, edition };
      const commentary = await commentaryOn(db, viewer, status.id, status.asOf);
      return { report: boardReport(status, laName, commentary), edition: undefined };
    },
    editions: (viewer: Viewer, id: string) => editionsOf(db, viewer, id),
    mayApprove,
    /** Drafting, approving and issuing, each as `viewer` on the strategy judged for its date. */
    signOff: (viewer: Viewer, actor: Actor, status: StrategyStatus) => {
      const step: SignOff = {
        db,
        viewer,
        actor,
        doc: { ...status.strategy, id: status.id },
        date: status.asOf,
      };
      return {
        saveCommentary: (priority: string, body: string) => saveCommentary(step, priority, body),
        approve: (priority: string) => approveCommentary(step, priority),
        approveUpdates: (priority: string) =>
          approvePriorityUpdates(db, viewer, actor, step.doc, step.date, priority),
        issue: (report: BoardReport) => issueEdition(step, report),
      };
    },
  };
}
