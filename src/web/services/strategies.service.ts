/**
 * What the strategy pages use: each read under the viewer's row security and audited (a
 * strategy is restricted until the board publishes it), and the status judged once per data
 * version, strategy change and day.
 */
import type { Actor } from '../../access/audit.service.js';
import { audit, listChangesOf } from '../../access/audit.service.js';
import type { StrategyAudience, Viewer } from '../../access/policy.js';
import { lanternError } from '../../core/errors.js';
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
import { publishedView } from '../../strategy/published.js';
import { publishStrategy } from '../../strategy/publishing.service.js';
import { addEvidence, downloadEvidence, evidenceOf } from '../../strategy/evidence.service.js';
import type { UploadedFile } from '../../strategy/evidence.js';
import { openStrategyText, saveStrategyText } from '../../strategy/strategy-edit.service.js';
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
    /** One LA's strategies the viewer may see: all of them for its staff, else the published. */
    async ofLa(viewer: Viewer, laCode: number, audience: StrategyAudience) {
      const list = await strategiesFor(db, viewer, laCode);
      return audience === 'la' ? list : list.filter((s) => s.published);
    },
    /**
     * The strategy judged on today's figures. The LA's own staff read all of it, and the read is
     * recorded; anyone else reads what a published strategy shows (strategy/published.ts).
     */
    status: judgedStatus(db, cache),
    /** Publishes the strategy (true) or withdraws it (false): the lead's decision, audited. */
    publish: (viewer: Viewer, actor: Actor, status: StrategyStatus, published: boolean) =>
      publishStrategy(db, viewer, actor, { ...status.strategy, id: status.id }, published),
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
    /** Files uploaded as an action's evidence: the LA's own staff's (strategy/evidence.service.ts). */
    evidence: evidenceFiles(db),
    /** The whole strategy edited as its file text, with the import's checks (one transaction). */
    edit: strategyTexts(db),
    /** The board report: the issued edition for the date, or the live one with its commentary. */
    report: boardReports(db),
  };
}

export type StrategiesService = ReturnType<typeof createStrategiesService>;

/** The strategy as the audience may see it, judged once per version, day and audience. */
function judgedStatus(db: Database, cache: Cache) {
  return async (
    viewer: Viewer,
    actor: Actor,
    id: string,
    today: string,
    page: string,
    audience: StrategyAudience,
  ): Promise<StrategyStatus> => {
    // One query says whether the viewer may see it and when it last changed (every edit of
    // it, its actions or local values moves that), so an unchanged strategy is judged once.
    const version = await strategyVersionFor(db, viewer, id).catch((e: unknown) => {
      throw audience === 'public' ? notPublished(viewer) : e;
    });
    if (audience === 'la') await audit(db, actor, 'read', { kind: 'strategy', id }, { page });
    // Keyed by audience too: the public's copy lacks what only the LA's staff may read.
    return cache.get(`strategy-status:${audience}:${id}:${today}:${version}`, async () => {
      const doc = await strategyFor(db, viewer, id);
      const shown = audience === 'la' ? doc : publishedView(doc);
      if (!shown) throw notPublished(viewer);
      return judgeStrategy(db, id, shown, today);
    });
  };
}

/** A strategy someone outside its LA asked for that is not published (or does not exist). */
function notPublished(viewer: Viewer) {
  return viewer
    ? lanternError(
        'LANTERN_FORBIDDEN',
        "This strategy is not published: only the LA's own staff and its board can see it.",
      )
    : lanternError(
        'LANTERN_SIGN_IN_NEEDED',
        'This strategy is not published: sign in with an account of its LA to see it.',
      );
}

function evidenceFiles(db: Database) {
  return {
    list: (viewer: Viewer, strategyId: string, actionKey?: string) =>
      evidenceOf(db, viewer, strategyId, actionKey),
    add: (
      viewer: Viewer,
      actor: Actor,
      place: { strategyId: string; actionKey: string },
      upload: { title: string; file: UploadedFile | undefined },
    ) => addEvidence(db, viewer, actor, place, upload),
    download: (viewer: Viewer, actor: Actor, strategyId: string, id: string) =>
      downloadEvidence(db, viewer, actor, strategyId, id),
  };
}

/** Opening a strategy's text to edit, and saving it (strategy/strategy-edit.service.ts). */
function strategyTexts(db: Database) {
  return {
    open: (viewer: Viewer, id: string) => openStrategyText(db, viewer, id),
    save: (viewer: Viewer, actor: Actor, edit: { id: string; text: string; version: string }) =>
      saveStrategyText(db, viewer, actor, edit),
  };
}

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
