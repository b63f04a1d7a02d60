/** Files uploaded as an action's evidence (migrations/0010_evidence_files.sql). */
import type { Queryable } from '../core/db.js';

/** An uploaded file as pages list it: everything but its contents. */
export interface EvidenceFile {
  id: string;
  actionKey: string;
  title: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

const columns = `id, action_key, title, file_name, media_type, byte_size, sha256, uploaded_by,
  uploaded_at`;

const fromRow = (r: Record<string, unknown>): EvidenceFile => ({
  id: String(r.id),
  actionKey: String(r.action_key),
  title: String(r.title),
  fileName: String(r.file_name),
  mediaType: String(r.media_type),
  byteSize: Number(r.byte_size),
  sha256: String(r.sha256),
  uploadedBy: String(r.uploaded_by),
  uploadedAt: new Date(r.uploaded_at as string).toISOString(),
});

export async function insertEvidenceFile(
  tx: Queryable,
  file: Omit<EvidenceFile, 'id' | 'uploadedAt'> & {
    strategyId: string;
    laCode: number;
    content: Buffer;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into evidence_file (strategy_id, la_code, action_key, title, file_name, media_type,
       byte_size, sha256, content, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [
      file.strategyId,
      file.laCode,
      file.actionKey,
      file.title,
      file.fileName,
      file.mediaType,
      file.byteSize,
      file.sha256,
      file.content,
      file.uploadedBy,
    ],
  );
  return row!.id;
}

/** A strategy's uploaded files (one action's, given its key), newest first. */
export async function listEvidenceFiles(
  db: Queryable,
  strategyId: string,
  actionKey?: string,
): Promise<EvidenceFile[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select ${columns} from evidence_file where strategy_id = $1 and ($2::text is null or action_key = $2)
     order by uploaded_at desc, id`,
    [strategyId, actionKey ?? null],
  );
  return rows.map(fromRow);
}

/** One file with its contents, or undefined (none with the id, or hidden by row security). */
export async function readEvidenceFile(
  db: Queryable,
  strategyId: string,
  id: string,
): Promise<(EvidenceFile & { content: Buffer }) | undefined> {
  const [row] = await db.query<Record<string, unknown>>(
    `select ${columns}, content from evidence_file where strategy_id = $1 and id = $2`,
    [strategyId, id],
  );
  if (!row) return undefined;
  const content = row.content as Uint8Array;
  return {
    ...fromRow(row),
    content: Buffer.from(content.buffer, content.byteOffset, content.length),
  };
}
