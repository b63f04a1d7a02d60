/**
 * An action's evidence as uploaded files: checked (evidence.ts), written under the uploader's
 * row security with the audit entry in one transaction, and every download audited, since a
 * file may name pupils or staff. Only the LA's own staff read them (migrations/0010).
 */
import { createHash } from 'node:crypto';
import { audit, type Actor } from '../access/audit.service.js';
import type { Viewer } from '../access/policy.js';
import { withScope } from '../access/row-security.js';
import type { Database } from '../core/db.js';
import { lanternError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import { findAction, touchStrategy } from './actions.repository.js';
import { checkEvidenceFile, safeFileName, type UploadedFile } from './evidence.js';
import {
  insertEvidenceFile,
  listEvidenceFiles,
  readEvidenceFile,
  type EvidenceFile,
} from './evidence.repository.js';

export type { EvidenceFile };

/** Why an upload was refused, by the form field it is about. */
export interface EvidenceProblem {
  field: 'title' | 'file';
  message: string;
}

/** Checks and stores one file as the action's evidence; the problems instead, storing nothing. */
export async function addEvidence(
  db: Database,
  viewer: Viewer,
  actor: Actor,
  place: { strategyId: string; actionKey: string },
  upload: { title: string; file: UploadedFile | undefined },
): Promise<{ id: string } | { problems: EvidenceProblem[] }> {
  const problems: EvidenceProblem[] = [];
  const title = upload.title.trim();
  if (!title) problems.push({ field: 'title', message: 'Enter what the file shows' });
  else if (title.length > 300)
    problems.push({
      field: 'title',
      message: 'What the file shows must be 300 characters or fewer',
    });
  const checked = upload.file ? checkEvidenceFile(upload.file) : { problem: 'Select a file' };
  if ('problem' in checked) problems.push({ field: 'file', message: checked.problem });
  if (problems.length || !('mediaType' in checked) || !upload.file) return { problems };
  const file = upload.file;
  return withScope(db, viewer, async (tx) => {
    const action = await findAction(tx, place.strategyId, place.actionKey);
    if (!action)
      throw lanternError(
        'LANTERN_STRATEGY_NOT_FOUND',
        `The strategy has no action "${place.actionKey}".`,
      );
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const fileName = safeFileName(file.name);
    const id = await insertEvidenceFile(tx, {
      strategyId: place.strategyId,
      laCode: action.laCode,
      actionKey: place.actionKey,
      title,
      fileName,
      mediaType: checked.mediaType,
      byteSize: file.bytes.length,
      sha256,
      content: file.bytes,
      uploadedBy: viewer?.displayName ?? actor.label,
    });
    await touchStrategy(tx, place.strategyId);
    await audit(
      tx,
      actor,
      'strategy.action.evidence',
      { kind: 'strategy-action', id: `${place.strategyId}/${place.actionKey}` },
      { file: fileName, title, bytes: file.bytes.length, sha256, evidence: id },
    );
    return { id };
  });
}

/** The files of one action (or of the whole strategy), without their contents. */
export function evidenceOf(
  db: Database,
  viewer: Viewer,
  strategyId: string,
  actionKey?: string,
): Promise<EvidenceFile[]> {
  return withScope(db, viewer, (tx) => listEvidenceFiles(tx, strategyId, actionKey));
}

/** One file to download; the read is recorded. */
export async function downloadEvidence(
  db: Database,
  viewer: Viewer,
  actor: Actor,
  strategyId: string,
  id: string,
): Promise<EvidenceFile & { content: Buffer }> {
  const file = isUuid(id)
    ? await withScope(db, viewer, (tx) => readEvidenceFile(tx, strategyId, id))
    : undefined;
  if (!file) throw lanternError('LANTERN_STRATEGY_NOT_FOUND', 'The strategy has no such file.');
  await audit(db, actor, 'read', { kind: 'evidence-file', id }, { file: file.fileName });
  return file;
}
