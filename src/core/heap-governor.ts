import { getHeapStatistics } from 'node:v8';
import { collectGarbage } from './collect-garbage.js';

/**
 * Keeps the JavaScript heap near what it holds. V8 collects its old generation lazily while the
 * machine has memory to spare (at ~3.5 × the live heap), so a server under load, or making every
 * LA's pages after an import, carries hundreds of MB of garbage for minutes: 353 → 555 MB of RSS
 * under 50 clients on one cached page (docs/performance.md, ADR 0010). Every `intervalMs` this
 * reads the heap's used size and, once it has grown `growthBytes` past what the last collection
 * left, collects: a full collection of the ~80 MB an LAIT server holds takes a few ms.
 */
export function startHeapGovernor(
  options: {
    growthBytes?: number;
    intervalMs?: number;
    /** Tests give their own. */
    collect?: () => void;
    usedBytes?: () => number;
  } = {},
): { stop: () => void; collections: () => number } {
  const growth = options.growthBytes ?? 64 * 2 ** 20;
  const collect = options.collect ?? collectGarbage;
  const used = options.usedBytes ?? (() => getHeapStatistics().used_heap_size);
  let floor = used();
  let collections = 0;
  const timer = setInterval(() => {
    if (used() - floor < growth) return;
    collect();
    collections++;
    floor = used();
  }, options.intervalMs ?? 500).unref();
  return { stop: () => clearInterval(timer), collections: () => collections };
}
