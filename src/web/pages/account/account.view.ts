import { decide, roleNames, type SignedInUser } from '../../../access/policy.js';
import type { Area } from '../../../measures/areas.js';

interface Row {
  key: { text: string };
  value: { text?: string; html?: string };
}

/** The account page's summary rows: who, which role, and the LAs or schools it covers. */
export function accountRows(user: SignedInUser, areas: Area[]): Row[] {
  const laName = (code: number) => areas.find((a) => a.code === code)?.name;
  const rows: Row[] = [
    { key: { text: 'Name' }, value: { text: user.displayName } },
    { key: { text: 'E-mail address' }, value: { text: user.email } },
    { key: { text: 'Role' }, value: { text: roleNames[user.role] } },
  ];
  if (user.laCodes.length)
    rows.push({
      key: { text: user.laCodes.length === 1 ? 'Local authority' : 'Local authorities' },
      value: {
        text: user.laCodes.map((c) => `${laName(c) ?? 'LA'} (${c})`).join(', '),
      },
    });
  if (user.urns.length)
    rows.push({
      key: { text: user.urns.length === 1 ? 'School' : 'Schools' },
      value: { text: user.urns.map((u) => `URN ${u}`).join(', ') },
    });
  if (user.role === 'administrator')
    rows.push({ key: { text: 'Covers' }, value: { text: 'Every local authority and school' } });
  return rows;
}

/** The administration pages the policy lets this user open (templates never check roles). */
export function adminTools(user: SignedInUser): { href: string; text: string }[] {
  const allowed = (p: 'manage-users' | 'read-audit-log') =>
    decide(user, p, { publicAccess: 'signed-in' }) === 'allow';
  return [
    ...(allowed('manage-users') ? [{ href: '/admin/users', text: 'Users and invitations' }] : []),
    ...(allowed('read-audit-log') ? [{ href: '/admin/audit', text: 'Audit log' }] : []),
  ];
}
