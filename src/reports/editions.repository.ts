/** The board report's commentary drafts and issued editions (SQL; migration 0007). */
import type { Queryable } from '../core/db.js';

export interface CommentaryRow {
  priorityKey: string;
  body: string;
  author: string;
  status: 'draft' | 'approved';
  approvedBy: string | null;
}

export async function listCommentary(
  tx: Queryable,
  strategyId: string,
  date: string,
): Promise<CommentaryRow[]> {
  const rows = await tx.query<{
    priority_key: string;
    body: string;
    author: string;
    status: 'draft' | 'approved';
    approved_by: string | null;
  }>(
    `select priority_key, body, author, status, approved_by from report_commentary
     where strategy_id = $1 and report_date = $2 order by priority_key`,
    [strategyId, date],
  );
  return rows.map((r) => ({
    priorityKey: r.priority_key,
    body: r.body,
    author: r.author,
    status: r.status,
    approvedBy: r.approved_by,
  }));
}

/** A new or changed draft: any earlier approval of it no longer stands. */
export async function saveCommentaryDraft(
  tx: Queryable,
  c: {
    strategyId: string;
    laCode: number;
    date: string;
    priorityKey: string;
    body: string;
    author: string;
  },
): Promise<void> {
  await tx.query(
    `insert into report_commentary (strategy_id, la_code, report_date, priority_key, body, author, status)
     values ($1, $2, $3, $4, $5, $6, 'draft')
     on conflict (strategy_id, report_date, priority_key) do update
       set body = excluded.body, author = excluded.author, status = 'draft', approved_by = null,
           updated_at = now()`,
    [c.strategyId, c.laCode, c.date, c.priorityKey, c.body, c.author],
  );
}

export async function approveCommentaryRow(
  tx: Queryable,
  strategyId: string,
  date: string,
  priorityKey: string,
  approvedBy: string,
): Promise<boolean> {
  const rows = await tx.query<{ priority_key: string }>(
    `update report_commentary set status = 'approved', approved_by = $4, updated_at = now()
     where strategy_id = $1 and report_date = $2 and priority_key = $3 and status = 'draft'
     returning priority_key`,
    [strategyId, date, priorityKey, approvedBy],
  );
  return rows.length > 0;
}

export interface EditionRow {
  id: string;
  date: string;
  issuedAt: string;
  issuedBy: string;
  releaseId: number | null;
  report: unknown;
}

const editionColumns = `id, report_date::text as date, issued_at, issued_by, release_id, report`;

function edition(r: Record<string, unknown>): EditionRow {
  return {
    id: r.id as string,
    date: r.date as string,
    issuedAt: new Date(r.issued_at as string).toISOString(),
    issuedBy: r.issued_by as string,
    releaseId: r.release_id === null ? null : Number(r.release_id),
    report: r.report,
  };
}

export async function findEdition(
  tx: Queryable,
  strategyId: string,
  date: string,
): Promise<EditionRow | undefined> {
  const [r] = await tx.query<Record<string, unknown>>(
    `select ${editionColumns} from board_report_edition where strategy_id = $1 and report_date = $2`,
    [strategyId, date],
  );
  return r ? edition(r) : undefined;
}

/** Every edition of the strategy, newest report date first (without the reports themselves). */
export async function listEditions(
  tx: Queryable,
  strategyId: string,
): Promise<Omit<EditionRow, 'report'>[]> {
  const rows = await tx.query<Record<string, unknown>>(
    `select id, report_date::text as date, issued_at, issued_by, release_id, null as report
     from board_report_edition where strategy_id = $1 order by report_date desc`,
    [strategyId],
  );
  return rows.map(edition);
}

export async function insertEdition(
  tx: Queryable,
  e: {
    strategyId: string;
    laCode: number;
    date: string;
    issuedBy: string;
    releaseId: number | null;
    report: unknown;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into board_report_edition (strategy_id, la_code, report_date, issued_by, release_id, report, demo)
     select $1, $2, $3, $4, $5, $6, s.demo from strategy s where s.id = $1
     returning id`,
    [e.strategyId, e.laCode, e.date, e.issuedBy, e.releaseId, JSON.stringify(e.report)],
  );
  return row!.id;
}

/** The newest release imported: an edition records it, so a later one says newer figures exist. */
export async function newestReleaseId(tx: Queryable): Promise<number | null> {
  const [r] = await tx.query<{ id: number | null }>('select max(id) as id from release');
  return r?.id ?? null;
}
