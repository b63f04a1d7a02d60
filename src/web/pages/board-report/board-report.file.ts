/**
 * The board report as one HTML file (`lantern report board --format html`): the page's own
 * content and the GOV.UK and Lantern stylesheets inlined, so it opens and prints anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BoardReport } from '../../../reports/board-report.js';
import { govukFrontendDist, publicDir } from '../../paths.js';
import { renderTemplate } from '../../render.js';

let css: string | undefined;

export function boardReportHtml(report: BoardReport): string {
  css ??= [
    fs.readFileSync(path.join(govukFrontendDist, 'govuk', 'govuk-frontend.min.css'), 'utf8'),
    fs.readFileSync(path.join(publicDir, 'lantern.css'), 'utf8'),
  ]
    .join('\n')
    // A closing tag in a stylesheet would end the <style> element early.
    .replace(/<\/style/gi, '<\\/style');
  return renderTemplate('pages/board-report/board-report-file.njk', { report, css });
}
