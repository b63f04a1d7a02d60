import { ensureSnapshot } from './snapshot.js';

const file = await ensureSnapshot();
process.stderr.write(`[test] PGlite snapshot: ${file}\n`);
