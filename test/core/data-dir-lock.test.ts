import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import type { LanternError } from '../../src/core/errors.js';
import { lockDataDir } from '../../src/core/data-dir-lock.js';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-lock-'));

it('locks the data folder and frees it again', () => {
  const dir = tempDir();
  const unlock = lockDataDir(dir);
  assert.equal(fs.readFileSync(path.join(dir, 'lantern.lock'), 'utf8'), String(process.pid));
  unlock();
  assert.equal(fs.existsSync(path.join(dir, 'lantern.lock')), false);
});

it('refuses a data folder another running process holds, saying what to do', async () => {
  const dir = tempDir();
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)']);
  try {
    fs.writeFileSync(path.join(dir, 'lantern.lock'), String(other.pid));
    assert.throws(
      () => lockDataDir(dir),
      (e: LanternError) => e.code === 'LANTERN_STORE_IN_USE' && /DATABASE_URL/.test(e.hint ?? ''),
    );
  } finally {
    other.kill();
  }
});

it('takes over a lock left by a process that has gone', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'lantern.lock'), '999999999');
  const unlock = lockDataDir(dir);
  unlock();
});
