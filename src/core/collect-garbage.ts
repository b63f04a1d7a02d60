import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, on request (core/heap-governor.ts). V8 collects its old generation
 * lazily while the machine has memory to spare, so a burst of work (the warm-up making every LA's
 * pages after an import, a load of visitors) leaves hundreds of MB of garbage in the heap for
 * long after (docs/performance.md, ADR 0010). `--expose-gc` set at run time
 * makes `gc` available to a new context (as jest-leak-detector does); only that context's global
 * gets it, not the app's.
 */
let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
