import { Command, CommanderError, Option } from 'commander';
import { LanternError, formatError } from '../core/errors.js';
import { CliUsageError, exitCodes } from './cli-error.js';
import { processContext, type CliContext } from './context.js';
import { importLaitCommand } from './import-lait.js';
import { importEesCommand } from './import-ees.js';
import { measuresCommand } from './measures.js';
import { areasCommand } from './areas.js';
import { benchmarkCommand } from './benchmark.js';
import { scorecardCommand } from './scorecard.js';
import { demoCommand } from './demo.js';
import { serveCommand } from './serve.js';

const formatOption = () =>
  new Option('--format <format>', 'output format')
    .choices(['table', 'json', 'csv'])
    .default('table');

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('lantern')
    .description('Lantern: DfE local-authority data in, DfE-exact benchmarks out.')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr })
    .showHelpAfterError('(run `lantern --help` to see the commands)');

  const imp = program.command('import').description('import official data into the store');
  imp
    .command('lait')
    .description(
      'import the LAIT files: bds_long_0.parquet, lait_data_dictionary.csv, sn_may_2025.xlsx, sn_april_2021.xlsx',
    )
    .argument('<folder>', 'folder holding the LAIT files')
    .action((folder: string) => importLaitCommand(ctx, { folder }));
  imp
    .command('ees')
    .description('import an Explore Education Statistics tidy CSV through a mapping file')
    .argument('<csv>', 'the EES data file')
    .requiredOption(
      '--mapping <file>',
      'YAML file mapping indicators (and filters) to Lantern measures',
    )
    .action((csv: string, o: { mapping: string }) =>
      importEesCommand(ctx, { csv, mapping: o.mapping }),
    );

  program
    .command('measures')
    .description('list measures')
    .option('--search <text>', 'words in the name, code or topic')
    .addOption(formatOption())
    .action((o: { search?: string; format: string }) => measuresCommand(ctx, o));

  program
    .command('areas')
    .description('list England, regions and local authorities with their codes')
    .addOption(formatOption())
    .action((o: { format: string }) => areasCommand(ctx, o));

  program
    .command('benchmark')
    .description(
      'where each LA stands on one measure: rank, quartile band, neighbours, region, England',
    )
    .requiredOption('--measure <code>', 'measure code (see `lantern measures`)')
    .option('--la <code>', 'only this LA (3-digit code, 9-character code or name)')
    .option('--year <label>', 'year as published (default: latest)')
    .addOption(formatOption())
    .action((o: { measure: string; la?: string; year?: string; format: string }) =>
      benchmarkCommand(ctx, o),
    );

  program
    .command('scorecard')
    .description("every measure's latest benchmark for one LA, grouped by topic")
    .requiredOption('--la <code>', 'LA (3-digit code, 9-character code or name)')
    .addOption(formatOption())
    .action((o: { la: string; format: string }) => scorecardCommand(ctx, o));

  program
    .command('demo')
    .description('load the synthetic demo data set (replaces any demo data already loaded)')
    .action(() => demoCommand(ctx, {}));

  program
    .command('serve')
    .description('start the web app')
    .option('--port <port>', 'port (default: PORT or 3000)')
    .option('--host <host>', 'host (default: HOST or 127.0.0.1)')
    .action((o: { port?: string; host?: string }) => serveCommand(ctx, o));

  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: string[], ctx?: CliContext): Promise<number> {
  let context: CliContext;
  try {
    context = ctx ?? processContext();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return exitCodes.failure;
  }
  try {
    await buildProgram(context).parseAsync(argv, { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return exitCodes.ok; // --help, --version
      return exitCodes.usage;
    }
    if (error instanceof CliUsageError) {
      context.stderr(`${error.message}\n(run \`lantern --help\` to see the commands)\n`);
      return exitCodes.usage;
    }
    if (error instanceof LanternError) {
      context.stderr(`${formatError(error)}\n`);
      return error.code === 'LANTERN_USAGE' ? exitCodes.usage : exitCodes.failure;
    }
    context.stderr(`Lantern failed: ${(error as Error).stack ?? String(error)}\n`);
    return exitCodes.failure;
  }
}
