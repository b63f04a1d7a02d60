import os from 'node:os';
import type { Actor } from '../access/audit.service.js';
import { roleNames } from '../access/policy.js';
import {
  createAdministrator,
  disableUser,
  inviteUser,
  listUsers,
  type Invitation,
} from '../access/users.service.js';
import { formatDate } from '../core/format.js';
import { CliUsageError } from './cli-error.js';
import { withDb, type CliContext } from './context.js';
import { parseFormat, renderCsv, renderJson, renderTable } from './output.js';

/** Whoever runs a command on the server, as the audit log names them. */
export function commandLineActor(): Actor {
  let who = 'unknown';
  try {
    who = os.userInfo().username;
  } catch {
    // no passwd entry (some containers): the host still says where
  }
  return { id: null, label: `command line (${who}@${os.hostname()})` };
}

/** The link an invited person opens, printed because e-mail may not be set up. */
function printInvitation(ctx: CliContext, invitation: Invitation): void {
  const link = `${ctx.config.baseUrl}/invitation/${invitation.token}`;
  ctx.stdout(
    [
      `Invited ${invitation.user.email} as ${roleNames[invitation.user.role]}${scopeText(invitation.user)}.`,
      `Send them this link to choose a password (it works once, until ${formatDate(invitation.expiresAt.slice(0, 10))}):`,
      `  ${link}`,
      '',
    ].join('\n'),
  );
}

function scopeText(u: { laCodes: number[]; urns: number[] }): string {
  if (u.laCodes.length) return ` for LA ${u.laCodes.join(', ')}`;
  if (u.urns.length) return ` for school ${u.urns.join(', ')}`;
  return '';
}

/** "933,343" or repeated options → numbers; anything else is a usage error. */
export function parseCodes(values: string[] | undefined, what: string): number[] {
  const parts = (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return parts.map((p) => {
    if (!/^\d+$/.test(p)) throw new CliUsageError(`${what} "${p}" is not a number.`);
    return Number(p);
  });
}

export async function createAdminCommand(ctx: CliContext, o: { email: string; name?: string }) {
  const invitation = await withDb(ctx, (db) =>
    createAdministrator(db, commandLineActor(), {
      email: o.email,
      ...(o.name ? { displayName: o.name } : {}),
    }),
  );
  printInvitation(ctx, invitation);
  if (invitation.demoAccountsDisabled)
    ctx.stdout(
      `The ${invitation.demoAccountsDisabled} demo accounts are disabled: this is a real deployment now.\n`,
    );
}

export async function inviteCommand(
  ctx: CliContext,
  o: { email: string; role: string; la?: string[]; school?: string[]; name?: string },
) {
  const invitation = await withDb(ctx, (db) =>
    inviteUser(db, commandLineActor(), {
      email: o.email,
      role: o.role,
      laCodes: parseCodes(o.la, 'LA code'),
      urns: parseCodes(o.school, 'School URN'),
      displayName: o.name,
    }),
  );
  printInvitation(ctx, invitation);
}

export async function listUsersCommand(ctx: CliContext, o: { format?: string }) {
  const format = parseFormat(o.format);
  const users = await withDb(ctx, (db) => listUsers(db));
  if (format === 'json') return ctx.stdout(renderJson(users));
  const rows = users.map((u) => [
    u.email,
    u.displayName,
    roleNames[u.role],
    scopeText(u).trim(),
    u.status,
  ]);
  const headers = ['E-mail', 'Name', 'Role', 'Scope', 'Status'];
  if (format === 'csv') return ctx.stdout(renderCsv(headers, rows));
  ctx.stdout(
    users.length
      ? renderTable(
          headers.map((header) => ({ header })),
          rows,
        )
      : 'No users yet: `lantern users create-admin --email …` creates the first.\n',
  );
}

export async function disableCommand(ctx: CliContext, o: { email: string }) {
  const user = await withDb(ctx, (db) => disableUser(db, commandLineActor(), o.email));
  ctx.stdout(`Disabled ${user.email}: they are signed out everywhere and cannot sign in.\n`);
}
