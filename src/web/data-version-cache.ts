import type { Queryable } from '../core/db.js';

/**
 * Page data computed once per data version: every import records a release, so the newest
 * release id says whether anything cached can still be right. Keeps pages fast under load
 * (the scorecard and all-LAs pages are read far more often than data changes).
 */
export function createDataVersionCache(db: Queryable, options: { maxEntries?: number } = {}) {
  const maxEntries = options.maxEntries ?? 2000;
  let version: number | undefined;
  const entries = new Map<string, Promise<unknown>>();

  async function currentVersion(): Promise<number> {
    const [row] = await db.query<{ v: number | null }>('select max(id) as v from release');
    return row?.v ?? 0;
  }

  return {
    /** `compute()` once per key and data version; failures are not cached. */
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const v = await currentVersion();
      if (v !== version) {
        entries.clear();
        version = v;
      }
      let entry = entries.get(key) as Promise<T> | undefined;
      if (!entry) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entry = compute();
        entries.set(key, entry);
        entry.catch(() => entries.delete(key));
      }
      return entry;
    },
  };
}

export type DataVersionCache = ReturnType<typeof createDataVersionCache>;
