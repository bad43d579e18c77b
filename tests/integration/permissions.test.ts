/**
 * The permission matrix of DESIGN.md, spelled out here independently of src/, checked over HTTP for
 * every role × action: allowed actions succeed, refused ones answer 403 and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/accounts/permissions.js';
import { createTestApp, customerForm, type TestApp } from '../support/test-app.js';

type Agent = Awaited<ReturnType<TestApp['signIn']>>;
const ROLES: Role[] = ['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'];

let t: TestApp;
const agents = {} as Record<Role, Agent>;
let superuserId: number;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) {
    const user = await t.createUser(role);
    if (role === 'SUPERUSER') superuserId = user.id;
    agents[role] = await t.signIn(user.email);
  }
});
afterAll(async () => t.close());

const su = () => ({ id: superuserId, role: 'SUPERUSER' as const });
const newCustomer = async () => String((await t.services.customers.create(customerForm(), su())).id);
const newViewer = async () => String((await t.createUser('VIEWER')).id);
const snapshot = async () => ({
  customers: await t.prisma.customer.findMany({ orderBy: { id: 'asc' } }),
  users: await t.prisma.user.findMany({
    orderBy: { id: 'asc' },
    select: { id: true, email: true, name: true, role: true, isActive: true, passwordHash: true },
  }),
});

interface Case {
  name: string;
  allowed: Role[];
  /** Creates what the call acts on; returns the path's record id(s). */
  setup?(): Promise<string>;
  call(agent: Agent, target: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Checks the effect of an allowed call. */
  // The answer's JSON, as supertest gives it: each case reads the fields its action returns.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  succeeded(response: { status: number; body: Record<string, any> }): Promise<void> | void;
}

const everyone: Role[] = ['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'];
const editors: Role[] = ['SUPERUSER', 'MANAGER', 'STAFF'];
const managers: Role[] = ['SUPERUSER', 'MANAGER'];
const superusers: Role[] = ['SUPERUSER'];

const customerCases = (): Case[] => [
  {
    name: 'Customer list',
    allowed: everyone,
    call: (agent) => agent.get('/admin/api/resources/Customer/actions/list'),
    succeeded: (r) => expect(r.body.meta).toBeDefined(),
  },
  {
    name: 'Customer list page',
    allowed: everyone,
    call: (agent) => agent.get('/admin/resources/Customer'),
    succeeded: (r) => expect(r.status).toBe(200),
  },
  {
    name: 'Customer search',
    allowed: everyone,
    call: (agent) => agent.get('/admin/api/resources/Customer/search/Ada'),
    succeeded: (r) => expect(r.body.records).toBeDefined(),
  },
  {
    name: 'Customer show',
    allowed: everyone,
    setup: newCustomer,
    call: (agent, id) => agent.get(`/admin/api/resources/Customer/records/${id}/show`),
    succeeded: (r) => expect(r.body.record.params.email).toMatch(/@example\.com$/),
  },
  {
    name: 'Customer create',
    allowed: editors,
    call: (agent) => agent.post('/admin/api/resources/Customer/actions/new').type('form').send(customerForm()),
    succeeded: async (r) => {
      expect(r.body.record.errors).toEqual({});
      expect(await t.prisma.customer.findUnique({ where: { id: Number(r.body.record.params.id) } })).not.toBeNull();
    },
  },
  {
    name: 'Customer edit',
    allowed: editors,
    setup: newCustomer,
    call: (agent, id) =>
      agent.post(`/admin/api/resources/Customer/records/${id}/edit`).type('form').send({ lastName: 'Edited' }),
    succeeded: async (r) => {
      const stored = await t.prisma.customer.findUniqueOrThrow({ where: { id: Number(r.body.record.params.id) } });
      expect(stored.lastName).toBe('Edited');
    },
  },
  {
    name: 'Customer delete',
    allowed: managers,
    setup: newCustomer,
    call: (agent, id) => agent.post(`/admin/api/resources/Customer/records/${id}/delete`),
    succeeded: async (r) => {
      const stored = await t.prisma.customer.findUniqueOrThrow({ where: { id: Number(r.body.record.params.id) } });
      expect(stored.deletedAt).not.toBeNull();
    },
  },
  {
    name: 'Customer restore',
    allowed: managers,
    setup: async () => {
      const id = await newCustomer();
      await t.services.customers.softDelete(Number(id), su());
      return id;
    },
    call: (agent, id) => agent.post(`/admin/api/resources/Customer/records/${id}/restore`),
    succeeded: async (r) => {
      const stored = await t.prisma.customer.findUniqueOrThrow({ where: { id: Number(r.body.record.params.id) } });
      expect(stored.deletedAt).toBeNull();
    },
  },
  {
    name: 'Customer bulk delete',
    allowed: managers,
    setup: async () => `${await newCustomer()},${await newCustomer()}`,
    call: (agent, ids) => agent.post('/admin/api/resources/Customer/bulk/bulkDelete').query({ recordIds: ids }),
    succeeded: async (r) => {
      const ids = (r.body.records as Array<{ params: { id: number } }>).map((record) => Number(record.params.id));
      expect(ids).toHaveLength(2);
      expect(await t.prisma.customer.count({ where: { id: { in: ids }, deletedAt: { not: null } } })).toBe(2);
    },
  },
];

const userCases = (): Case[] => [
  {
    name: 'User list',
    allowed: superusers,
    call: (agent) => agent.get('/admin/api/resources/User/actions/list'),
    succeeded: (r) => expect((r.body.records as unknown[]).length).toBeGreaterThan(0),
  },
  {
    name: 'User show',
    allowed: superusers,
    call: (agent) => agent.get(`/admin/api/resources/User/records/${superuserId}/show`),
    succeeded: (r) => expect(r.body.record.params.email).toBeDefined(),
  },
  {
    name: 'User create',
    allowed: superusers,
    call: (agent) =>
      agent
        .post('/admin/api/resources/User/actions/new')
        .type('form')
        .send({
          email: `new${Math.random().toString(36).slice(2)}@staff.test`,
          name: 'New Person',
          role: 'STAFF',
          password: 'a long enough password',
        }),
    succeeded: async (r) => {
      expect(r.body.record.errors).toEqual({});
      expect(await t.prisma.user.findUnique({ where: { id: Number(r.body.record.params.id) } })).not.toBeNull();
    },
  },
  {
    name: 'User edit',
    allowed: superusers,
    setup: newViewer,
    call: (agent, id) =>
      agent.post(`/admin/api/resources/User/records/${id}/edit`).type('form').send({ name: 'Renamed', role: 'STAFF' }),
    succeeded: async (r) => {
      const stored = await t.prisma.user.findUniqueOrThrow({ where: { id: Number(r.body.record.params.id) } });
      expect(stored).toMatchObject({ name: 'Renamed', role: 'STAFF' });
    },
  },
  {
    name: 'User delete (accounts are deactivated, never deleted)',
    allowed: [],
    setup: newViewer,
    call: (agent, id) => agent.post(`/admin/api/resources/User/records/${id}/delete`),
    succeeded: () => undefined,
  },
];

const auditLogCases = (): Case[] => [
  {
    name: 'Audit log staff names (the "Who" filter)',
    allowed: managers,
    call: (agent) => agent.get('/admin/api/resources/AuditLog/actions/staffNames'),
    succeeded: (r) => expect(r.body.staffNames).toContainEqual(expect.objectContaining({ id: superuserId })),
  },
];

describe.each([...customerCases(), ...userCases(), ...auditLogCases()].map((c) => [c.name, c] as const))(
  '%s',
  (_name, testCase) => {
    it.each(ROLES)('as %s', async (role) => {
      const target = (await testCase.setup?.()) ?? '';
      const before = await snapshot();
      const response = await testCase.call(agents[role], target);
      if (testCase.allowed.includes(role)) {
        expect(response.status).toBe(200);
        await testCase.succeeded(response);
      } else {
        expect(response.status).toBe(403);
        expect(await snapshot()).toEqual(before);
      }
    });
  },
);

describe('what the panel shows each role', () => {
  it.each([
    ['SUPERUSER', ['Customer', 'User', 'AuditLog']],
    ['MANAGER', ['Customer', 'AuditLog']],
    ['STAFF', ['Customer']],
    ['VIEWER', ['Customer']],
  ] as const)('%s sees the resources %j in the navigation', async (role, expected) => {
    const page = await agents[role].get('/admin/resources/Customer');
    const state = JSON.parse(/window\.REDUX_STATE = (.*?);\n/.exec(page.text)![1]!);
    const navigable = state.resources.filter((r: { href: string | null }) => r.href).map((r: { id: string }) => r.id);
    expect(navigable).toEqual(expected);
  });

  it.each([
    ['SUPERUSER', ['new', 'show', 'edit', 'delete', 'history', 'bulkDelete']],
    ['MANAGER', ['new', 'show', 'edit', 'delete', 'history', 'bulkDelete']],
    ['STAFF', ['new', 'show', 'edit', 'history']],
    ['VIEWER', ['show']],
  ] as const)('%s is offered the customer actions %j', async (role, expected) => {
    const customer = await t.services.customers.create(customerForm(), su());
    const list = await agents[role].get('/admin/api/resources/Customer/actions/list').query({ perPage: 500 });
    const record = (
      list.body.records as Array<{
        id: string;
        recordActions: Array<{ name: string }>;
        bulkActions: Array<{ name: string }>;
      }>
    ).find((r) => Number(r.id) === customer.id)!;
    const page = await agents[role].get('/admin/resources/Customer');
    const state = JSON.parse(/window\.REDUX_STATE = (.*?);\n/.exec(page.text)![1]!);
    const resourceActions = (state.resources[0].resourceActions as Array<{ name: string }>)
      .map((a) => a.name)
      .filter((n) => n === 'new');
    const offered = [
      ...resourceActions,
      ...record.recordActions.map((a) => a.name),
      ...record.bulkActions.map((a) => a.name),
    ];
    expect(new Set(offered)).toEqual(new Set(expected));
  });
});
