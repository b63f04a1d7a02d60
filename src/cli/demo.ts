import { createDemoAccounts } from '../access/demo-accounts.service.js';
import { roleNames, type Role } from '../access/policy.js';
import { loadDemo } from '../demo/demo.service.js';
import { withDb, type CliContext } from './context.js';
import { formatCount } from '../core/format.js';

/** `lantern demo`: loads the synthetic demo data set (replacing any earlier demo data) and says what it loaded. */
export async function demoCommand(ctx: CliContext, _options: unknown = {}): Promise<void> {
  await withDb(ctx, async (db) => {
    const s = await loadDemo(db);
    const accounts = await createDemoAccounts(db);
    ctx.stdout(
      [
        'Loaded the SYNTHETIC demo data set (not official statistics).',
        `  ${s.measures} measures in ${s.topics.length} topics: ${s.topics.join(', ')}`,
        `  ${formatCount(s.observations)} values for ${s.localAuthorities} local authorities, their regions and England`,
        `  statistical neighbours: synthetic set "demo"; seed "${s.seed}"; took ${(s.milliseconds / 1000).toFixed(1)} s`,
        'Run `lantern serve` to browse it, or `lantern scorecard --la 933`.',
        '',
      ].join('\n'),
    );
    ctx.stdout(demoAccountsText(accounts));
  });
}

/** The demo accounts just made, with their passwords (shown this once); '' when none were made. */
export function demoAccountsText(
  accounts: { email: string; role: Role; password: string }[],
): string {
  if (!accounts.length) return '';
  const width = Math.max(...accounts.map((a) => a.email.length));
  return [
    'Demo accounts, one per role, for the synthetic demo data only (passwords shown this once;',
    'they stop working when real data is imported):',
    ...accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.password}  ${roleNames[a.role]}`),
    '',
  ].join('\n');
}
