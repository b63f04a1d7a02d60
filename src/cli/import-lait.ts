import type { CliContext } from './context.js';

// Placeholder until this command is built (issue 2).
export async function importLaitCommand(_ctx: CliContext, _options: unknown): Promise<void> {
  throw new Error('not built yet');
}
