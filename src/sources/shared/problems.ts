import { lanternError, type ErrorCode, type ImportProblem } from '../../core/errors.js';

/** Importers gather problems instead of stopping at the first, then stop at a limit. */
export const problemLimit = 100;

export class ProblemCollector {
  readonly problems: ImportProblem[] = [];
  constructor(readonly file: string) {}

  add(problem: Omit<ImportProblem, 'file'>): void {
    if (this.problems.length < problemLimit) this.problems.push({ file: this.file, ...problem });
    else this.full = true;
  }

  /** True once the limit is reached: importers stop reading. */
  full = false;

  get count(): number {
    return this.problems.length;
  }

  /** Throws LANTERN_IMPORT_INVALID (or `code`) naming every problem found, if there are any. */
  throwIfAny(what: string, code: ErrorCode = 'LANTERN_IMPORT_INVALID'): void {
    if (this.problems.length === 0) return;
    const more = this.full ? ` (stopped after ${problemLimit})` : '';
    throw lanternError(
      code,
      `${what}: ${this.problems.length} problem${this.problems.length === 1 ? '' : 's'} found${more}. Nothing was imported.`,
      {
        problems: this.problems,
        hint: 'Correct the file (or use the file as published by the DfE) and run the import again.',
      },
    );
  }
}
