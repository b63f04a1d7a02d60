import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number, label: string): void;
  update(done: number): void;
  stop(): void;
}

/** A progress bar on stderr, so stdout stays clean for tables and JSON. */
export function stderrProgress(): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{label} [{bar}] {percentage}% | {value}/{total}',
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total, label) => bar.start(total, 0, { label }),
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}

export const silentProgress: Progress = { start() {}, update() {}, stop() {} };

/** Runs `work` with the bar started at `total` under `label`, and stops the bar however it ends. */
export async function withProgress<T>(
  progress: Progress,
  total: number,
  label: string,
  work: () => T | Promise<T>,
): Promise<T> {
  progress.start(total, label);
  try {
    return await work();
  } finally {
    progress.stop();
  }
}
