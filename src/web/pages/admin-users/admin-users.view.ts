import { roleNames, roles, scopeKindOf, type Role } from '../../../access/policy.js';
import type { UserRecord } from '../../../access/users.service.js';
import type { UserDetailsProblem } from '../../../access/users.service.js';
import { formatDate } from '../../../core/format.js';
import type { Area } from '../../../measures/areas.js';
import type { DataTable } from '../../tables/data-table.js';
import { linkCell } from '../../tables/cells.js';
import type { FormProblem } from '../sign-in/sign-in.view.js';

export const statusNames: Record<UserRecord['status'], string> = {
  invited: 'Invited (no password chosen yet)',
  active: 'Active',
  disabled: 'Disabled',
};

/** "Somerset (933), Bath and North East Somerset (800)", or the schools' URNs. */
export function scopeText(
  user: Pick<UserRecord, 'role' | 'laCodes' | 'urns'>,
  areas: Area[],
): string {
  const kind = scopeKindOf(user.role);
  if (kind === 'none') return 'Every LA and school';
  if (kind === 'school') return user.urns.map((u) => `URN ${u}`).join(', ');
  const name = (code: number) => areas.find((a) => a.code === code)?.name ?? 'LA';
  return user.laCodes.map((c) => `${name(c)} (${c})`).join(', ');
}

export function usersTable(users: UserRecord[], areas: Area[]): DataTable {
  return {
    id: 'users',
    caption: 'Users',
    fileName: 'lantern-users',
    columns: [
      { header: 'Name' },
      { header: 'E-mail address' },
      { header: 'Role' },
      { header: 'Local authorities or schools' },
      { header: 'Status' },
      { header: 'Added' },
    ],
    rows: users.map((u) => [
      { ...linkCell(u.displayName, `/admin/users/${u.id}`), raw: u.displayName },
      { raw: u.email },
      { raw: roleNames[u.role] },
      { raw: scopeText(u, areas) },
      { raw: statusNames[u.status] },
      { raw: u.createdAt.slice(0, 10), text: formatDate(u.createdAt) },
    ]),
  };
}

/** The role radios of the invitation form, each saying what it covers. */
export function roleChoices(chosen: string | undefined) {
  const hints: Record<Role, string> = {
    administrator: 'Everything, including users and the audit log',
    la_officer: "Reads and changes their LAs' restricted records and their schools",
    la_analyst: "Reads their LAs' restricted pages and their schools",
    board_member: "Reads their LAs' strategy and board reports",
    headteacher: 'Reads their own schools’ pages',
    governor: 'Reads their own schools’ pages',
  };
  return roles.map((r) => ({
    value: r,
    text: roleNames[r],
    hint: { text: hints[r] },
    checked: r === chosen,
  }));
}

/** "933, 343 800" → [933, 343, 800], and the parts that are not whole numbers. */
export function parseCodes(text: string | undefined): { codes: number[]; bad: string[] } {
  const parts = (text ?? '').split(/[\s,;]+/).filter(Boolean);
  const bad = parts.filter((p) => !/^\d{1,9}$/.test(p));
  return { codes: parts.filter((p) => /^\d{1,9}$/.test(p)).map(Number), bad };
}

const fieldIds: Record<UserDetailsProblem['field'], string> = {
  email: 'email',
  role: 'role',
  laCodes: 'las',
  urns: 'schools',
};

/** The service's problems as the form's: each linked to its field. */
export function asFormProblems(problems: UserDetailsProblem[]): FormProblem[] {
  return problems.map((p) => ({ text: p.text, href: `#${fieldIds[p.field]}` }));
}
