import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data: real DfE/Ofsted files (never copied into the repository). */
export const sharedDataDir =
  process.env.LANTERN_SHARED_DATA ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

/**
 * The path of a real data file or folder under ../shared/data. Under CI=true a missing file fails the
 * test loudly; elsewhere the test is skipped with a message saying what is missing.
 */
export function realData(relative: string): { path: string; skip: string | false } {
  const p = path.join(sharedDataDir, relative);
  if (fs.existsSync(p)) return { path: p, skip: false };
  if (process.env.CI === 'true') {
    throw new Error(
      `CI=true and the real data file ${p} is missing: see ../shared/data/PROVENANCE.md.`,
    );
  }
  return { path: p, skip: `real data not found at ${p} (see ../shared/data/PROVENANCE.md)` };
}
