import { permissions, type Permission, type Role } from '../../src/access/policy.js';

/** Each role's permissions, written out by hand from issues 8 and 9, not read from the policy: the oracle. */
export const expectedGrants: Record<Role, Permission[]> = {
  administrator: Object.keys(permissions) as Permission[],
  la_officer: [
    'open-statistics',
    'read-strategy',
    'own-account',
    'read-la-restricted',
    'edit-la-restricted',
    'read-school-restricted',
  ],
  la_analyst: [
    'open-statistics',
    'read-strategy',
    'own-account',
    'read-la-restricted',
    'read-school-restricted',
  ],
  board_member: ['open-statistics', 'read-strategy', 'own-account', 'read-la-restricted'],
  headteacher: ['open-statistics', 'read-strategy', 'own-account', 'read-school-restricted'],
  governor: ['open-statistics', 'read-strategy', 'own-account', 'read-school-restricted'],
};
