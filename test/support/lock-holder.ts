/**
 * A process holding a store lock, for the lock tests: `lock-holder.ts <folder> [then] [other]`.
 * It prints "locked" once it holds the lock on <folder>, then, by `then`:
 *   wait         keeps running until a signal ends it;
 *   exit         exits at once, without unlocking;
 *   own-handler  handles SIGTERM itself (as `lantern serve` does): prints whether the lock was
 *                still there when the handler ran, unlocks and exits;
 *   write-later  writes an empty lantern.lock in <other>, and a second later its own lock's
 *                text there (a lock file caught between being created and being written).
 */
import fs from 'node:fs';
import path from 'node:path';
import { lockDataDir } from '../../src/core/data-dir-lock.js';

const [folder = '', then = 'wait', other = ''] = process.argv.slice(2);
const unlock = lockDataDir(folder);
const lockFile = path.join(folder, 'lantern.lock');
if (then === 'own-handler')
  process.on('SIGTERM', () => {
    process.stdout.write(`lock there when the handler ran: ${fs.existsSync(lockFile)}\n`);
    unlock();
    process.exit(0);
  });
if (then === 'write-later') {
  const otherLock = path.join(other, 'lantern.lock');
  fs.writeFileSync(otherLock, '');
  setTimeout(() => fs.writeFileSync(otherLock, fs.readFileSync(lockFile)), 1000);
}
process.stdout.write('locked\n');
if (then === 'exit') process.exit(0);
setInterval(() => {}, 60_000);
