import { listMeasureSummaries, type MeasureSummary } from '../benchmarks/benchmarks.service.js';
import { measureJson, polarityText } from './benchmark-cells.js';
import { withDb, type CliContext } from './context.js';
import { parseFormat, renderCsv, renderJson, renderTable } from './output.js';

/** `lantern measures [--search TEXT] [--format table|json|csv]`. */
export async function measuresCommand(
  ctx: CliContext,
  options: { search?: string | undefined; format?: string | undefined },
): Promise<void> {
  const format = parseFormat(options.format);
  const list = await withDb(ctx, (db) => listMeasureSummaries(db, options.search));
  if (format === 'json') {
    ctx.stdout(
      renderJson(list.map((s) => ({ ...measureJson(s.measure), yearLabels: s.yearLabels }))),
    );
  } else if (format === 'csv') {
    ctx.stdout(
      renderCsv(
        ['code', 'name', 'topic', 'polarity', 'decimalPlaces', 'noQuartile', 'years'],
        list.map((s) => [
          s.measure.code,
          s.measure.name,
          s.measure.topic,
          s.measure.polarity,
          s.measure.decimalPlaces,
          s.measure.noQuartile,
          s.yearLabels.join('; '),
        ]),
      ),
    );
  } else if (list.length === 0) {
    ctx.stdout(
      options.search
        ? `No measure matches "${options.search}": try fewer or shorter words.\n`
        : 'No measures yet: import data first (`lantern import lait <folder>`).\n',
    );
  } else {
    ctx.stdout(
      renderTable(
        [
          { header: 'Code' },
          { header: 'Name' },
          { header: 'Topic' },
          { header: 'Polarity' },
          { header: 'Years' },
        ],
        list.map((s) => [
          s.measure.code,
          s.measure.name,
          s.measure.topic,
          polarityText(s.measure),
          yearsText(s),
        ]),
      ) + `${list.length} measure${list.length === 1 ? '' : 's'}.\n`,
    );
  }
}

/** "2016 to 2025 (10 years)". */
function yearsText(s: MeasureSummary): string {
  const y = s.yearLabels;
  if (y.length === 0) return 'no data';
  if (y.length === 1) return y[0]!;
  return `${y[0]} to ${y[y.length - 1]} (${y.length} years)`;
}
