import { getMeasureBenchmark } from '../benchmarks/benchmarks.service.js';
import type { MeasureBenchmark } from '../benchmarks/benchmark.js';
import { resolveLocalAuthority } from '../measures/area-lookup.js';
import {
  comparisonCells,
  comparisonColumns,
  measureJson,
  polarityText,
  rowCsvHeader,
  rowCsvValues,
  valueText,
} from './benchmark-cells.js';
import { withDb, type CliContext } from './context.js';
import { parseFormat, renderCsv, renderJson, renderTable } from './output.js';

export interface BenchmarkOptions {
  measure: string;
  la?: string | undefined;
  year?: string | undefined;
  format?: string | undefined;
}

/** `lantern benchmark --measure CODE [--la LA] [--year LABEL] [--format table|json|csv]`. */
export async function benchmarkCommand(ctx: CliContext, options: BenchmarkOptions): Promise<void> {
  const format = parseFormat(options.format);
  const result = await withDb(ctx, async (db) => {
    const la = options.la === undefined ? undefined : await resolveLocalAuthority(db, options.la);
    return getMeasureBenchmark(db, options.measure, {
      ...(options.year === undefined ? {} : { yearLabel: options.year }),
      ...(la === undefined ? {} : { laCode: la.code }),
    });
  });
  if (format === 'json') ctx.stdout(renderJson(benchmarkJson(result)));
  else if (format === 'csv')
    ctx.stdout(
      renderCsv(
        ['measureCode', 'year', ...rowCsvHeader],
        result.rows.map((r) => [result.measure.code, result.yearLabel, ...rowCsvValues(r)]),
      ),
    );
  else ctx.stdout(benchmarkTable(result));
}

export function benchmarkJson(b: MeasureBenchmark): unknown {
  return {
    measure: measureJson(b.measure),
    year: b.yearLabel,
    yearLabels: b.yearLabels,
    neighbourSetVersion: b.neighbourSetVersion,
    cutPoints: b.cutPoints,
    rows: b.rows,
  };
}

function benchmarkTable(b: MeasureBenchmark): string {
  const m = b.measure;
  const dp = m.decimalPlaces;
  const cuts = b.cutPoints
    ? `Quartile cut points: ${[b.cutPoints.q25, b.cutPoints.q50, b.cutPoints.q75].map((q) => valueText(m, q)).join(' / ')} (from ${b.cutPoints.laCount} LAs)`
    : m.polarity === null
      ? 'No ranks or quartile bands: this measure has no better direction.'
      : 'No quartile bands for this measure (ranks only).';
  const england = b.rows.find((r) => r.englandValue !== null)?.englandValue ?? null;
  const head = [
    `${m.name} [${m.code}], ${b.yearLabel} (${polarityText(m)}; shown to ${dp} decimal place${dp === 1 ? '' : 's'})`,
    cuts,
    `England: ${valueText(m, england)}`,
    '',
  ].join('\n');
  const table = renderTable(
    [{ header: 'Code', align: 'right' }, { header: 'Local authority' }, ...comparisonColumns],
    b.rows.map((r) => [String(r.laCode), r.laName, ...comparisonCells(m, r)]),
  );
  return `${head}\n${table}`;
}
