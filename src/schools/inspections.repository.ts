import type { Queryable } from '../core/db.js';
import {
  gradedJudgements,
  isUngraded,
  reportCardAreas,
  type InspectionFramework,
  type InspectionGrades,
} from './ofsted-grades.js';

/** One Ofsted inspection, grades as published (ADR 0015; the words are in ofsted-grades.ts). */
export interface InspectionRecord extends InspectionGrades {
  urn: number;
  inspectionNumber: string;
  inspectionType: string | null;
  /** ISO dates, YYYY-MM-DD. */
  startDate: string | null;
  endDate: string | null;
  publicationDate: string | null;
  categoryOfConcern: string | null;
}

export interface StoredInspection extends InspectionRecord {
  releaseId: number | null;
}

const batchSize = 2_000;

/**
 * Adds or replaces inspections by (URN, inspection number): a later file's account of an
 * inspection replaces an earlier one's. The rows must not repeat a key (the importer merges them).
 */
export async function saveInspections(
  tx: Queryable,
  rows: InspectionRecord[],
  releaseId: number,
): Promise<{ created: number; updated: number }> {
  let created = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const result = await tx.query<{ created: boolean }>(
      `insert into school_inspection (urn, inspection_number, framework, inspection_type, start_date,
         end_date, publication_date, overall_effectiveness, category_of_concern, safeguarding, judgements, release_id)
       select u, n, f, t, s, e, p, o, c, g, j::jsonb, $12
         from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::date[],
                     $8::text[], $9::text[], $10::text[], $11::text[]) as x(u, n, f, t, s, e, p, o, c, g, j)
       on conflict (urn, inspection_number) do update set framework = excluded.framework,
         inspection_type = excluded.inspection_type, start_date = excluded.start_date,
         end_date = excluded.end_date, publication_date = excluded.publication_date,
         overall_effectiveness = excluded.overall_effectiveness,
         category_of_concern = excluded.category_of_concern, safeguarding = excluded.safeguarding,
         judgements = excluded.judgements, release_id = excluded.release_id
       returning (xmax = 0) as created`,
      [
        batch.map((r) => r.urn),
        batch.map((r) => r.inspectionNumber),
        batch.map((r) => r.framework),
        batch.map((r) => r.inspectionType),
        batch.map((r) => r.startDate),
        batch.map((r) => r.endDate),
        batch.map((r) => r.publicationDate),
        batch.map((r) => r.overallEffectiveness),
        batch.map((r) => r.categoryOfConcern),
        batch.map((r) => r.safeguarding),
        batch.map((r) => JSON.stringify(r.judgements)),
        releaseId,
      ],
    );
    created += result.filter((r) => r.created).length;
  }
  return { created, updated: rows.length - created };
}

interface InspectionRow {
  urn: number;
  inspection_number: string;
  framework: InspectionFramework;
  inspection_type: string | null;
  start_date: string | null;
  end_date: string | null;
  publication_date: string | null;
  overall_effectiveness: string | null;
  category_of_concern: string | null;
  safeguarding: string | null;
  judgements: Record<string, string> | string;
  release_id: number | null;
}

const columns = `i.urn, i.inspection_number, i.framework, i.inspection_type,
  to_char(i.start_date, 'YYYY-MM-DD') as start_date, to_char(i.end_date, 'YYYY-MM-DD') as end_date,
  to_char(i.publication_date, 'YYYY-MM-DD') as publication_date, i.overall_effectiveness,
  i.category_of_concern, i.safeguarding, i.judgements, i.release_id`;

// Newest first: by start date, then publication, then the larger inspection number (they rise).
const newestFirst = `i.start_date desc nulls last, i.publication_date desc nulls last,
  length(i.inspection_number) desc, i.inspection_number desc`;

/** A school's inspections, newest first. */
export async function schoolInspections(db: Queryable, urn: number): Promise<StoredInspection[]> {
  const rows = await db.query<InspectionRow>(
    `select ${columns} from school_inspection i where i.urn = $1 order by ${newestFirst}`,
    [urn],
  );
  return rows.map(toInspection);
}

export interface LaInspection extends StoredInspection {
  schoolName: string;
}

export interface LatestOptions {
  /** Only inspections of this framework. */
  framework?: InspectionFramework;
  /**
   * Skip inspections that graded nothing (ofsted-grades isUngraded): a school's latest
   * inspection is then its latest graded one, as Ofsted's headline figures count it.
   */
  gradedOnly?: boolean;
}

/**
 * The latest inspection of each school the register places in the LA (by URN), for the LA list
 * and its measures. Schools with no inspection (of the framework asked for) are left out.
 */
export async function latestInspectionsForLa(
  db: Queryable,
  laCode: number,
  options: LatestOptions = {},
): Promise<LaInspection[]> {
  const rows = await db.query<InspectionRow & { school_name: string }>(
    `select ${columns}, s.name as school_name
       from school_inspection i join school s on s.urn = i.urn
      where s.la_code = $1 and ($2::text is null or i.framework = $2)
      order by i.urn, ${newestFirst}`,
    [laCode, options.framework ?? null],
  );
  const latest = new Map<number, LaInspection>();
  for (const r of rows) {
    if (latest.has(r.urn)) continue;
    const inspection = toInspection(r);
    if (options.gradedOnly && isUngraded(inspection)) continue;
    latest.set(r.urn, { ...inspection, schoolName: r.school_name });
  }
  return [...latest.values()];
}

// jsonb keeps no key order: judgements come back in the order Ofsted's files give them.
const judgementOrder: readonly string[] = [...reportCardAreas, ...gradedJudgements];
const place = (key: string) => {
  const at = judgementOrder.indexOf(key);
  return at < 0 ? judgementOrder.length : at;
};

function toInspection(r: InspectionRow): StoredInspection {
  const judgements = typeof r.judgements === 'string' ? JSON.parse(r.judgements) : r.judgements;
  const ordered = Object.keys(judgements as Record<string, string>).sort(
    (a, b) => place(a) - place(b) || a.localeCompare(b),
  );
  return {
    urn: r.urn,
    inspectionNumber: r.inspection_number,
    framework: r.framework,
    inspectionType: r.inspection_type,
    startDate: r.start_date,
    endDate: r.end_date,
    publicationDate: r.publication_date,
    overallEffectiveness: r.overall_effectiveness,
    categoryOfConcern: r.category_of_concern,
    safeguarding: r.safeguarding,
    judgements: Object.fromEntries(ordered.map((k) => [k, judgements[k] as string])),
    releaseId: r.release_id,
  };
}
