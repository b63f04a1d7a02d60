import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { serverSharedBuffers } from '../../src/cli/serve.js';
import { openDatabase } from '../../src/core/db.js';

const showSharedBuffers = async (sharedBuffers?: string) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-buffers-'));
  const db = await openDatabase({ dataDir, sharedBuffers });
  try {
    const [row] = await db.query<{ shared_buffers: string }>('show shared_buffers');
    return row?.shared_buffers;
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};

it("opens the embedded database with PostgreSQL's shared buffers unless told otherwise", async () => {
  assert.equal(await showSharedBuffers(), '128MB');
});

it('opens it with the small shared buffers `lantern serve` asks for, keeping its other settings', async () => {
  assert.equal(serverSharedBuffers, '32MB');
  assert.equal(await showSharedBuffers(serverSharedBuffers), '32MB');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-buffers-'));
  const db = await openDatabase({ dataDir, sharedBuffers: serverSharedBuffers });
  try {
    const [row] = await db.query<{ search_path: string }>('show search_path');
    assert.equal(row?.search_path, 'public');
  } finally {
    await db.close();
  }
});
