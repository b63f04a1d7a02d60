import { Command, CommanderError } from 'commander';
import { LanternError, formatError } from '../core/errors.js';
import { CliUsageError, exitCodes } from './cli-error.js';
import { processContext, type CliContext } from './context.js';
import { formatOption } from './options.js';
import { addSchoolCommands, addSchoolImportCommands } from './school-commands.js';

// Each command's module is loaded only when that command runs: `lantern benchmark` need not load
// the web app, its templates and chart library (~0.2 s of start-up).
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('lantern')
    .description('Lantern: DfE local-authority data in, DfE-exact benchmarks out.')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr })
    .showHelpAfterError('(run `lantern --help` to see the commands)');

  addImportCommands(program, ctx);
  addReportCommands(program, ctx);
  addSchoolCommands(program, ctx);
  addAppCommands(program, ctx);
  addAccessCommands(program, ctx);
  addStrategyCommands(program, ctx);
  addBoardReportCommand(program, ctx);
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
      // A library's own words behind a refusal (a damaged file): for a bug report, not for users.
      if (process.env.LANTERN_DEBUG && error.cause !== undefined)
        context.stderr(
          `Cause: ${error.cause instanceof Error ? error.cause.stack : String(error.cause)}\n`,
        );
      return error.code === 'LANTERN_USAGE' ? exitCodes.usage : exitCodes.failure;
    }
    context.stderr(`${unexpectedFailure(error, process.env, argv[0])}\n`);
    return exitCodes.failure;
  }
}

/**
 * An error Lantern did not expect (a bug, not bad input): what happened in one line and what to do;
 * the stack only when LANTERN_DEBUG is set, since it means nothing to the person running the command.
 */
export function unexpectedFailure(
  error: unknown,
  env: NodeJS.ProcessEnv = process.env,
  command?: string,
): string {
  const e = error instanceof Error ? error : new Error(String(error));
  const lines = [
    `Lantern stopped on an error it did not expect: ${e.message || e.name}`,
    // Said only where it is news: each import is one transaction; other commands change nothing.
    ...(command === 'import' ? ['Nothing was changed: the import is one transaction.'] : []),
    env.LANTERN_DEBUG
      ? (e.stack ?? '')
      : 'Run the command again with LANTERN_DEBUG=1 to see the details, and report them as a bug.',
  ];
  return lines.filter(Boolean).join('\n');
}

const replaceHelp =
  'import even where the files have fewer areas for a measure and year than the store holds (those areas lose their values); without it such an import is refused';

/** `import lait|ees|performance-tables|gias|ofsted`. */
function addImportCommands(program: Command, ctx: CliContext): void {
  const imp = program.command('import').description('import official data into the store');
  imp
    .command('lait')
    .description(
      'import the LAIT files: bds_long_0.parquet, lait_data_dictionary.csv, sn_may_2025.xlsx, sn_april_2021.xlsx',
    )
    .argument('<folder>', 'folder holding the LAIT files')
    .option('--replace', replaceHelp)
    .action(async (folder: string, o: { replace?: boolean }) =>
      (await import('./import-lait.js')).importLaitCommand(ctx, { folder, replace: o.replace }),
    );
  imp
    .command('ees')
    .description('import an Explore Education Statistics tidy CSV through a mapping file')
    .argument('<csv>', 'the EES data file')
    .requiredOption(
      '--mapping <file>',
      'YAML file mapping indicators (and filters) to Lantern measures',
    )
    .option('--replace', replaceHelp)
    .action(async (csv: string, o: { mapping: string; replace?: boolean }) =>
      (await import('./import-ees.js')).importEesCommand(ctx, { csv, ...o }),
    );
  addSchoolImportCommands(imp, ctx);
}

/** The commands that read the store: measures, areas, benchmark, scorecard. */
function addReportCommands(program: Command, ctx: CliContext): void {
  program
    .command('measures')
    .description('list measures')
    .option('--search <text>', 'words in the name, code or topic')
    .addOption(formatOption())
    .action(async (o: { search?: string; format: string }) =>
      (await import('./measures.js')).measuresCommand(ctx, o),
    );

  program
    .command('areas')
    .description('list England, regions and local authorities with their codes')
    .addOption(formatOption())
    .action(async (o: { format: string }) => (await import('./areas.js')).areasCommand(ctx, o));

  program
    .command('benchmark')
    .description(
      'where each LA stands on one measure: rank, quartile band, neighbours, region, England',
    )
    .requiredOption('--measure <code>', 'measure code (see `lantern measures`)')
    .option('--la <code>', 'only this LA (3-digit code, 9-character code or name)')
    .option('--year <label>', 'year as published (default: latest)')
    .addOption(formatOption())
    .action(async (o: { measure: string; la?: string; year?: string; format: string }) =>
      (await import('./benchmark.js')).benchmarkCommand(ctx, o),
    );

  program
    .command('scorecard')
    .description("every measure's latest benchmark for one LA, grouped by topic")
    .requiredOption('--la <code>', 'LA (3-digit code, 9-character code or name)')
    .addOption(formatOption())
    .action(async (o: { la: string; format: string }) =>
      (await import('./scorecard.js')).scorecardCommand(ctx, o),
    );
}

/** `demo` and `serve`. */
function addAppCommands(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('load the synthetic demo data set (replaces any demo data already loaded)')
    .action(async () => (await import('./demo.js')).demoCommand(ctx, {}));

  program
    .command('serve')
    .description('start the web app')
    .option('--port <port>', 'port (default: PORT or 3000)')
    .option('--host <host>', 'host (default: HOST or 127.0.0.1)')
    .option(
      '--dev',
      'development mode: error pages show the stack (default: LANTERN_ENV or production)',
    )
    .action(async (o: { port?: string; host?: string; dev?: boolean }) =>
      (await import('./serve.js')).serveCommand(ctx, o),
    );
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `users …` and `audit export`. */
function addAccessCommands(program: Command, ctx: CliContext): void {
  const users = program.command('users').description('user accounts: invite, list, disable');
  const load = () => import('./users.js');
  users
    .command('create-admin')
    .description('invite an administrator; prints the link where they choose a password')
    .requiredOption('--email <address>', 'their e-mail address')
    .option('--name <name>', 'their name as shown in Lantern')
    .action(async (o: { email: string; name?: string }) =>
      (await load()).createAdminCommand(ctx, o),
    );
  users
    .command('invite')
    .description('invite a user; prints the link where they choose a password')
    .requiredOption('--email <address>', 'their e-mail address')
    .requiredOption(
      '--role <role>',
      'administrator, la_officer, la_analyst, board_member, headteacher or governor',
    )
    .option(
      '--la <codes>',
      'LA code(s) for an LA officer, analyst or board member (933 or 933,343)',
      collect,
    )
    .option('--school <urns>', 'school URN(s) for a headteacher or governor', collect)
    .option('--name <name>', 'their name as shown in Lantern')
    .action(
      async (o: { email: string; role: string; la?: string[]; school?: string[]; name?: string }) =>
        (await load()).inviteCommand(ctx, o),
    );
  users
    .command('list')
    .description('list users with their role, scope and status')
    .addOption(formatOption())
    .action(async (o: { format: string }) => (await load()).listUsersCommand(ctx, o));
  users
    .command('disable')
    .description('disable a user: signed out everywhere, cannot sign in')
    .requiredOption('--email <address>', 'their e-mail address')
    .action(async (o: { email: string }) => (await load()).disableCommand(ctx, o));
  program
    .command('audit')
    .description('the audit log')
    .command('export')
    .description('write the audit log (oldest first) to standard output')
    .option('--from <date>', 'from this date (YYYY-MM-DD)')
    .option('--to <date>', 'up to, not including, this date (YYYY-MM-DD)')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (o: { from?: string; to?: string; format: string }) =>
      (await import('./audit.js')).auditExportCommand(ctx, o),
    );
}

/** `report board`. */
function addBoardReportCommand(program: Command, ctx: CliContext): void {
  const report = program.command('report').description('reports drawn from a strategy');
  report
    .command('board')
    .description("the partnership board's monitoring report for a strategy on a date")
    .requiredOption('--strategy <id>', 'the strategy id (`lantern strategy list`)')
    .requiredOption('--format <format>', 'html, pdf or xlsx')
    .requiredOption('--out <file>', 'the file to write')
    .option('--date <date>', 'the report date (YYYY-MM-DD; default today)')
    .action(async (o: { strategy: string; format: string; out: string; date?: string }) =>
      (await import('./report.js')).reportBoardCommand(ctx, o),
    );
}

/** `strategy import|list|export|status`. */
function addStrategyCommands(program: Command, ctx: CliContext): void {
  const strategy = program
    .command('strategy')
    .description('strategies: priorities, targets, actions');
  const load = () => import('./strategy.js');
  strategy
    .command('import')
    .description('import a strategy file (YAML) as a new strategy; prints its id on the last line')
    .argument('<file>', 'the strategy file, for example strategies/somerset-2016-19.yaml')
    .action(async (file: string) => (await load()).strategyImportCommand(ctx, { file }));
  strategy
    .command('list')
    .description('list the strategies with their ids')
    .option('--format <format>', 'table or json', 'table')
    .action(async (o: { format: string }) => (await load()).strategyListCommand(ctx, o));
  strategy
    .command('export')
    .description('write a strategy as its strategy file (YAML)')
    .requiredOption('--id <id>', 'the strategy id (`lantern strategy list`)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: { id: string; out?: string }) =>
      (await load()).strategyExportCommand(ctx, o),
    );
  strategy
    .command('status')
    .description(
      "every target: met, on track, off track or no data, with the reason, on today's figures",
    )
    .requiredOption('--id <id>', 'the strategy id (`lantern strategy list`)')
    .option('--format <format>', 'table or json', 'table')
    .option('--date <date>', 'judge as of this date (YYYY-MM-DD; default today)')
    .action(async (o: { id: string; format: string; date?: string }) =>
      (await load()).strategyStatusCommand(ctx, o),
    );
}
