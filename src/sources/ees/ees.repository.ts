import type { Queryable } from '../../core/db.js';

/** Deletes a measure's observations for these year labels (an EES import replaces the years its file holds). */
export async function deleteObservationsForYears(
  tx: Queryable,
  measureCode: string,
  yearLabels: string[],
): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `with gone as (delete from observation where measure_code = $1 and year_label = any($2::text[]) returning 1)
     select count(*) as n from gone`,
    [measureCode, yearLabels],
  );
  return rows[0]?.n ?? 0;
}

/** The codes among these that name a measure in the database. */
/** Of these codes, the measures another source defined (LAIT's dictionary), with it: the demo goes with any import. */
export async function measuresFromOtherSources(
  db: Queryable,
  codes: string[],
): Promise<{ code: string; source: string }[]> {
  return db.query<{ code: string; source: string }>(
    `select m.code, r.source from measure m join release r on r.id = m.release_id
      where m.code = any($1::text[]) and r.source not in ('ees', 'demo') order by m.code`,
    [codes],
  );
}

export async function existingMeasureCodes(db: Queryable, codes: string[]): Promise<Set<string>> {
  const rows = await db.query<{ code: string }>(
    'select code from measure where code = any($1::text[])',
    [codes],
  );
  return new Set(rows.map((r) => r.code));
}
