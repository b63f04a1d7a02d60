import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPglite } from '../../src/core/db.js';
import { readMigrations } from '../../src/store/migrate.js';
import { ensureAreas, openMigratedDatabase } from '../../src/store/store.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'lantern');

/** The snapshot's name changes whenever a migration or the reference areas change. */
export function snapshotPath(): string {
  const hash = crypto.createHash('sha256');
  for (const m of readMigrations()) hash.update(m.version + m.sql);
  hash.update(fs.readFileSync(path.join(root, 'src/measures/areas.csv')));
  return path.join(cacheDir, `pglite-migrated-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

/** Creates (once) a PGlite data directory with every migration applied, dumped as a tarball. */
export async function ensureSnapshot(): Promise<string> {
  const file = snapshotPath();
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(cacheDir, { recursive: true });
  const pg = await createPglite();
  const db = await openMigratedDatabase({ pglite: pg });
  await ensureAreas(db);
  const blob = await pg.dumpDataDir('gzip');
  await db.close();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(tmp, file); // atomic: parallel test files never read half a snapshot
  return file;
}
