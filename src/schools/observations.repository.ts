import type { Queryable } from '../core/db.js';
import { columnsToCopyCsv } from '../store/copy-csv.js';
import { restoreRowTriggers, skipRowTriggers } from '../store/row-triggers.js';

/** One stored cell: a figure, a marker beside a null, or text (ADR 0015). */
export interface StoredFigure {
  code: string;
  value: number | null;
  marker: string | null;
  text: string | null;
}

export interface FiguresOf<K> {
  key: K;
  figures: StoredFigure[];
}

export interface MeasureColumn {
  code: string;
  label: string;
  kind: 'number' | 'text';
}

/** Records what each column means; a later file's label replaces an earlier one's. */
export async function saveSchoolMeasures(
  tx: Queryable,
  publication: string,
  columns: MeasureColumn[],
  releaseId: number,
): Promise<void> {
  if (columns.length === 0) return;
  await tx.query(
    `insert into school_measure (publication, code, label, kind, release_id)
     select $1, c, l, k, $5 from unnest($2::text[], $3::text[], $4::text[]) as t(c, l, k)
     on conflict (publication, code) do update set label = excluded.label, kind = excluded.kind,
       release_id = excluded.release_id`,
    [
      publication,
      columns.map((c) => c.code),
      columns.map((c) => c.label),
      columns.map((c) => c.kind),
      releaseId,
    ],
  );
}

const batchRows = 50_000;

/** A figure's columns after its row's key, in the order writeRows fills them. */
const figureColumns = ['value', 'marker', 'text_value', 'release_id'];

/** The id of each column of a publication (saveSchoolMeasures has recorded them all). */
async function measureIds(tx: Queryable, publication: string): Promise<Map<string, number>> {
  const rows = await tx.query<{ code: string; id: number }>(
    'select code, id from school_measure where publication = $1',
    [publication],
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

/**
 * Replaces the figures of these schools for one publication and year: a school the file lists
 * gets exactly the file's figures; schools the file does not list keep theirs (an LA's download
 * never removes another LA's schools). Returns how many figures were replaced.
 */
export async function replaceSchoolFigures(
  tx: Queryable,
  publication: string,
  year: { label: string; first: number },
  rows: FiguresOf<number>[],
  releaseId: number,
): Promise<number> {
  const urns = rows.map((r) => r.key);
  const gone = await tx.query<{ n: number }>(
    `with gone as (delete from school_observation o using school_measure m
       where m.id = o.measure_id and m.publication = $1 and o.year_number = $2
         and o.urn = any($3::int[]) returning 1) select count(*)::int as n from gone`,
    [publication, year.first, urns],
  );
  const ids = await measureIds(tx, publication);
  const idOf = (code: string) => {
    const id = ids.get(code);
    // A programming error, not bad input: every importer records its columns first.
    if (id === undefined) throw new Error(`${publication} ${code}: saveSchoolMeasures first`);
    return id;
  };
  const skipped = await skipRowTriggers(tx);
  await writeRows(
    tx,
    'school_observation',
    ['urn', 'measure_id', 'year_number', ...figureColumns],
    rows,
    (urn, f) => [urn, idOf(f.code), year.first],
    releaseId,
  );
  if (skipped) {
    await restoreRowTriggers(tx);
    await checkFigureReferences(tx, urns, year.first, releaseId);
  }
  return gone[0]?.n ?? 0;
}

/** What the skipped foreign-key triggers would have checked, for the figures just written. */
async function checkFigureReferences(
  tx: Queryable,
  urns: number[],
  year: number,
  releaseId: number,
): Promise<void> {
  const [row] = await tx.query<{ n: number }>(
    `select count(*)::int as n from school_observation o
      where o.urn = any($1::int[]) and o.year_number = $2 and o.release_id = $3
        and (not exists (select 1 from school_measure m where m.id = o.measure_id)
             or not exists (select 1 from release r where r.id = o.release_id))`,
    [urns, year, releaseId],
  );
  if (row && row.n > 0) throw new Error(`${row.n} school figures refer to an unknown measure`);
}

/** The same for the LA and England rows of a file, keyed by area and row kind. */
export async function replaceAreaFigures(
  tx: Queryable,
  publication: string,
  year: { label: string; first: number },
  rows: FiguresOf<{ areaCode: number; rowKind: string }>[],
  releaseId: number,
): Promise<void> {
  // One statement for every total row of the file (a demo file has hundreds).
  await tx.query(
    `delete from school_area_observation o
      using unnest($3::int[], $4::text[]) as t(area_code, row_kind)
      where o.publication = $1 and o.year_label = $2
        and o.area_code = t.area_code and o.row_kind = t.row_kind`,
    [publication, year.label, rows.map((r) => r.key.areaCode), rows.map((r) => r.key.rowKind)],
  );
  await writeRows(
    tx,
    'school_area_observation',
    ['area_code', 'row_kind', 'publication', 'code', 'year_label', 'year_number', ...figureColumns],
    rows,
    (k, f) => [k.areaCode, k.rowKind, publication, f.code, year.label, year.first],
    releaseId,
  );
}

/** Writes rows as parallel columns: COPY on PGlite, unnest on a server (the same rows either way). */
async function writeRows<K>(
  tx: Queryable,
  table: string,
  columns: string[],
  rows: FiguresOf<K>[],
  keyCells: (key: K, figure: StoredFigure) => unknown[],
  releaseId: number,
): Promise<void> {
  const width = columns.length;
  let buffer: unknown[][] = columns.map(() => []);
  const flush = async () => {
    if (buffer[0]!.length === 0) return;
    if (tx.copyCsv) await tx.copyCsv(table, columns, columnsToCopyCsv(buffer));
    else await insertUnnest(tx, table, columns, buffer);
    buffer = columns.map(() => []);
  };
  for (const r of rows) {
    for (const f of r.figures) {
      const cells = [...keyCells(r.key, f), f.value, f.marker, f.text, releaseId];
      for (let c = 0; c < width; c++) buffer[c]!.push(cells[c]);
    }
    if (buffer[0]!.length >= batchRows) await flush();
  }
  await flush();
}

const sqlTypes: Record<string, string> = {
  urn: 'int',
  area_code: 'int',
  measure_id: 'int',
  year_number: 'int',
  value: 'float8',
  release_id: 'int',
};

async function insertUnnest(tx: Queryable, table: string, columns: string[], buffer: unknown[][]) {
  const arrays = columns.map((c, i) => `$${i + 1}::${sqlTypes[c] ?? 'text'}[]`).join(', ');
  await tx.query(
    `insert into ${table} (${columns.join(', ')}) select * from unnest(${arrays})`,
    buffer,
  );
}
