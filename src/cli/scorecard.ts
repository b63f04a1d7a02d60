import { getScorecard } from '../benchmarks/benchmarks.service.js';
import type { Scorecard } from '../benchmarks/benchmark.js';
import { resolveLocalAuthority } from '../measures/area-lookup.js';
import {
  comparisonCells,
  comparisonColumns,
  measureJson,
  rowCsvHeader,
  rowCsvValues,
} from './benchmark-cells.js';
import { withDb, type CliContext } from './context.js';
import { parseFormat, renderCsv, renderJson, renderTable } from './output.js';

/** `lantern scorecard --la LA [--format table|json|csv]`: every measure's latest year, by topic. */
export async function scorecardCommand(
  ctx: CliContext,
  options: { la: string; format?: string | undefined },
): Promise<void> {
  const format = parseFormat(options.format);
  const card = await withDb(ctx, async (db) =>
    getScorecard(db, (await resolveLocalAuthority(db, options.la)).code),
  );
  if (format === 'json') ctx.stdout(renderJson(scorecardJson(card)));
  else if (format === 'csv') ctx.stdout(scorecardCsv(card));
  else ctx.stdout(scorecardTable(card));
}

export function scorecardJson(card: Scorecard): unknown {
  return {
    la: { code: card.laCode, name: card.laName },
    neighbourSetVersion: card.neighbourSetVersion,
    topics: card.topics.map((t) => ({
      topic: t.topic,
      entries: t.entries.map((e) => ({
        measure: measureJson(e.measure),
        year: e.yearLabel,
        cutPoints: e.cutPoints,
        ...e.benchmark,
      })),
    })),
  };
}

function scorecardCsv(card: Scorecard): string {
  const rows = card.topics.flatMap((t) =>
    t.entries.map((e) => [
      t.topic,
      e.measure.code,
      e.measure.name,
      e.yearLabel,
      ...rowCsvValues(e.benchmark),
    ]),
  );
  return renderCsv(['topic', 'measureCode', 'measureName', 'year', ...rowCsvHeader], rows);
}

function scorecardTable(card: Scorecard): string {
  const parts = [
    `Scorecard for ${card.laName} (${card.laCode}): each measure's latest year. Statistical neighbours: ${card.neighbourSetVersion ?? 'none loaded'}.\n`,
  ];
  if (card.topics.length === 0)
    parts.push('No benchmarks yet: import data first (`lantern import lait <folder>`).\n');
  for (const t of card.topics) {
    parts.push(`\n${t.topic}\n`);
    parts.push(
      renderTable(
        [{ header: 'Measure' }, { header: 'Year' }, ...comparisonColumns],
        t.entries.map((e) => {
          const m = e.measure;
          const r = e.benchmark;
          return [`${m.name} [${m.code}]`, e.yearLabel, ...comparisonCells(m, r)];
        }),
      ),
    );
  }
  return parts.join('');
}
