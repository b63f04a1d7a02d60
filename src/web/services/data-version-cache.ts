import type { Queryable } from '../../core/db.js';

/**
 * Page data computed once per data version: every import records a release, so the newest
 * release id says whether anything cached can still be right. Keeps pages fast under load
 * (the scorecard and all-LAs pages are read far more often than data changes).
 */
/** The newest release id, read at most once per `ttlMs`; a failed reading is not kept. */
function versionReader(db: Queryable, ttlMs: number) {
  let reading: { at: number; value: Promise<number> } | undefined;
  return {
    read(): Promise<number> {
      const now = Date.now();
      if (!reading || now - reading.at >= ttlMs) {
        const current = {
          at: now,
          value: db
            .query<{ v: number | null }>('select max(id) as v from release')
            .then(([row]) => row?.v ?? 0),
        };
        reading = current;
        current.value.catch(() => {
          if (reading === current) reading = undefined;
        });
      }
      return reading.value;
    },
    forget(): void {
      reading = undefined;
    },
  };
}

export function createDataVersionCache(
  db: Queryable,
  options: {
    maxEntries?: number;
    /**
     * How long a version reading is trusted. An import run by another process (possible with a
     * PostgreSQL server) shows within this time; requests in between ask the database nothing.
     */
    versionTtlMs?: number;
  } = {},
) {
  const maxEntries = options.maxEntries ?? 2000;
  const versionTtlMs = options.versionTtlMs ?? 1000;
  let version: number | undefined;
  const entries = new Map<string, Promise<unknown>>();
  const reader = versionReader(db, versionTtlMs);
  const currentVersion = () => reader.read();

  return {
    /** The data version: the newest release id (read at most once per `versionTtlMs`). */
    version: currentVersion,
    /** Forget the version reading, e.g. after this process imported data. */
    refresh(): void {
      reader.forget();
    },
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
        const mine = entry;
        // A failure is not kept, but only this computation's entry is dropped, not a newer one.
        mine.catch(() => {
          if (entries.get(key) === mine) entries.delete(key);
        });
      }
      return entry;
    },
  };
}

export type DataVersionCache = ReturnType<typeof createDataVersionCache>;
