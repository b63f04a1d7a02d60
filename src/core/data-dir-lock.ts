import fs from 'node:fs';
import path from 'node:path';
import { lanternError } from './errors.js';

/**
 * The embedded database (PGlite) must be opened by one process at a time: two processes writing
 * the same data directory would corrupt it. A lock file holding the owner's pid guards it; a lock
 * left by a process that no longer runs is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'lantern.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(file, 'utf8'));
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw lanternError(
          'LANTERN_STORE_IN_USE',
          `Lantern's embedded database in ${dataDir} is in use by another Lantern process (pid ${owner}).`,
          {
            hint: 'Stop that process (often `lantern serve` or `npm start`) and try again, or set DATABASE_URL to a PostgreSQL server, which several processes can share.',
          },
        );
      }
      fs.rmSync(file, { force: true }); // stale: its process has gone
    }
  }
  throw new Error(`could not lock ${file}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
