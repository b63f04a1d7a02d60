import type { Queryable } from '../core/db.js';
import { columnsToCopyCsv } from '../store/copy-csv.js';
import type { ChangeDirection, CutPoints, LaBenchmark, QuartileBand } from './benchmark.js';
import type { MeasureBenchmarks } from './engine.js';

/** Rows per insert statement: keeps each parameter array a sensible size on both engines. */
const batchSize = 20_000;

/** Deletes the precomputed rows of these measures (all when omitted). */
export async function deleteBenchmarks(tx: Queryable, measureCodes?: string[]): Promise<void> {
  for (const table of ['benchmark', 'benchmark_cut_points']) {
    if (measureCodes)
      await tx.query(`delete from ${table} where measure_code = any($1::text[])`, [measureCodes]);
    else await tx.query(`delete from ${table}`);
  }
}

/**
 * Bulk-inserts computed benchmarks with `unnest` of arrays (PGlite and PostgreSQL 15 alike):
 * cut points for every year, LA rows for each measure's latest year only. Scorecards read those;
 * any other year is computed on demand for its one measure (fast), which keeps an import of all
 * of LAIT from writing ~600,000 rows nobody reads.
 */
export async function insertBenchmarks(tx: Queryable, results: MeasureBenchmarks[]): Promise<void> {
  const cuts = {
    m: [] as string[],
    yl: [] as string[],
    yn: [] as number[],
    n: [] as number[],
    latest: [] as boolean[],
  };
  const q: (number | null)[][] = [[], [], [], [], []];
  for (const m of results) {
    for (const y of m.years) {
      cuts.m.push(m.measureCode);
      cuts.yl.push(y.yearLabel);
      cuts.yn.push(y.yearNumber);
      cuts.n.push(y.cutPoints?.laCount ?? 0);
      cuts.latest.push(y.isLatest);
      const c = y.cutPoints;
      q[0]!.push(c?.q0 ?? null);
      q[1]!.push(c?.q25 ?? null);
      q[2]!.push(c?.q50 ?? null);
      q[3]!.push(c?.q75 ?? null);
      q[4]!.push(c?.q100 ?? null);
    }
  }
  if (cuts.m.length > 0) {
    await tx.query(
      `insert into benchmark_cut_points (measure_code, year_label, year_number, la_count, q0, q25, q50, q75, q100, is_latest)
       select * from unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::float8[], $6::float8[], $7::float8[],
                            $8::float8[], $9::float8[], $10::boolean[])`,
      [cuts.m, cuts.yl, cuts.yn, cuts.n, ...q, cuts.latest],
    );
  }
  let batch = newBatch();
  for (const m of results) {
    for (const y of m.years) {
      if (!y.isLatest) continue;
      for (let k = 0; k < y.rowCount; k++) {
        pushRow(batch, m.measureCode, y.yearLabel, y.row(k));
        if (batch[0]!.length >= batchSize) {
          await insertBatch(tx, batch);
          batch = newBatch();
        }
      }
    }
  }
  if (batch[0]!.length > 0) await insertBatch(tx, batch);
}

type Batch = unknown[][];

const rowColumns = 18;

function newBatch(): Batch {
  return Array.from({ length: rowColumns }, () => []);
}

function pushRow(b: Batch, measureCode: string, yearLabel: string, r: LaBenchmark): void {
  b[0]!.push(measureCode);
  b[1]!.push(yearLabel);
  const rest = [
    r.laCode,
    r.value,
    r.rank,
    r.rankOf,
    r.quartileBand,
    r.statisticalNeighboursAverage,
    r.statisticalNeighboursWithValue,
    r.regionCode,
    r.regionValue,
    r.englandValue,
    r.previousYearLabel,
    r.changeFromPrevious,
    r.changeDirection,
    r.distanceToNextBand,
    r.nextBand,
    r.distanceToEngland,
  ];
  for (let i = 0; i < rest.length; i++) b[i + 2]!.push(rest[i]);
}

const benchmarkColumns = [
  'measure_code',
  'year_label',
  'la_code',
  'value',
  'rank',
  'rank_of',
  'quartile_band',
  'sn_average',
  'sn_with_value',
  'region_code',
  'region_value',
  'england_value',
  'previous_year_label',
  'change_from_previous',
  'change_direction',
  'distance_to_next_band',
  'next_band',
  'distance_to_england',
];

async function insertBatch(tx: Queryable, b: Batch): Promise<void> {
  // In-process COPY where the engine has it (PGlite): a third of the time of the insert below.
  if (tx.copyCsv) return tx.copyCsv('benchmark', benchmarkColumns, columnsToCopyCsv(b));
  await tx.query(
    `insert into benchmark (measure_code, year_label, la_code, value, rank, rank_of, quartile_band, sn_average, sn_with_value,
       region_code, region_value, england_value, previous_year_label, change_from_previous, change_direction,
       distance_to_next_band, next_band, distance_to_england)
     select * from unnest($1::text[], $2::text[], $3::int[], $4::float8[], $5::int[], $6::int[], $7::text[], $8::float8[],
       $9::int[], $10::int[], $11::float8[], $12::float8[], $13::text[], $14::float8[], $15::text[], $16::float8[],
       $17::text[], $18::float8[])`,
    b,
  );
}

export interface StoredYear {
  yearLabel: string;
  yearNumber: number;
  isLatest: boolean;
  cutPoints: CutPoints | null;
}

interface CutRow {
  year_label: string;
  year_number: number;
  la_count: number;
  q0: number | null;
  q25: number | null;
  q50: number | null;
  q75: number | null;
  q100: number | null;
  is_latest: boolean;
}

function toStoredYear(r: CutRow): StoredYear {
  const cutPoints =
    r.la_count > 0 &&
    r.q0 !== null &&
    r.q25 !== null &&
    r.q50 !== null &&
    r.q75 !== null &&
    r.q100 !== null
      ? { q0: r.q0, q25: r.q25, q50: r.q50, q75: r.q75, q100: r.q100, laCount: r.la_count }
      : null;
  return { yearLabel: r.year_label, yearNumber: r.year_number, isLatest: r.is_latest, cutPoints };
}

/** Every stored year of every measure with its cut points (a few thousand rows). */
export async function listAllCutPoints(
  db: Queryable,
): Promise<(StoredYear & { measureCode: string })[]> {
  const rows = await db.query<CutRow & { measure_code: string }>(
    `select measure_code, year_label, year_number, la_count, q0, q25, q50, q75, q100, is_latest
       from benchmark_cut_points`,
  );
  return rows.map((r) => ({ measureCode: r.measure_code, ...toStoredYear(r) }));
}

/** Every measure's latest year with its cut points. */
export async function listLatestYears(db: Queryable): Promise<Map<string, StoredYear>> {
  const rows = await db.query<CutRow & { measure_code: string }>(
    `select measure_code, year_label, year_number, la_count, q0, q25, q50, q75, q100, is_latest
       from benchmark_cut_points where is_latest`,
  );
  return new Map(rows.map((r) => [r.measure_code, toStoredYear(r)]));
}

interface BenchmarkRow {
  measure_code: string;
  year_label: string;
  la_code: number;
  la_name: string;
  value: number | null;
  suppression: string | null;
  rank: number | null;
  rank_of: number | null;
  quartile_band: QuartileBand | null;
  sn_average: number | null;
  sn_with_value: number;
  region_code: number | null;
  region_name: string | null;
  region_value: number | null;
  england_value: number | null;
  previous_year_label: string | null;
  change_from_previous: number | null;
  change_direction: ChangeDirection | null;
  distance_to_next_band: number | null;
  next_band: QuartileBand | null;
  distance_to_england: number | null;
}

const selectRows = `select b.measure_code, b.year_label, b.la_code, a.name as la_name, b.value, o.suppression, b.rank, b.rank_of,
    b.quartile_band, b.sn_average, b.sn_with_value, b.region_code, r.name as region_name, b.region_value, b.england_value,
    b.previous_year_label, b.change_from_previous, b.change_direction, b.distance_to_next_band, b.next_band,
    b.distance_to_england
  from benchmark b
  join area a on a.code = b.la_code
  left join area r on r.code = b.region_code
  left join observation o on o.measure_code = b.measure_code and o.area_code = b.la_code and o.year_label = b.year_label`;

function toLaBenchmark(r: BenchmarkRow): LaBenchmark {
  return {
    laCode: r.la_code,
    laName: r.la_name,
    value: r.value,
    suppression: r.suppression,
    rank: r.rank,
    rankOf: r.rank_of,
    quartileBand: r.quartile_band,
    statisticalNeighboursAverage: r.sn_average,
    statisticalNeighboursWithValue: r.sn_with_value,
    regionCode: r.region_code,
    regionName: r.region_name,
    regionValue: r.region_value,
    englandValue: r.england_value,
    previousYearLabel: r.previous_year_label,
    changeFromPrevious: r.change_from_previous,
    changeDirection: r.change_direction,
    nextBand: r.next_band,
    distanceToNextBand: r.distance_to_next_band,
    distanceToEngland: r.distance_to_england,
  };
}

/** One LA's rows in each measure's latest year, keyed by measure code. */
export async function readLatestRowsForLa(
  db: Queryable,
  laCode: number,
): Promise<Map<string, LaBenchmark>> {
  const rows = await db.query<BenchmarkRow>(
    `${selectRows}
      join benchmark_cut_points c on c.measure_code = b.measure_code and c.year_label = b.year_label and c.is_latest
     where b.la_code = $1`,
    [laCode],
  );
  return new Map(rows.map((r) => [r.measure_code, toLaBenchmark(r)]));
}

/** Each measure's year labels with benchmarks, oldest first. */
export async function listYearLabelsByMeasure(db: Queryable): Promise<Map<string, string[]>> {
  const rows = await db.query<{ measure_code: string; year_label: string }>(
    'select measure_code, year_label from benchmark_cut_points order by measure_code, year_number, year_label',
  );
  const result = new Map<string, string[]>();
  for (const r of rows) {
    const list = result.get(r.measure_code) ?? [];
    list.push(r.year_label);
    result.set(r.measure_code, list);
  }
  return result;
}
