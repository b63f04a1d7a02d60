import { LRUCache } from 'lru-cache';
import { cacheBudget } from '../../core/config.js';
import type { Queryable } from '../../core/db.js';
import { approximateBytes } from './memory-size.js';

/**
 * Page data computed once per data version: every import records a release, so the newest
 * release id says whether anything cached can still be right. Keeps pages fast under load
 * (the scorecard and all-LAs pages are read far more often than data changes). Bounded by
 * bytes (each value's size estimated by memory-size.ts), least recently used first out: an
 * LAIT scorecard's data is a few MB, and a server that has shown every LA must not hold them all.
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

/** The default bound of the page data kept, bytes (LANTERN_CACHE_MB's share: core/config.ts). */
export const defaultDataCacheBytes = cacheBudget().dataBytes;

export function createDataVersionCache(
  db: Queryable,
  options: {
    /** Bytes of page data kept at most (estimated; least recently used go first). */
    maxBytes?: number;
    /**
     * How long a version reading is trusted. An import run by another process (possible with a
     * PostgreSQL server) shows within this time; requests in between ask the database nothing.
     */
    versionTtlMs?: number;
  } = {},
) {
  const versionTtlMs = options.versionTtlMs ?? 1000;
  let version: number | undefined;
  // Finished values, by bytes; computations under way apart, so concurrent first requests for
  // one key share one computation whatever its size turns out to be.
  const done = new LRUCache<string, { value: unknown }>({
    maxSize: options.maxBytes ?? defaultDataCacheBytes,
    sizeCalculation: (entry, key) => Math.max(1, approximateBytes(entry.value) + 2 * key.length),
  });
  const pending = new Map<string, Promise<unknown>>();
  const reader = versionReader(db, versionTtlMs);
  const currentVersion = () => reader.read();

  return {
    /** The data version: the newest release id (read at most once per `versionTtlMs`). */
    version: currentVersion,
    /** Forget the version reading, e.g. after this process imported data. */
    refresh(): void {
      reader.forget();
    },
    /** Estimated bytes held (tests, logs). */
    bytes: (): number => done.calculatedSize,
    /** `compute()` once per key and data version; failures are not cached. */
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const v = await currentVersion();
      if (v !== version) {
        // Older data's values go at once, and a computation still running for it is not kept.
        done.clear();
        pending.clear();
        version = v;
      }
      const hit = done.get(key);
      if (hit) return hit.value as T;
      const running = pending.get(key) as Promise<T> | undefined;
      if (running) return running;
      const mine = compute();
      pending.set(key, mine);
      // Only this computation's entry is settled, never a newer one for the same key.
      const settle = () => pending.get(key) === mine && pending.delete(key);
      mine.then(
        (value) => settle() && done.set(key, { value }),
        () => settle(), // a failure is not kept
      );
      return mine;
    },
  };
}

export type DataVersionCache = ReturnType<typeof createDataVersionCache>;
