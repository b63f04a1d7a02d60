import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { formatOption } from './options.js';

/** `import performance-tables|gias|ofsted|ees-schools`: the school-level files (issue 10). */
export function addSchoolImportCommands(imp: Command, ctx: CliContext): void {
  imp
    .command('performance-tables')
    .description(
      'import "compare school performance" downloads (KS2 through ks2_meta.csv, KS4, destinations, census, absence, spine): a file, or a folder with its year folders',
    )
    .argument('<path>', 'a file such as 850_ks2final.csv, or a folder of them')
    .option('--year <year>', 'the academic year (2018/19) when no file or folder name says it')
    .action(async (p: string, o: { year?: string }) =>
      (await import('./import-performance-tables.js')).importPerformanceTablesCommand(ctx, {
        path: p,
        ...o,
      }),
    );
  imp
    .command('gias')
    .description(
      'import Get Information about Schools files: the establishment extract and the links file (a file, or a folder of them)',
    )
    .argument('<path>', 'a GIAS CSV, or a folder of them')
    .action(async (p: string) =>
      (await import('./import-gias.js')).importGiasCommand(ctx, { path: p }),
    );
  imp
    .command('ofsted')
    .description(
      'import Ofsted management information on school inspections, report cards and graded (a file, or a folder)',
    )
    .argument('<path>', 'an Ofsted MI CSV, or a folder of them')
    .action(async (p: string) =>
      (await import('./import-ofsted.js')).importOfstedCommand(ctx, { path: p }),
    );
  imp
    .command('ees-schools')
    .description(
      'import Explore Education Statistics school-level tidy files (information about schools, ...): a file, or a folder of them',
    )
    .argument(
      '<path>',
      'a school-level EES CSV, or a folder (its LA and national files are skipped)',
    )
    .action(async (p: string) =>
      (await import('./import-ees-schools.js')).importEesSchoolsCommand(ctx, { path: p }),
    );
}

/** `school` and `schools`: what the store holds about schools. */
export function addSchoolCommands(program: Command, ctx: CliContext): void {
  program
    .command('school')
    .description("one school's profile: its figures by year against its LA and England")
    .requiredOption('--urn <urn>', "the school's URN")
    .addOption(formatOption())
    .action(async (o: { urn: string; format: string }) =>
      (await import('./schools.js')).schoolCommand(ctx, o),
    );
  program
    .command('schools')
    .description("an LA's schools with their latest headline figures")
    .requiredOption('--la <code>', 'the LA (3-digit code, 9-character code or name)')
    .addOption(formatOption())
    .action(async (o: { la: string; format: string }) =>
      (await import('./schools.js')).schoolsCommand(ctx, o),
    );
  program
    .command('family')
    .description(
      "a school's family: the most similar schools of its phase by intake, ranked on an outcome, with those doing markedly better",
    )
    .requiredOption('--urn <urn>', "the school's URN")
    .option('--size <n>', 'how many similar schools, 1 to 50', '20')
    .option('--pool <pool>', 'where they come from: england, region or la', 'england')
    .option(
      '--variables <list>',
      'intake variables, comma-separated: prior-attainment, fsm6, eal, sen-support, ehcp, pupils, disadvantaged',
    )
    .option('--outcome <code>', 'the outcome to rank on (DfE code): P8MEA, ATT8SCR, PTRWM_EXP ...')
    .option(
      '--year <year>',
      "one academic year (2018/19) for every figure; default: each one's latest",
    )
    .addOption(formatOption())
    .action(async (o: import('./family.js').FamilyCommandOptions) =>
      (await import('./family.js')).familyCommand(ctx, o),
    );
}
