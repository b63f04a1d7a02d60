/** The board report as a workbook: Summary, Targets, Actions and Exceptions, from one BoardReport. */
import ExcelJS from 'exceljs';
import { neutraliseCell } from '../core/spreadsheet-cell.js';
import { noDirectionName } from '../strategy/labels.js';
import type { BoardReport, ReportAction, ReportTarget, TargetNumbers } from './board-report.js';

/** A cell: text, a number, or a number with the format it is shown in (0.0, 0.0"%"). */
type Cell = string | number | { value: number; numFmt: string };

const targetHeader = [
  'Priority',
  'Measure',
  'Target',
  'Status',
  'RAG',
  'Direction of travel',
  'Latest',
  'Year',
  'England',
  'Region',
  'Statistical neighbours',
  'Still to go',
  'Why',
];
const actionHeader = [
  'Priority',
  'Action',
  'Owner',
  'Due',
  'Overdue',
  "Owner's rating",
  'Latest update',
];

/** A figure as a number in its measure's format where the report has it; its text otherwise. */
function figure(t: ReportTarget, pick: (n: TargetNumbers) => number | null, text: string): Cell {
  const n = t.numbers;
  const v = n ? pick(n) : null;
  if (!n || v === null) return text;
  const digits = n.decimalPlaces > 0 ? `0.${'0'.repeat(n.decimalPlaces)}` : '0';
  return { value: v, numFmt: n.percent ? `${digits}"%"` : digits };
}

const targetRow = (priority: string, t: ReportTarget): Cell[] => [
  priority,
  t.measure,
  t.target,
  t.statusText,
  t.ragText,
  t.direction,
  figure(t, (n) => n.latest, t.latest),
  t.latestYear,
  figure(t, (n) => n.england, t.england),
  figure(t, (n) => n.region, t.region),
  figure(t, (n) => n.neighbours, t.neighbours),
  figure(t, (n) => n.stillToGo, t.stillToGo),
  t.reason,
];
const actionRow = (priority: string, a: ReportAction): Cell[] => [
  priority,
  a.title,
  a.owner,
  a.due,
  a.overdue ? 'Yes' : 'No',
  a.rating,
  a.latestUpdate,
];

function sheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][]): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  // Text is neutralised so a cell can never run as a formula.
  for (const r of rows) {
    const row = ws.addRow(
      r.map((c) =>
        typeof c === 'string' ? neutraliseCell(c) : typeof c === 'number' ? c : c.value,
      ),
    );
    r.forEach((c, i) => {
      if (typeof c === 'object') row.getCell(i + 1).numFmt = c.numFmt;
    });
  }
  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(60, Math.max(12, h.length + 2));
  });
}

/** The Summary sheet: what the report is, and its counts. */
function summaryRows(r: BoardReport): Cell[][] {
  const s = r.summary;
  return [
    ['Strategy', r.title],
    ['Local authority', `${r.laName} (${r.laCode})`],
    ['Board', r.board ?? ''],
    ['Period', r.period],
    ['Report for', r.dateText],
    ['Targets', s.targets],
    ['Met', s.met],
    ['On track', s.onTrack],
    ['Off track', s.offTrack],
    ['No data', s.noData],
    ['Improving', s.improving],
    ['Declining', s.declining],
    ['No change', s.noChange],
    [noDirectionName, s.noDirection],
    ['Actions', s.actions],
    ['Actions overdue', s.overdue],
    ...r.sources.map((src): Cell[] => ['Figures from', src]),
  ];
}

export async function boardReportXlsx(r: BoardReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lantern';
  workbook.title = `${r.title}: board report, ${r.dateText}`;
  sheet(workbook, 'Summary', ['Item', 'Figure'], summaryRows(r));
  sheet(
    workbook,
    'Targets',
    targetHeader,
    r.priorities.flatMap((p) => p.targets.map((t) => targetRow(p.title, t))),
  );
  sheet(
    workbook,
    'Actions',
    actionHeader,
    r.priorities.flatMap((p) => p.actions.map((a) => actionRow(p.title, a))),
  );
  sheet(
    workbook,
    'Commentary',
    ['Priority', 'Status', 'Commentary', 'By', 'Approved by'],
    r.priorities.flatMap((p) =>
      p.commentary
        ? [
            [
              p.title,
              p.commentary.status === 'draft' ? 'Draft' : 'Approved',
              p.commentary.body,
              p.commentary.author,
              p.commentary.approvedBy ?? '',
            ],
          ]
        : [],
    ),
  );
  const priorityOf = new Map(
    r.priorities.flatMap((p) => [...p.targets, ...p.actions].map((x) => [x.key, p.title])),
  );
  sheet(
    workbook,
    'Exceptions',
    ['Kind', ...targetHeader.slice(1)],
    [
      ...r.exceptions.targets.map((t) => [
        'Target off track',
        ...targetRow(priorityOf.get(t.key) ?? '', t).slice(1),
      ]),
      ...r.exceptions.actions.map((a) => [
        'Action overdue',
        a.title,
        a.owner,
        `Due ${a.due}`,
        a.rating,
        '',
        a.latestUpdate,
      ]),
    ],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
