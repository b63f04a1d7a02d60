import type { Queryable } from '../../src/core/db.js';

/**
 * Every table's row count and an md5 of all its rows (each row as text, sorted): two fingerprints
 * are equal only when the store holds exactly the same rows, so a refused import can be shown to
 * have changed nothing.
 */
export async function storeFingerprint(db: Queryable): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const print: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ n: number; md5: string | null }>(
      `select count(*)::int as n, md5(string_agg(t::text, E'\\n' order by t::text)) as md5 from "${name}" t`,
    );
    print[name] = `${row!.n} rows, md5 ${row!.md5 ?? '-'}`;
  }
  return print;
}
