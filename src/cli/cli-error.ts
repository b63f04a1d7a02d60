/** Exit codes: 0 ok, 1 failure, 2 usage. */
export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
