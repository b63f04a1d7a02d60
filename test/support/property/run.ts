import fc from 'fast-check';

/**
 * The seed of every property run: LANTERN_PROPERTY_SEED when set (to replay a failure), a fixed
 * one under CI=true (the same inputs on every CI run, so a red build is never luck), else a new
 * one each run (local runs keep exploring new inputs).
 */
export function propertySeed(): number {
  const given = process.env.LANTERN_PROPERTY_SEED;
  if (given !== undefined && given !== '') return Number(given);
  if (process.env.CI === 'true') return 20261124;
  return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
}

/** A property: what to generate, what must hold for each input, and the input in words. */
export interface PropertyDefinition<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  predicate: (input: T) => Promise<void>;
  describe: (input: T) => string;
}

export interface PropertyOptions {
  /** Runs wanted; fewer when the time limit comes first. LANTERN_PROPERTY_RUNS overrides. */
  numRuns: number;
  /** Stop generating (and shrinking) after this long, so the suite stays bounded. */
  timeLimitMs: number;
  /** The test file, for the replay command in the failure message. */
  testFile: string;
}

/**
 * Runs an async property and, when it fails, throws one message holding the seed, the replay
 * command, the shrunk input in words and why it failed.
 */
export async function checkProperty<T>(
  { name, arbitrary, predicate, describe }: PropertyDefinition<T>,
  options: PropertyOptions,
): Promise<{ runs: number }> {
  const seed = propertySeed();
  const runs = Number(process.env.LANTERN_PROPERTY_RUNS ?? options.numRuns);
  const path = process.env.LANTERN_PROPERTY_PATH || undefined;
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), {
    seed,
    numRuns: runs,
    ...(path ? { path } : {}),
    interruptAfterTimeLimit: options.timeLimitMs,
    markInterruptAsFailure: false,
  });
  if (details.failed) {
    const [input] = details.counterexample ?? [];
    const why =
      details.errorInstance instanceof Error
        ? details.errorInstance.message
        : String(details.errorInstance);
    throw new Error(
      [
        `Property "${name}" failed after ${details.numRuns} run(s) (${details.numShrinks} shrinks).`,
        `Seed ${details.seed}, path ${details.counterexamplePath}. Replay with:`,
        `  LANTERN_PROPERTY_SEED=${details.seed} LANTERN_PROPERTY_PATH=${details.counterexamplePath} npm test -- --no-postgres --no-browser ${options.testFile}`,
        `Input: ${input === undefined ? '(none)' : describe(input as T)}`,
        `Why: ${why}`,
      ].join('\n'),
    );
  }
  return { runs: details.numRuns };
}
