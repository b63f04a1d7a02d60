/** The board report for a strategy on a date: judged, then drawn as the format asked for. */
import type { Database } from '../core/db.js';
import { listAreas } from '../measures/areas.repository.js';
import type { StrategyStatus } from '../strategy/strategy.service.js';
import { strategyStatus } from '../strategy/strategy.service.js';
import { boardReport, type BoardReport } from './board-report.js';
import { boardReportPdf } from './board-report.pdf.js';
import { boardReportXlsx } from './board-report.xlsx.js';

export type { BoardReport };

async function laName(db: Database, code: number): Promise<string> {
  return (await listAreas(db)).find((a) => a.code === code)?.name ?? `LA ${code}`;
}

/** The report's data, from a strategy judged on `date`'s figures (as the CLI asks). */
export async function boardReportOn(db: Database, id: string, date: string): Promise<BoardReport> {
  const status = await strategyStatus(db, id, date);
  return boardReport(status, await laName(db, status.strategy.la));
}

/** The report's data from a strategy already judged (as the web page has it). */
export function boardReportFrom(status: StrategyStatus, la: string): BoardReport {
  return boardReport(status, la);
}

export const boardReportFiles = {
  pdf: { contentType: 'application/pdf', write: boardReportPdf },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: boardReportXlsx,
  },
} as const;

/** "lantern-board-report-933-2026-12-03": the file name every download and the CLI suggest. */
export const boardReportFileName = (r: BoardReport): string =>
  `lantern-board-report-${r.laCode}-${r.date}`;
