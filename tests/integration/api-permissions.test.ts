/**
 * Every API endpoint × every role, against the permission matrix of ../shared/DESIGN.md: allowed
 * calls succeed, refused ones answer 403 and write nothing; without a token, 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/accounts/permissions.js';
import { createApiTestApp, newCustomer, type ApiTestApp, type SignedInUser } from '../support/api-app.js';

let t: ApiTestApp;
const users = {} as Record<Role, SignedInUser>;
let superuser: { id: number; role: Role };

beforeAll(async () => {
  t = await createApiTestApp();
  for (const role of ['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'] as const) users[role] = await t.userWithToken(role);
  superuser = { id: users.SUPERUSER.id, role: 'SUPERUSER' };
});
afterAll(async () => t.close());

interface Call {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  body?: Record<string, unknown>;
}

interface Endpoint {
  name: string;
  /** Builds the call for a role (fresh records, so that cases do not affect each other). */
  call(role: Role): Promise<Call>;
  /** The status of an allowed call; roles not listed get 403. */
  success: number;
  allowed: readonly Role[];
}

const ALL: readonly Role[] = ['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'];
const EDITORS: readonly Role[] = ['SUPERUSER', 'MANAGER', 'STAFF'];
const MANAGERS: readonly Role[] = ['SUPERUSER', 'MANAGER'];
const SUPERUSERS: readonly Role[] = ['SUPERUSER'];

const aCustomer = async () => (await t.services.customers.create(newCustomer(), superuser)).id;
const aDeletedCustomer = async () => (await t.services.customers.softDelete(await aCustomer(), superuser)).id;
let staffSequence = 0;
const aStaffAccount = async () => (await t.createUser('STAFF')).id;

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /me', call: async () => ({ method: 'get', path: '/me' }), success: 200, allowed: ALL },
  { name: 'GET /customers', call: async () => ({ method: 'get', path: '/customers' }), success: 200, allowed: ALL },
  {
    name: 'GET /customers/export',
    call: async () => ({ method: 'get', path: '/customers/export?format=csv' }),
    success: 200,
    allowed: MANAGERS,
  },
  {
    name: 'POST /customers',
    call: async () => ({ method: 'post', path: '/customers', body: newCustomer() }),
    success: 201,
    allowed: EDITORS,
  },
  {
    name: 'GET /customers/{id}',
    call: async () => ({ method: 'get', path: `/customers/${await aCustomer()}` }),
    success: 200,
    allowed: ALL,
  },
  {
    name: 'PATCH /customers/{id}',
    call: async () => ({ method: 'patch', path: `/customers/${await aCustomer()}`, body: { notes: 'Changed' } }),
    success: 200,
    allowed: EDITORS,
  },
  {
    name: 'DELETE /customers/{id}',
    call: async () => ({ method: 'delete', path: `/customers/${await aCustomer()}` }),
    success: 200,
    allowed: MANAGERS,
  },
  {
    name: 'POST /customers/{id}/restore',
    call: async () => ({ method: 'post', path: `/customers/${await aDeletedCustomer()}/restore` }),
    success: 200,
    allowed: MANAGERS,
  },
  { name: 'GET /users', call: async () => ({ method: 'get', path: '/users' }), success: 200, allowed: SUPERUSERS },
  {
    name: 'POST /users',
    call: async () => ({
      method: 'post',
      path: '/users',
      body: { email: `new${(staffSequence += 1)}@staff.test`, name: 'New Staff', role: 'STAFF' },
    }),
    success: 201,
    allowed: SUPERUSERS,
  },
  {
    name: 'PATCH /users/{id}',
    call: async () => ({
      method: 'patch',
      path: `/users/${await aStaffAccount()}`,
      body: { name: 'Renamed', role: 'VIEWER' },
    }),
    success: 200,
    allowed: SUPERUSERS,
  },
];

const rowCounts = () => Promise.all([t.prisma.customer.count(), t.prisma.user.count(), t.prisma.auditLog.count()]);

describe.each(ENDPOINTS)('$name', (endpoint) => {
  it.each(ALL)('as %s', async (role) => {
    const call = await endpoint.call(role);
    const before = await rowCounts();
    const response = await t.api.send(call.method, call.path, { token: users[role].token, body: call.body });
    if (endpoint.allowed.includes(role)) {
      expect(response.status).toBe(endpoint.success);
    } else {
      expect(response.status).toBe(403);
      expect(response.body.detail).toMatch(new RegExp(`^A ${role.toLowerCase()} may not `));
      expect(await rowCounts()).toEqual(before);
    }
  });

  it('without a token: 401', async () => {
    const call = await endpoint.call('SUPERUSER');
    const response = await t.api.send(call.method, call.path, { body: call.body });
    expect(response.status).toBe(401);
  });
});

describe.each(ALL)('the token endpoints as %s', (role) => {
  it('sign in (200), refresh (200) and log out (204)', async () => {
    const pair = await t.signInApi(users[role].email);
    const refreshed = await t.api.post('/auth/refresh', { body: { refreshToken: pair.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect((await t.api.post('/auth/logout', { body: { refreshToken: refreshed.body.refreshToken } })).status).toBe(
      204,
    );
  });
});
