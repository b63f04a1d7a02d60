/**
 * Demo accounts, one per role, for trying Lantern on its synthetic demo data. Made only when the
 * store holds the demo data and no user at all (so never beside real accounts), with random
 * passwords printed once; disabled when real data replaces the demo (importers call
 * disableDemoAccounts in their transaction). Their addresses end in `.invalid`, a name that can
 * never be a real mail domain (RFC 2606).
 */
import crypto from 'node:crypto';
import type { Database, Queryable } from '../core/db.js';
import { audit } from './audit.service.js';
import type { Role } from './policy.js';
import { hashPassword } from './secrets.js';
import { countUsers, disableUsersAt, insertUser, updatePassword } from './users.repository.js';
import { demoAccountDomain } from './demo-domain.js';

export { demoAccountDomain };

/** Somerset (933) for the LA roles; URNs from the DfE's range for the school roles (no school data yet). */
export const demoAccounts: {
  email: string;
  name: string;
  role: Role;
  laCodes: number[];
  urns: number[];
}[] = [
  {
    email: `admin@${demoAccountDomain}`,
    name: 'Demo administrator',
    role: 'administrator',
    laCodes: [],
    urns: [],
  },
  {
    email: `officer@${demoAccountDomain}`,
    name: 'Demo LA officer',
    role: 'la_officer',
    laCodes: [933],
    urns: [],
  },
  {
    email: `analyst@${demoAccountDomain}`,
    name: 'Demo LA analyst',
    role: 'la_analyst',
    laCodes: [933],
    urns: [],
  },
  {
    email: `board@${demoAccountDomain}`,
    name: 'Demo board member',
    role: 'board_member',
    laCodes: [933],
    urns: [],
  },
  {
    email: `head@${demoAccountDomain}`,
    name: 'Demo headteacher',
    role: 'headteacher',
    laCodes: [],
    urns: [123456],
  },
  {
    email: `governor@${demoAccountDomain}`,
    name: 'Demo governor',
    role: 'governor',
    laCodes: [],
    urns: [123456],
  },
];

/** Three groups of four letters and digits: easy to type from a terminal, 60 bits. */
function demoPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const chars = Array.from(crypto.randomBytes(12), (b) => alphabet[b % alphabet.length]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * Makes the demo accounts when the store has no user; returns each with its password, or [] when
 * there are users already (nothing is changed then).
 */
export async function createDemoAccounts(
  db: Database,
): Promise<{ email: string; role: Role; password: string }[]> {
  // Checked first so a restart with users costs no password hashing; again in the transaction.
  if ((await countUsers(db)) > 0) return [];
  const made = await Promise.all(
    demoAccounts.map(async (a) => ({ ...a, password: demoPassword() })),
  );
  const hashes = await Promise.all(made.map((a) => hashPassword(a.password)));
  return db.transaction(async (tx) => {
    if ((await countUsers(tx)) > 0) return [];
    for (const [i, a] of made.entries()) {
      const user = await insertUser(tx, {
        email: a.email,
        displayName: a.name,
        role: a.role,
        laCodes: a.laCodes,
        urns: a.urns,
      });
      await updatePassword(tx, user.id, hashes[i]!);
      await audit(tx, { id: null, label: 'Lantern (demo data set)' }, 'demo-account-made', {
        kind: 'user',
        id: user.id,
      });
    }
    return made.map(({ email, role, password }) => ({ email, role, password }));
  });
}

/** Disables every demo account (real data is arriving): none can sign in beside real figures. */
export async function disableDemoAccounts(tx: Queryable): Promise<number> {
  return disableUsersAt(tx, demoAccountDomain);
}
