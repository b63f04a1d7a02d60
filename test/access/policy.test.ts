import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decide,
  permissions,
  roles,
  strategyAudience,
  type Permission,
  type Role,
  type SignedInUser,
} from '../../src/access/policy.js';
import { expectedGrants } from '../support/access-oracle.js';

const user = (role: Role, scope: { laCodes?: number[]; urns?: number[] } = {}): SignedInUser => ({
  id: role,
  email: `${role}@example.org`,
  displayName: role,
  role,
  laCodes: scope.laCodes ?? [],
  urns: scope.urns ?? [],
});

const expected = expectedGrants;

describe('the access policy', () => {
  it("gives the LA's own staff all of its strategy and everyone else its published part", () => {
    assert.equal(strategyAudience(user('board_member', { laCodes: [933] }), 933), 'la');
    assert.equal(strategyAudience(user('la_officer', { laCodes: [800] }), 933), 'public');
    assert.equal(strategyAudience(user('headteacher', { urns: [123456] }), 933), 'public');
    assert.equal(strategyAudience(user('administrator'), 933), 'la');
    assert.equal(strategyAudience(null, 933), 'public');
  });

  it('lets anyone read the open statistics and published strategies when public access is open, and no one else anything', () => {
    // read-strategy lets the route in; what a visitor then sees is a published strategy only.
    const openToAll = ['open-statistics', 'read-strategy'];
    for (const p of Object.keys(permissions) as Permission[]) {
      const open = decide(null, p, { publicAccess: 'open' });
      assert.equal(open, openToAll.includes(p) ? 'allow' : 'sign-in', p);
      assert.equal(decide(null, p, { publicAccess: 'signed-in' }), 'sign-in', p);
    }
  });

  it('gives each role exactly its permissions within its own scope', () => {
    for (const role of roles) {
      const viewer = user(role, { laCodes: [933], urns: [123456] });
      for (const p of Object.keys(permissions) as Permission[]) {
        const scope = { laCode: 933, urn: 123456, schoolLaCode: 933 };
        const want = expected[role].includes(p) ? 'allow' : 'forbidden';
        assert.equal(decide(viewer, p, { scope, publicAccess: 'signed-in' }), want, `${role} ${p}`);
      }
    }
  });

  it("refuses another LA's or another school's restricted pages (403, not 401)", () => {
    const officer = user('la_officer', { laCodes: [933] });
    const opts = (scope: object) => ({ scope, publicAccess: 'open' as const });
    assert.equal(decide(officer, 'read-la-restricted', opts({ laCode: 933 })), 'allow');
    assert.equal(decide(officer, 'read-la-restricted', opts({ laCode: 343 })), 'forbidden');
    // An LA's officers read that LA's schools; a headteacher only their own.
    assert.equal(
      decide(officer, 'read-school-restricted', opts({ urn: 1, schoolLaCode: 933 })),
      'allow',
    );
    assert.equal(
      decide(officer, 'read-school-restricted', opts({ urn: 1, schoolLaCode: 343 })),
      'forbidden',
    );
    const head = user('headteacher', { urns: [123456] });
    assert.equal(
      decide(head, 'read-school-restricted', opts({ urn: 123456, schoolLaCode: 933 })),
      'allow',
    );
    assert.equal(
      decide(head, 'read-school-restricted', opts({ urn: 654321, schoolLaCode: 933 })),
      'forbidden',
    );
    assert.equal(decide(head, 'read-la-restricted', opts({ laCode: 933 })), 'forbidden');
    assert.equal(
      decide(user('administrator'), 'read-la-restricted', opts({ laCode: 343 })),
      'allow',
    );
  });
});
