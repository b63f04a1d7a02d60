/**
 * The one policy module (issue 8): who may do what. Every route declares the permission it
 * needs (web/plugins/access.ts refuses a route that does not); templates never check roles.
 * Pure: no database, no request.
 */

export const roles = [
  'administrator',
  'la_officer',
  'la_analyst',
  'board_member',
  'headteacher',
  'governor',
] as const;
export type Role = (typeof roles)[number];

/** Each role in the users' words, for pages and the command line. */
export const roleNames: Record<Role, string> = {
  administrator: 'Administrator',
  la_officer: 'LA officer',
  la_analyst: 'LA analyst',
  board_member: 'Partnership board member',
  headteacher: 'Headteacher',
  governor: 'Governor',
};

/** Which scope a role is given: LAs (3-digit codes), schools (URNs) or none (everything). */
export function scopeKindOf(role: Role): 'la' | 'school' | 'none' {
  if (role === 'administrator') return 'none';
  return role === 'headteacher' || role === 'governor' ? 'school' : 'la';
}

/** Someone signed in, as the policy needs them. */
export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  laCodes: number[];
  urns: number[];
}

/** null: nobody is signed in. */
export type Viewer = SignedInUser | null;

/**
 * What a route can need. Later issues add theirs here (the strategy tracker's, casework's); the
 * route × role matrix test picks each up from the route table.
 */
export const permissions = {
  'open-statistics': 'See the published national statistics',
  'read-strategy':
    "Read an LA's strategy: all of it for the LA's own staff; once the LA publishes it, its targets and actions for anyone who may see the statistics",
  'own-account': 'See and change your own account',
  'manage-users': 'Invite, change and disable users',
  'read-audit-log': 'Read the audit log',
  'read-la-restricted': "Read an LA's restricted pages (its strategy before the board sees it)",
  'edit-la-restricted': "Change an LA's restricted records",
  'read-school-restricted': "Read a school's restricted pages (its predictions, casework)",
} as const;
export type Permission = keyof typeof permissions;

/** The LA or school a request is about, when the permission is scoped. */
export interface Scope {
  laCode?: number;
  urn?: number;
  /** The LA a school belongs to, so an LA's officers can read its schools. */
  schoolLaCode?: number;
}

/** `LANTERN_PUBLIC_ACCESS`: whether the open statistics need signing in. */
export type PublicAccess = 'open' | 'signed-in';

/** allow; sign-in (401: nobody signed in); forbidden (403: signed in, not allowed). */
export type Decision = 'allow' | 'sign-in' | 'forbidden';

/** What nobody needs to sign in for while the statistics are open (LANTERN_PUBLIC_ACCESS=open). */
const openToAll: readonly Permission[] = ['open-statistics', 'read-strategy'];

const roleGrants: Record<Role, readonly Permission[]> = {
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

/** The permissions a role has anywhere in its scope. */
export function grantsOf(role: Role): readonly Permission[] {
  return roleGrants[role];
}

export function decide(
  viewer: Viewer,
  permission: Permission,
  options: { scope?: Scope; publicAccess: PublicAccess },
): Decision {
  if (!viewer) {
    return openToAll.includes(permission) && options.publicAccess === 'open' ? 'allow' : 'sign-in';
  }
  if (!roleGrants[viewer.role].includes(permission)) return 'forbidden';
  return inScope(viewer, options.scope ?? {}) ? 'allow' : 'forbidden';
}

/** Whether the LA or school asked about is one of the viewer's (administrators: every one). */
export function inScope(viewer: SignedInUser, scope: Scope): boolean {
  if (viewer.role === 'administrator') return true;
  if (scope.urn !== undefined) {
    if (viewer.urns.includes(scope.urn)) return true;
    return scope.schoolLaCode !== undefined && viewer.laCodes.includes(scope.schoolLaCode);
  }
  if (scope.laCode !== undefined) return viewer.laCodes.includes(scope.laCode);
  return true;
}

/**
 * How much of an LA's strategy a viewer sees, once the route has let them in (`read-strategy`):
 * 'la', all of it (the LA's own staff: drafts, risks, updates awaiting approval); 'public', what
 * the LA has published (row security shows nothing else, migrations/0009).
 */
export type StrategyAudience = 'la' | 'public';

export function strategyAudience(viewer: Viewer, laCode: number): StrategyAudience {
  const own = decide(viewer, 'read-la-restricted', {
    scope: { laCode },
    publicAccess: 'signed-in',
  });
  return own === 'allow' ? 'la' : 'public';
}
