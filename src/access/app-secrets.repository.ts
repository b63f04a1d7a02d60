import type { Queryable } from '../core/db.js';

/** The secret named `name`, made by `make` and stored the first time it is asked for. */
export async function secretNamed(
  db: Queryable,
  name: string,
  make: () => string,
): Promise<string> {
  await db.query(
    'insert into app_secret (name, value) values ($1, $2) on conflict (name) do nothing',
    [name, make()],
  );
  const [row] = await db.query<{ value: string }>('select value from app_secret where name = $1', [
    name,
  ]);
  return row!.value;
}
