import fs from 'node:fs';
import path from 'node:path';
import { lanternError } from '../core/errors.js';
import { isIsoDay } from '../core/format.js';
import { countsSentences, wholeStrategyCounts } from '../strategy/counts.js';
import { targetStateNames } from '../strategy/labels.js';
import { judgedFigures } from '../strategy/series.js';
import {
  exportStrategy,
  importStrategy,
  strategies,
  strategyStatus,
  type JudgedTarget,
  type StrategyStatus,
} from '../strategy/strategy.service.js';
import { CliUsageError } from './cli-error.js';
import { withDb, type CliContext } from './context.js';
import { renderJson, renderTable } from './output.js';
import { commandLineActor } from './users.js';

/** Today's date (UTC) unless a command is told to judge as of another day. */
export function statusDate(text: string | undefined): string {
  if (text === undefined) return new Date().toISOString().slice(0, 10);
  if (!isIsoDay(text)) {
    throw new CliUsageError(`--date "${text}" is not a date: write it as YYYY-MM-DD.`);
  }
  return text;
}

/** `lantern strategy import <file>`: the new strategy's id on the last line. */
/** A file that says `published: true` makes a public strategy: say so, and how to undo it. */
const publishedNote =
  "Published, as the file says: anyone can read it in the web app. Its lead withdraws it from its overview ('Withdraw from the public').\n";

export async function strategyImportCommand(ctx: CliContext, o: { file: string }): Promise<void> {
  const file = path.resolve(o.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw lanternError('LANTERN_FILE_NOT_FOUND', `Strategy file not found: ${o.file}`, {
      hint: 'Give a strategy file (YAML); the templates are in strategies/, for example strategies/somerset-2016-19.yaml.',
    });
  }
  const source = fs.readFileSync(file, 'utf8');
  const { id, strategy } = await withDb(ctx, (db) =>
    importStrategy(db, commandLineActor(), source, path.basename(file)),
  );
  const targets = strategy.priorities
    .flatMap((p) => p.aims)
    .flatMap((a) => a.measures)
    .reduce((n, m) => n + m.targets.length, 0);
  ctx.stdout(
    `Imported "${strategy.title}" (LA ${strategy.la}, ${strategy.period.from}–${strategy.period.to}): ${plural(strategy.priorities.length, 'priority', 'priorities')}, ${plural(targets, 'target', 'targets')}.\n${strategy.published ? publishedNote : ''}${id}\n`,
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function strategyListCommand(ctx: CliContext, o: { format: string }): Promise<void> {
  if (o.format !== 'table' && o.format !== 'json')
    throw new CliUsageError(`Unknown --format "${o.format}": use table or json.`);
  const list = await withDb(ctx, (db) => strategies(db));
  if (o.format === 'json') return ctx.stdout(renderJson(list));
  ctx.stdout(
    renderTable(
      [
        { header: 'id' },
        { header: 'LA' },
        { header: 'title' },
        { header: 'period' },
        { header: 'published' },
      ],
      list.map((s) => [
        s.id,
        String(s.laCode),
        s.title,
        `${s.periodStart}–${s.periodEnd}`,
        s.published ? 'yes' : 'no',
      ]),
    ),
  );
}

export async function strategyExportCommand(
  ctx: CliContext,
  o: { id: string; out?: string },
): Promise<void> {
  const text = await withDb(ctx, (db) => exportStrategy(db, o.id));
  if (o.out === undefined) return ctx.stdout(text);
  fs.writeFileSync(o.out, text);
  ctx.stderr(`Wrote ${o.out}\n`);
}

/** The status JSON: every target with the fields the issue names, and the rest behind them. */
export function statusJson(t: JudgedTarget): Record<string, unknown> {
  return {
    key: t.key,
    priority: t.priority.key,
    aim: t.aim.key,
    measure: t.measure,
    measureName: t.measureName ?? t.measureEntry.name,
    kind: t.kind,
    target: t.sentence,
    status: t.status,
    rag: t.rag,
    direction: t.direction,
    reason: t.reason,
    latestValue: t.latestValue,
    latestYear: t.latestYear,
    targetValue: t.targetValue,
    distance: t.distance,
    whatItTakes: t.whatItTakes,
    pupils: t.pupils,
    forecast: t.forecast,
    dataDue: t.dataDue,
    source: t.source,
  };
}

export async function strategyStatusCommand(
  ctx: CliContext,
  o: { id: string; format: string; date?: string },
): Promise<void> {
  if (o.format !== 'table' && o.format !== 'json') {
    throw new CliUsageError(`Unknown --format "${o.format}": use table or json.`);
  }
  const today = statusDate(o.date);
  const status = await withDb(ctx, (db) => strategyStatus(db, o.id, today));
  if (o.format === 'json') {
    return ctx.stdout(
      renderJson({
        id: status.id,
        title: status.strategy.title,
        la: status.strategy.la,
        asOf: status.asOf,
        counts: countsOf(status),
        targets: status.targets.map(statusJson),
      }),
    );
  }
  ctx.stdout(
    renderTable(
      [
        { header: 'target' },
        { header: 'status' },
        { header: 'RAG' },
        { header: 'latest', align: 'right' },
        { header: 'year' },
        { header: 'distance', align: 'right' },
        { header: 'reason' },
      ],
      status.targets.map((t) => [
        t.key,
        targetStateNames[t.status].toLowerCase(),
        t.rag,
        judgedFigures(t).latest,
        t.latestYear ?? '–',
        judgedFigures(t).distance,
        t.reason,
      ]),
    ),
  );
  ctx.stdout(countsSentences(countsOf(status)).join('\n'));
}

/** The strategy's counts on its date, as the overview and the board report count them. */
const countsOf = (status: StrategyStatus) =>
  wholeStrategyCounts(status.targets, status.strategy, status.asOf);
