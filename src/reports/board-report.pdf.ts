/**
 * The board report as a PDF (docs/adr/0013-strategy-as-rows-status-on-read-board-report-pdf.md): drawn by pdfkit from the same
 * BoardReport as the HTML page, with no browser, so `npm ci && npm start` is enough to make it.
 * Tagged (headings, paragraphs and tables carry their structure) with its language and title,
 * for screen readers; A4 landscape, for the wide target tables.
 */
import PDFDocument from 'pdfkit';
import type { BoardReport, ReportAction, ReportTarget } from './board-report.js';
import { countsSentences } from '../strategy/counts.js';
import { ragKey } from '../strategy/labels.js';

const ragFill: Record<ReportTarget['rag'], string> = {
  green: '#cce2d8',
  amber: '#fff7bf',
  red: '#f4cdc6',
  grey: '#e5e6e7',
};

// The standard PDF fonts write Windows-1252 only: anything else becomes its nearest ASCII.
const extra = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const plain: Record<string, string> = {
  '≤': '<=',
  '≥': '>=',
  '↑': 'up',
  '↓': 'down',
  '→': '->',
  '−': '-',
};
export function pdfText(text: string): string {
  return [...text]
    .map((c) => {
      if (c.charCodeAt(0) < 0x100 || extra.includes(c)) return c;
      return plain[c] ?? (c.normalize('NFKD').replace(/[^\u0000-\u00ff]/g, '') || '?');
    })
    .join('');
}

/** The document and the root of its structure tree, which every heading, paragraph and table joins. */
interface Pdf {
  doc: PDFKit.PDFDocument;
  root: PDFKit.PDFStructureElement;
}

function heading({ doc, root }: Pdf, text: string, level: 'H1' | 'H2' | 'H3', size: number): void {
  doc.moveDown(level === 'H1' ? 0 : 0.6);
  doc.font('Helvetica-Bold').fontSize(size).fillColor('#0b0c0c');
  doc.text(pdfText(text), { structParent: root, structType: level } as PDFKit.Mixins.TextOptions);
  doc.moveDown(0.3);
}

function paragraph({ doc, root }: Pdf, text: string, size = 10): void {
  doc.font('Helvetica').fontSize(size).fillColor('#0b0c0c');
  doc.text(pdfText(text), { structParent: root, structType: 'P' } as PDFKit.Mixins.TextOptions);
  doc.moveDown(0.4);
}

/** pdfkit tags a table's rows and cells under `structParent` (its types do not list it). */
const tagged = (root: PDFKit.PDFStructureElement) => ({ structParent: root }) as object;

const th = (text: string) => ({
  text: pdfText(text),
  type: 'TH' as const,
  font: { family: 'Helvetica-Bold' },
});
const td = (text: string) => ({ text: pdfText(text) });

function targetsTable({ doc, root }: Pdf, targets: ReportTarget[]): void {
  doc.font('Helvetica').fontSize(8);
  doc.table({
    ...tagged(root),
    columnStyles: [130, 70, 55, 55, 45, 45, 45, 55, '*'],
    data: [
      [
        'Measure and target',
        'Status',
        'Direction',
        'Latest',
        'England',
        'Region',
        'Neighbours',
        'Still to go',
        'Why',
      ].map(th),
      ...targets.map((t) => [
        td(`${t.measure}: ${t.target}`),
        { ...td(`${t.statusText} (${t.ragText.toLowerCase()})`), backgroundColor: ragFill[t.rag] },
        td(t.direction),
        td(`${t.latest} (${t.latestYear})`),
        td(t.england),
        td(t.region),
        td(t.neighbours),
        td(t.stillToGo),
        td(t.reason),
      ]),
    ],
  });
  doc.moveDown(0.6);
}

function actionsTable({ doc, root }: Pdf, actions: ReportAction[]): void {
  doc.font('Helvetica').fontSize(8);
  doc.table({
    ...tagged(root),
    columnStyles: [170, 130, 60, 60, '*'],
    data: [
      ['Action', 'Owner', 'Due', "Owner's rating", 'Latest update'].map(th),
      ...actions.map((a) => [
        td(a.title),
        td(a.owner),
        td(`${a.due}${a.overdue ? ' (overdue)' : ''}`),
        td(a.rating),
        td(a.latestUpdate),
      ]),
    ],
  });
  doc.moveDown(0.6);
}

function summary(pdf: Pdf, r: BoardReport): void {
  const s = r.summary;
  heading(pdf, 'Summary', 'H2', 14);
  for (const line of countsSentences(s)) paragraph(pdf, line);
  paragraph(pdf, ragKey, 9);
}

export function boardReportPdf(r: BoardReport): Promise<Buffer> {
  const title = `${r.title}: board monitoring report, ${r.dateText}`;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: pdfText(title), Author: 'Lantern', Subject: pdfText(`${r.laName}: ${r.title}`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const pdf: Pdf = { doc, root };
  heading(pdf, title, 'H1', 18);
  paragraph(
    pdf,
    `${r.laName}. ${r.period}.${r.board ? ` For ${r.board}.` : ''} Each target is judged as at ${r.dateText}, on the figures Lantern held when this report was made.`,
  );
  summary(pdf, r);
  heading(pdf, 'Exceptions', 'H2', 14);
  if (r.exceptions.targets.length) targetsTable(pdf, r.exceptions.targets);
  else paragraph(pdf, 'No target is off track.');
  if (r.exceptions.actions.length) actionsTable(pdf, r.exceptions.actions);
  else paragraph(pdf, 'No action is overdue.');
  for (const p of r.priorities) {
    doc.addPage();
    heading(pdf, p.title, 'H2', 14);
    if (p.commentary) {
      const c = p.commentary;
      const state = c.status === 'draft' ? ' (draft, not yet approved)' : '';
      heading(pdf, `Commentary${state}`, 'H3', 11);
      paragraph(pdf, c.body);
      paragraph(pdf, `By ${c.author}${c.approvedBy ? `; approved by ${c.approvedBy}` : ''}.`, 9);
    }
    heading(pdf, 'Targets', 'H3', 11);
    if (p.targets.length) targetsTable(pdf, p.targets);
    else paragraph(pdf, 'This priority sets no targets on figures.');
    heading(pdf, 'Actions', 'H3', 11);
    if (p.actions.length) actionsTable(pdf, p.actions);
    else paragraph(pdf, 'No actions.');
  }
  heading(pdf, 'Where the figures come from', 'H2', 12);
  for (const s of r.sources) paragraph(pdf, s, 9);
  paragraph(pdf, 'How each target is judged: docs/methods.md, "Strategy targets".', 9);
  root.end();
  doc.end();
  return done;
}
