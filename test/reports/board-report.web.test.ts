/**
 * The board monitoring report on the demo copy of Somerset's strategy: the HTML page, the PDF
 * (opened, its text read) and the XLSX (opened, its sheets read) give the same counts and the
 * same targets, from the one BoardReport; the CLI writes the same three files.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { inviteUser } from '../../src/access/users.service.js';
import type { Database } from '../../src/core/db.js';
import { boardReportOn } from '../../src/reports/board-report.service.js';
import { strategies } from '../../src/strategy/strategy.service.js';
import { acceptedInvitation, type Visitor } from '../support/web-session.js';
import { testCliContext } from '../support/cli.js';
import { useDemoApp } from '../support/web.js';

const date = '2026-06-01';

async function pdfText(
  bytes: Buffer,
): Promise<{ pages: number; text: string; title: unknown; roles: string[] }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += `${content.items.map((x) => ('str' in x ? x.str : '')).join(' ')}\n`;
  }
  const meta = await pdf.getMetadata();
  // The first page's structure tree, as a screen reader meets it: the roles in order.
  const roles: string[] = [];
  const walk = (node: { role?: string; children?: unknown[] } | null) => {
    if (!node) return;
    if (node.role) roles.push(node.role);
    for (const c of node.children ?? []) walk(c as typeof node);
  };
  walk((await (await pdf.getPage(1)).getStructTree()) as never);
  return {
    pages: pdf.numPages,
    text: text.replace(/\s+/g, ' '),
    title: (meta.info as { Title?: string }).Title,
    roles,
  };
}

async function xlsxSheets(bytes: Buffer): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    out.set(ws.name, rows);
  });
  return out;
}

describe('the board monitoring report', () => {
  let db: Database;
  let app: FastifyInstance;
  let officer: Visitor;
  let id = '';
  let base = '';
  useDemoApp((t) => ({ db, app } = t));

  before(async () => {
    id = (await strategies(db)).find((s) => s.laCode === 933 && s.demo)!.id;
    base = `/la/933/strategies/${id}/report?date=${date}`;
    const { token } = await inviteUser(
      db,
      { id: null, label: 'test' },
      { email: 'officer@example.org', role: 'la_officer', laCodes: [933] },
    );
    officer = await acceptedInvitation(app, token, 'a long enough test password 7');
  });

  it('gives the same counts and off-track targets as HTML, PDF and XLSX', async () => {
    const report = await boardReportOn(db, id, date);
    const s = report.summary;
    assert.ok(s.targets > 5 && s.offTrack + s.onTrack + s.met > 0, JSON.stringify(s));
    const html = await officer.get(base);
    assert.equal(html.statusCode, 200);
    assert.match(
      html.body,
      new RegExp(`Met</dt><dd class="govuk-summary-list__value">${s.met} of ${s.targets}<`),
    );
    assert.match(
      html.body,
      new RegExp(`Off track</dt><dd class="govuk-summary-list__value">${s.offTrack}<`),
    );

    const pdf = await officer.get(`${base}&format=pdf`);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(
      String(pdf.headers['content-disposition']),
      /lantern-board-report-933-2026-06-01\.pdf/,
    );
    const read = await pdfText(pdf.rawPayload);
    assert.equal(read.title, `${report.title}: board monitoring report, 1 June 2026`);
    assert.ok(read.pages >= 1 + report.priorities.length, `${read.pages} pages`);
    // Tagged for screen readers: a title heading, then headings, paragraphs and header cells.
    assert.deepEqual(read.roles.slice(0, 3), ['Root', 'Document', 'H1']);
    assert.ok(read.roles.includes('Table') && read.roles.includes('TH'), read.roles.join(' '));
    assert.ok(
      read.text.includes(
        `Of ${s.targets} targets: ${s.met} met, ${s.onTrack} on track, ${s.offTrack} off track, ${s.noData} with no data.`,
      ),
      read.text.slice(0, 600),
    );
    const first = report.exceptions.targets[0]!;
    assert.ok(read.text.includes(first.measure.slice(0, 30)), first.measure);

    const xlsx = await officer.get(`${base}&format=xlsx`);
    const sheets = await xlsxSheets(xlsx.rawPayload);
    assert.deepEqual(
      [...sheets.keys()],
      ['Summary', 'Targets', 'Actions', 'Commentary', 'Exceptions'],
    );
    const summary = new Map(sheets.get('Summary')!.map(([k, v]) => [k, v]));
    assert.equal(summary.get('Off track'), String(s.offTrack));
    assert.equal(summary.get('Met'), String(s.met));
    const targets = sheets.get('Targets')!.slice(1);
    assert.equal(targets.length, s.targets);
    assert.equal(targets.filter((r) => r[3] === 'Off track').length, s.offTrack);
    // Figures are numbers, shown at the measure's decimal places, so they sort and sum.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Targets')!;
    const withFigure = report.priorities
      .flatMap((p) => p.targets)
      .findIndex((t) => t.numbers?.latest !== null && t.numbers?.latest !== undefined);
    assert.ok(withFigure >= 0);
    const cell = ws.getRow(withFigure + 2).getCell(7);
    assert.equal(typeof cell.value, 'number');
    assert.match(String(cell.numFmt), /^0(\.0+)?("%")?$/);
  });

  it('names each table’s scrolling region once on the page, and shows what is still to go', async () => {
    const html = (await officer.get(base)).body;
    const labels = [...html.matchAll(/role="region" aria-label="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(labels.length > 2, labels.join(', '));
    assert.equal(new Set(labels).size, labels.length, labels.join(', '));
    assert.match(html, />Still to go</);
  });

  it('refuses a date that does not exist, and is not for board members to change', async () => {
    const bad = await officer.get(`/la/933/strategies/${id}/report?date=2026-02-30`);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /is not a date: give a real day, month and year/);
    assert.equal((await app.inject(base)).statusCode, 401);
    // The GOV.UK date input's three boxes give the same report as ?date=.
    const parts = await officer.get(`/la/933/strategies/${id}/report?day=1&month=6&year=2026`);
    assert.equal(parts.statusCode, 200);
    assert.match(parts.body, /board monitoring report, 1 June 2026/);
    const wrong = await officer.get(`/la/933/strategies/${id}/report?day=31&month=6&year=2026`);
    assert.equal(wrong.statusCode, 400);
  });

  it('writes the same report from the command line', async () => {
    const { runCli } = await import('../../src/cli/main.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-report-'));
    const { ctx, err } = testCliContext(db);
    for (const format of ['html', 'pdf', 'xlsx']) {
      const file = path.join(dir, `board.${format}`);
      const code = await runCli(
        ['report', 'board', '--strategy', id, '--format', format, '--out', file, '--date', date],
        ctx,
      );
      assert.equal(code, 0, err());
      assert.ok(fs.statSync(file).size > 1000, format);
    }
    const html = fs.readFileSync(path.join(dir, 'board.html'), 'utf8');
    assert.match(html, /<html lang="en-GB">/);
    assert.match(html, /board monitoring report, 1 June 2026/);
    const read = await pdfText(fs.readFileSync(path.join(dir, 'board.pdf')));
    assert.match(read.text, /Are we getting better\?/);
  });
});
