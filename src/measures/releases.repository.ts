import type { Queryable } from '../core/db.js';

/**
 * Releases: one row per imported file (LAIT, EES) or demo load. Measures, observations and
 * neighbour sets point at the release they came from, which is how a page names its source.
 */

export interface NewRelease {
  source: 'lait' | 'ees' | 'demo' | 'performance-tables' | 'gias' | 'ofsted' | 'ees-schools';
  description: string;
  fileName: string;
  checksumSha256: string;
  rowCount: number;
  details?: Record<string, unknown>;
}

export async function recordRelease(tx: Queryable, r: NewRelease): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into release (source, description, file_name, checksum_sha256, row_count, details)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      r.source,
      r.description,
      r.fileName,
      r.checksumSha256,
      r.rowCount,
      JSON.stringify(r.details ?? {}),
    ],
  );
  return row!.id;
}

export interface Release extends NewRelease {
  id: number;
  importedAt: string;
}

export async function listReleases(db: Queryable): Promise<Release[]> {
  const rows = await db.query<{
    id: number;
    source: NewRelease['source'];
    description: string;
    file_name: string;
    checksum_sha256: string;
    row_count: number;
    imported_at: Date | string;
  }>(
    'select id, source, description, file_name, checksum_sha256, row_count, imported_at from release order by id',
  );
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    description: r.description,
    fileName: r.file_name,
    checksumSha256: r.checksum_sha256,
    rowCount: r.row_count,
    importedAt: new Date(r.imported_at).toISOString(),
  }));
}
