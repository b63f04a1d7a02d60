/**
 * Editing a whole strategy as its file text, on the web: read with the very checks of `lantern
 * strategy import` (strategy-file.ts), then refused if it would lose the strategy's record
 * (strategy-edit.ts) or if someone else changed the strategy since the text was opened, else
 * written in place in one transaction under the editor's row security, and audited.
 */
import { audit, type Actor } from '../access/audit.service.js';
import type { Viewer } from '../access/policy.js';
import { withScope } from '../access/row-security.js';
import type { Database } from '../core/db.js';
import { LanternError, lanternError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import { readStrategyVersion } from './actions.repository.js';
import { mayApprove } from './approval.js';
import { addedUpdates, contentCounts, editRefusals, type ContentCounts } from './strategy-edit.js';
import {
  lockStrategyVersion,
  prioritiesWithCommentary,
  replaceContents,
} from './strategy-edit.repository.js';
import { listEvidenceFiles } from './evidence.repository.js';
import { readStrategyFile, strategyToYaml } from './strategy-file.js';
import { measureCatalogue, requireStrategy } from './strategy.service.js';
import type { StrategyDocument } from './strategy-schema.js';

/** The strategy's text to edit, and its version: saving checks nobody changed it since. */
export interface StrategyText {
  text: string;
  version: string;
}

/** What stops a save: a problem in the text (with its place, when it has one) or a refusal. */
export interface EditProblem {
  message: string;
  line?: number | undefined;
  column?: number | undefined;
  /** The field as the file names it: priorities[1].aims[2].title. */
  field?: string | undefined;
}

export type EditOutcome =
  | { saved: true; before: ContentCounts; after: ContentCounts; addedUpdates: number }
  /** The text says what the strategy already says: nothing written, nothing audited. */
  | { saved: false; unchanged: true }
  | { saved: false; problems: EditProblem[] };

const notFound = (id: string) =>
  lanternError('LANTERN_STRATEGY_NOT_FOUND', `No strategy has the id "${id}".`);

/** The strategy's text as the viewer may see it (row security hides another LA's: not found). */
export async function openStrategyText(
  db: Database,
  viewer: Viewer,
  id: string,
): Promise<StrategyText> {
  if (!isUuid(id)) throw notFound(id);
  return withScope(db, viewer, async (tx) => {
    // The version first: a change landing between the two reads then looks newer than the
    // version (refused on saving, so reloaded), never older (and saved over unseen).
    const version = await readStrategyVersion(tx, id);
    if (version === undefined) throw notFound(id);
    return { text: strategyToYaml(await requireStrategy(tx, id)), version };
  });
}

/** The text checked as a strategy file: the strategy, or every problem with its line and column. */
async function readText(
  db: Database,
  text: string,
): Promise<{ doc: StrategyDocument } | { problems: EditProblem[] }> {
  try {
    // A browser sends a textarea's lines ending CR LF.
    const source = text.replace(/\r\n?/g, '\n');
    return { doc: readStrategyFile(source, 'the strategy text', await measureCatalogue(db)) };
  } catch (error) {
    if (!(error instanceof LanternError) || error.code !== 'LANTERN_STRATEGY_INVALID') throw error;
    return {
      problems: error.problems.map((p) => ({
        message: p.problem ?? p.expected,
        line: p.line,
        column: p.lineColumn,
        field: p.field,
      })),
    };
  }
}

export const staleMessage =
  'Someone else changed this strategy since you opened it: your changes were not saved. Copy your text, reload the page to see the strategy as it is now, and make your changes to it again.';

/**
 * Saves `text` as the whole strategy `id`, if `version` is still its version; nothing changes on
 * any problem. New progress updates from someone who does not sign the strategy off await the
 * lead's approval, as on the action's page.
 */
export async function saveStrategyText(
  db: Database,
  viewer: Viewer,
  actor: Actor,
  edit: { id: string; text: string; version: string },
): Promise<EditOutcome> {
  if (!isUuid(edit.id)) throw notFound(edit.id);
  const read = await readText(db, edit.text);
  if ('problems' in read) return { saved: false, problems: read.problems };
  const doc = read.doc;
  return withScope(db, viewer, async (tx): Promise<EditOutcome> => {
    const version = await lockStrategyVersion(tx, edit.id);
    if (version === undefined) throw notFound(edit.id);
    if (version !== edit.version) return { saved: false, problems: [{ message: staleMessage }] };
    const before = await requireStrategy(tx, edit.id);
    const context = {
      mayApprove: mayApprove(viewer, before),
      commentaryOn: await prioritiesWithCommentary(tx, edit.id),
      evidenceOn: new Set((await listEvidenceFiles(tx, edit.id)).map((f) => f.actionKey)),
    };
    const refusals = editRefusals(before, doc, context);
    if (refusals.length > 0)
      return { saved: false, problems: refusals.map((message) => ({ message })) };
    if (strategyToYaml(doc) === strategyToYaml(before)) return { saved: false, unchanged: true };
    const added = addedUpdates(before, doc, context);
    await replaceContents(tx, edit.id, doc, added);
    const outcome = {
      saved: true as const,
      before: contentCounts(before),
      after: contentCounts(doc),
      addedUpdates: added.length,
    };
    await audit(
      tx,
      actor,
      'strategy.edit',
      { kind: 'strategy', id: edit.id },
      {
        title: doc.title,
        before: outcome.before,
        after: outcome.after,
        addedUpdates: outcome.addedUpdates,
      },
    );
    return outcome;
  });
}
