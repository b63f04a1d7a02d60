/**
 * `lantern strategy import|list|export|status` on a store with the demo data: the id on the
 * last line, the status JSON's fields, and clear refusals of a bad format or date.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import type { Database } from '../../src/core/db.js';
import { runCli } from '../../src/cli/main.js';
import { loadDemo } from '../../src/demo/demo.service.js';
import { testCliContext } from '../support/cli.js';
import { describeEachDatabase } from '../support/db.js';
import { publishedStrategy } from '../support/published-fixture.js';
import { readingStrategy } from '../support/strategy-fixture.js';

async function run(db: Database, args: string[]) {
  const { ctx, out, err } = testCliContext(db);
  const code = await runCli(args, ctx);
  return { code, out: out(), err: err() };
}

describeEachDatabase('lantern strategy commands', (db) => {
  let id = '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-strategy-cli-'));

  before(async () => {
    await loadDemo(db());
    fs.writeFileSync(path.join(dir, 'reading.yaml'), readingStrategy);
  });

  it('imports a file and prints its id on the last line', async () => {
    const r = await run(db(), ['strategy', 'import', path.join(dir, 'reading.yaml')]);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.out,
      /Imported "Reading for all" \(LA 933, 2022–2027\): 1 priority, 2 targets\.\n/,
    );
    id = r.out.trim().split('\n').at(-1)!;
    assert.match(id, /^[0-9a-f-]{36}$/);
  });

  it('lists strategies as a table or JSON, and refuses another format', async () => {
    const json = await run(db(), ['strategy', 'list', '--format', 'json']);
    assert.ok((JSON.parse(json.out) as { id: string }[]).some((s) => s.id === id));
    const xml = await run(db(), ['strategy', 'list', '--format', 'xml']);
    assert.equal(xml.code, 2);
    assert.match(xml.err, /Unknown --format "xml": use table or json/);
  });

  it('gives every target’s status as JSON with the fields the board needs', async () => {
    const r = await run(db(), [
      'strategy',
      'status',
      '--id',
      id,
      '--format',
      'json',
      '--date',
      '2026-06-01',
    ]);
    assert.equal(r.code, 0, r.err);
    const status = JSON.parse(r.out) as { asOf: string; targets: Record<string, unknown>[] };
    assert.equal(status.asOf, '2026-06-01');
    const [t] = status.targets;
    for (const field of [
      'measure',
      'kind',
      'status',
      'rag',
      'direction',
      'reason',
      'latestValue',
      'latestYear',
      'targetValue',
      'distance',
    ])
      assert.ok(field in t!, field);
    assert.equal(t!.measure, 'DEMO_KS2_RWM');
    assert.ok(['met', 'on_track', 'off_track', 'no_data'].includes(String(t!.status)));
  });

  it('counts the targets and actions as the overview does, in JSON and under the table', async () => {
    const args = ['strategy', 'status', '--id', id, '--date', '2026-06-01'];
    const json = await run(db(), [...args, '--format', 'json']);
    const status = JSON.parse(json.out) as {
      counts: Record<string, number>;
      targets: { status: string; direction: string | null }[];
    };
    const c = status.counts;
    const by = (s: string) => status.targets.filter((t) => t.status === s).length;
    assert.equal(c.targets, status.targets.length);
    assert.deepEqual(
      [c.met, c.onTrack, c.offTrack, c.noData],
      [by('met'), by('on_track'), by('off_track'), by('no_data')],
    );
    assert.equal(c.improving! + c.declining! + c.noChange! + c.noDirection!, c.targets);
    const table = await run(db(), args);
    assert.match(
      table.out,
      new RegExp(
        `Are we achieving our targets\\? Of ${c.targets} targets: ${c.met} met, ${c.onTrack} on track, ${c.offTrack} off track, ${c.noData} with no data\\.`,
      ),
    );
    assert.match(table.out, new RegExp(`Actions: ${c.actions}, of which ${c.overdue} overdue\\.`));
  });

  it('refuses a day that does not exist', async () => {
    const r = await run(db(), ['strategy', 'status', '--id', id, '--date', '2026-02-30']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--date "2026-02-30" is not a date: write it as YYYY-MM-DD/);
  });

  it('says when a file makes a published strategy, and how to withdraw it', async () => {
    const file = path.join(dir, 'published.yaml');
    fs.writeFileSync(file, publishedStrategy);
    const r = await run(db(), ['strategy', 'import', file]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Published, as the file says: anyone can read it/);
    assert.match(r.out.trim().split('\n').at(-1)!, /^[0-9a-f-]{36}$/);
    const unpublished = path.join(dir, 'unpublished.yaml');
    fs.writeFileSync(unpublished, readingStrategy);
    const plain = await run(db(), ['strategy', 'import', unpublished]);
    assert.doesNotMatch(plain.out, /Published/);
  });

  it('exports the strategy as the text it imports from', async () => {
    const out = path.join(dir, 'out.yaml');
    const r = await run(db(), ['strategy', 'export', '--id', id, '--out', out]);
    assert.equal(r.code, 0, r.err);
    const again = await run(db(), ['strategy', 'import', out]);
    const second = again.out.trim().split('\n').at(-1)!;
    const text = await run(db(), ['strategy', 'export', '--id', second]);
    assert.equal(text.out, fs.readFileSync(out, 'utf8'));
  });
});
