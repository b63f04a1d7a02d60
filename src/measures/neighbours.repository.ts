import type { Queryable } from '../core/db.js';

/** One LA's statistical neighbours in one published set, SN1 first. */
export interface NeighbourSet {
  version: string;
  description: string;
  /** LA code -> its neighbours in SN1..SN10 order. */
  neighbours: Map<number, { code: number; closeness: string | null }[]>;
  /** LA code -> the region the set compares it with (GOReg; Inner/Outer London for London LAs). */
  regions: Map<number, number>;
}

/** Replaces one version of the statistical neighbours (e.g. '2025') with `set`. */
export async function replaceNeighbourSet(
  tx: Queryable,
  set: NeighbourSet,
  releaseId: number | null,
): Promise<void> {
  await tx.query('delete from statistical_neighbour_set where version = $1', [set.version]);
  await tx.query(
    'insert into statistical_neighbour_set (version, description, release_id) values ($1, $2, $3)',
    [set.version, set.description, releaseId],
  );
  const la: number[] = [];
  const pos: number[] = [];
  const nb: number[] = [];
  const close: (string | null)[] = [];
  for (const [laCode, list] of set.neighbours) {
    list.forEach((n, i) => {
      la.push(laCode);
      pos.push(i + 1);
      nb.push(n.code);
      close.push(n.closeness);
    });
  }
  await tx.query(
    `insert into statistical_neighbour (set_version, la_code, position, neighbour_code, closeness)
     select $1, l, p, n, c from unnest($2::int[], $3::int[], $4::int[], $5::text[]) as t(l, p, n, c)`,
    [set.version, la, pos, nb, close],
  );
  const regionLas = [...set.regions.keys()];
  await tx.query(
    `insert into la_region_assignment (set_version, la_code, region_code)
     select $1, l, r from unnest($2::int[], $3::int[]) as t(l, r)`,
    [set.version, regionLas, regionLas.map((c) => set.regions.get(c)!)],
  );
}

export async function listNeighbourSetVersions(
  db: Queryable,
): Promise<{ version: string; description: string }[]> {
  return db.query(
    'select version, description from statistical_neighbour_set order by version desc',
  );
}

/**
 * The newest set ('2025' before '2021'), or undefined when none is loaded. The synthetic demo
 * set ('demo') comes last, so real data never gets synthetic neighbours.
 */
export async function latestNeighbourSetVersion(db: Queryable): Promise<string | undefined> {
  const [row] = await db.query<{ version: string }>(
    `select version from statistical_neighbour_set order by version = 'demo', version desc limit 1`,
  );
  return row?.version;
}

export async function loadNeighbourSet(
  db: Queryable,
  version: string,
): Promise<NeighbourSet | undefined> {
  const [head] = await db.query<{ version: string; description: string }>(
    'select version, description from statistical_neighbour_set where version = $1',
    [version],
  );
  if (!head) return undefined;
  const rows = await db.query<{
    la_code: number;
    neighbour_code: number;
    closeness: string | null;
  }>(
    'select la_code, neighbour_code, closeness from statistical_neighbour where set_version = $1 order by la_code, position',
    [version],
  );
  const neighbours = new Map<number, { code: number; closeness: string | null }[]>();
  for (const r of rows) {
    const list = neighbours.get(r.la_code) ?? [];
    list.push({ code: r.neighbour_code, closeness: r.closeness });
    neighbours.set(r.la_code, list);
  }
  const regionRows = await db.query<{ la_code: number; region_code: number }>(
    'select la_code, region_code from la_region_assignment where set_version = $1',
    [version],
  );
  return {
    ...head,
    neighbours,
    regions: new Map(regionRows.map((r) => [r.la_code, r.region_code])),
  };
}
