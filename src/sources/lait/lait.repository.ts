import type { Queryable } from '../../core/db.js';
import { restoreRowTriggers, skipRowTriggers } from '../../store/row-triggers.js';
import { AreaSets } from '../shared/removals.js';
import type { ObservationColumns } from './bds.js';

/** Rows per insert statement: big enough to be fast, small enough for the server's message size. */
const batchSize = 100_000;

async function checkReferences(tx: Queryable, releaseId: number): Promise<void> {
  const [row] = await tx.query<{ n: number }>(
    `select count(*)::int as n from observation o
      where o.release_id = $1
        and (not exists (select 1 from area a where a.code = o.area_code)
             or not exists (select 1 from measure m where m.code = o.measure_code))`,
    [releaseId],
  );
  if (row && row.n > 0)
    throw new Error(`${row.n} observations refer to an unknown measure or area`);
}

const observationColumns = [
  'measure_code',
  'area_code',
  'year_label',
  'year_number',
  'value',
  'suppression',
  'release_id',
];

/** CSV for COPY: text always quoted (codes contain spaces and commas), an empty unquoted field is NULL. */
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

function observationCsv(
  obs: ObservationColumns,
  start: number,
  end: number,
  releaseId: number,
): string {
  const lines = new Array<string>(end - start);
  for (let i = start; i < end; i++) {
    const v = obs.value[i];
    const s = obs.suppression[i];
    // String(number) is the shortest text that reads back as the same float8: nothing is lost.
    lines[i - start] =
      `${quote(obs.measureCode[i]!)},${obs.areaCode[i]},${quote(obs.yearLabel[i]!)},${obs.yearNumber[i]},` +
      `${v === null || v === undefined ? '' : String(v)},${s === null || s === undefined ? '' : quote(s)},${releaseId}`;
  }
  return lines.join('\n') + '\n';
}

/**
 * Replaces every observation of `measureCodes` with `obs`: delete, then insert in batches of
 * `unnest`ed arrays (one statement per batch; the same SQL on PGlite and a PostgreSQL server).
 * Deleting first drops rows the new files no longer have and avoids costly ON CONFLICT checks.
 */
export async function replaceObservations(
  tx: Queryable,
  measureCodes: string[],
  obs: ObservationColumns,
  releaseId: number,
  onProgress: (done: number) => void = () => {},
): Promise<void> {
  await tx.query('delete from observation where measure_code = any($1::text[])', [measureCodes]);
  const total = obs.measureCode.length;
  const skipped = await skipRowTriggers(tx);
  if (tx.copyCsv) {
    // In-process COPY (PGlite), with the two indexes (migration 0001) rebuilt once at the end
    // rather than maintained row by row: about 2.5 s instead of 5 s for LAIT's 640k rows.
    // Re-adding the primary key re-checks that no (measure, area, year) appears twice.
    await tx.query('alter table observation drop constraint observation_pkey');
    await tx.query('drop index observation_area_idx');
    for (let start = 0; start < total; start += batchSize) {
      const end = Math.min(start + batchSize, total);
      await tx.copyCsv(
        'observation',
        observationColumns,
        observationCsv(obs, start, end, releaseId),
      );
      onProgress(end);
    }
    await tx.query('alter table observation add primary key (measure_code, area_code, year_label)');
    await tx.query('create index observation_area_idx on observation (area_code, measure_code)');
  } else {
    for (let start = 0; start < total; start += batchSize) {
      const end = Math.min(start + batchSize, total);
      await tx.query(
        `insert into observation (measure_code, area_code, year_label, year_number, value, suppression, release_id)
         select m, a, yl, yn, v, s, $7 from unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::float8[], $6::text[])
           as t(m, a, yl, yn, v, s)`,
        [
          obs.measureCode.slice(start, end),
          obs.areaCode.slice(start, end),
          obs.yearLabel.slice(start, end),
          obs.yearNumber.slice(start, end),
          obs.value.slice(start, end),
          obs.suppression.slice(start, end),
          releaseId,
        ],
      );
      onProgress(end);
    }
  }
  if (skipped) {
    await restoreRowTriggers(tx);
    await checkReferences(tx, releaseId);
  }
}

/** A measure the store holds from an earlier LAIT release that the dictionary being imported lacks. */
export interface LaitMeasureHeld {
  code: string;
  /** Its metadata came from a LAIT dictionary (not an EES mapping). */
  laitDefined: boolean;
  /** Observations a LAIT release gave it. */
  laitRows: number;
  /** Observations another source gave it (an EES import's years): they, and the measure, stay. */
  otherRows: number;
}

/**
 * The measures, other than `codes`, that a LAIT release gave their definition or any observation.
 * Observations another source gave (an EES import's years) are not LAIT's and are left to it.
 */
export async function laitMeasuresBesides(
  tx: Queryable,
  codes: string[],
): Promise<LaitMeasureHeld[]> {
  // The measure table is small (hundreds of rows): filter it first, then count through the key's index.
  const measures = await tx.query<{ code: string; lait_defined: boolean }>(
    `select m.code, coalesce(r.source = 'lait', false) as lait_defined
       from measure m left join release r on r.id = m.release_id
      where not (m.code = any($1::text[]))`,
    [codes],
  );
  if (measures.length === 0) return [];
  const counts = await tx.query<{ code: string; lait: number; other: number }>(
    `select o.measure_code as code,
            count(*) filter (where r.source = 'lait')::int as lait,
            count(*) filter (where r.source is distinct from 'lait')::int as other
       from observation o left join release r on r.id = o.release_id
      where o.measure_code = any($1::text[])
      group by o.measure_code`,
    [measures.map((m) => m.code)],
  );
  const rows = new Map(counts.map((c) => [c.code, c]));
  return measures
    .map((m) => ({
      code: m.code,
      laitDefined: m.lait_defined,
      laitRows: rows.get(m.code)?.lait ?? 0,
      otherRows: rows.get(m.code)?.other ?? 0,
    }))
    .filter((m) => m.laitDefined || m.laitRows > 0)
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The areas with a figure (removals.ts holdsFigure) per measure and year that LAIT releases gave these measures. */
export async function laitFiguresHeld(tx: Queryable, codes: string[]): Promise<AreaSets> {
  const sets = new AreaSets();
  if (codes.length === 0) return sets;
  const rows = await tx.query<{ m: string; y: string; a: number[] }>(
    `select o.measure_code as m, o.year_label as y, array_agg(o.area_code) as a
       from observation o join release r on r.id = o.release_id
      where r.source = 'lait' and o.measure_code = any($1::text[])
        and (o.value is not null or o.suppression is not null)
      group by o.measure_code, o.year_label`,
    [codes],
  );
  for (const r of rows) for (const area of r.a) sets.add(r.m, r.y, Number(area));
  return sets;
}

/**
 * Removes what LAIT releases gave these measures: their observations, then the measure itself
 * (its benchmarks go with it) when it was LAIT's and no other source's observation is left.
 */
export async function removeLaitMeasures(tx: Queryable, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await tx.query(
    `delete from observation o using release r
      where r.id = o.release_id and r.source = 'lait' and o.measure_code = any($1::text[])`,
    [codes],
  );
  await tx.query(
    `delete from measure m using release r
      where r.id = m.release_id and r.source = 'lait' and m.code = any($1::text[])
        and not exists (select 1 from observation o where o.measure_code = m.code)`,
    [codes],
  );
}
