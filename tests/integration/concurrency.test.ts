/**
 * No lost edits (docs/decisions/022-optimistic-concurrency.md): two clerks saving the same customer
 * in the panel, racing API writes carrying one ETag, stale deletes, restores and account changes —
 * exactly one write wins, the others change nothing and say so. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiTestApp, newCustomer, type ApiTestApp, type SignedInUser } from '../support/api-app.js';
import type { PrismaClient } from '@prisma/client';
import { createUserService } from '../../src/domain/accounts/users.js';
import { createCustomerService } from '../../src/domain/customers/service.js';
import { customerForm } from '../support/test-app.js';

type Agent = Awaited<ReturnType<ApiTestApp['signIn']>>;
const PANEL = '/admin/api/resources/Customer';
const PANEL_USERS = '/admin/api/resources/User';

interface PanelRecord {
  id: string;
  params: Record<string, unknown>;
  errors: Record<string, { message: string; type?: string }>;
  baseError: {
    type?: string;
    message: string;
    actorName?: string | null;
    fields?: Array<{ path: string; theirs: string; yours: string }>;
  } | null;
}

let t: ApiTestApp;
let manager: SignedInUser;
let superuser: SignedInUser;
let ann: Agent;
let bob: Agent;

beforeAll(async () => {
  t = await createApiTestApp();
  t.clock.set('2026-11-23T14:02:00.000Z');
  manager = await t.userWithToken('MANAGER');
  superuser = await t.userWithToken('SUPERUSER');
  const annAccount = await t.createUser('STAFF', { name: 'Ann Clerk' });
  const bobAccount = await t.createUser('MANAGER', { name: 'Bob Clerk' });
  ann = await t.signIn(annAccount.email);
  bob = await t.signIn(bobAccount.email);
});
afterAll(async () => t.close());
beforeEach(async () => {
  t.clock.set('2026-11-23T14:02:00.000Z');
  await t.prisma.customer.deleteMany();
});

async function createdCustomer(): Promise<{ id: number; version: number }> {
  const response = await t.api.post('/customers', { token: manager.token, body: newCustomer() });
  expect(response.status).toBe(201);
  return response.body as { id: number; version: number };
}

/** What the panel's edit form holds when it opens: the record's params, its version among them. */
async function openEditForm(agent: Agent, id: number): Promise<Record<string, string>> {
  const response = await agent.get(`${PANEL}/records/${id}/edit`);
  expect(response.status).toBe(200);
  const { params } = (response.body as { record: PanelRecord }).record;
  expect(params.version).toBeDefined();
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : value === null ? '' : JSON.stringify(value),
    ]),
  );
}

async function save(agent: Agent, id: number, form: Record<string, string>): Promise<PanelRecord & { notice: string }> {
  const response = await agent.post(`${PANEL}/records/${id}/edit`).type('form').send(form);
  expect(response.status).toBe(200);
  const body = response.body as { record: PanelRecord; notice: { message: string } };
  return { ...body.record, notice: body.notice.message };
}

const auditEntries = (action: string, recordId: number) =>
  t.prisma.auditLog.findMany({ where: { resource: 'Customer', action, recordId: String(recordId) } });

describe('two clerks editing one customer in the panel', () => {
  it('saves the first, and shows the second both values without writing anything', async () => {
    const { id } = await createdCustomer();
    const annForm = await openEditForm(ann, id);
    const bobForm = await openEditForm(bob, id);

    const first = await save(bob, id, { ...bobForm, firstName: 'Robert', notes: 'Called on Monday' });
    expect(first.errors).toEqual({});
    t.clock.set('2026-11-23T14:05:00.000Z');
    const second = await save(ann, id, { ...annForm, firstName: 'Annabel', lastName: 'Smith' });

    expect(second.baseError).toMatchObject({
      type: 'editConflict',
      actorName: 'Bob Clerk',
      message: expect.stringContaining(
        'Someone else changed this customer while you were editing (Bob Clerk, 14:02 UTC).',
      ) as string,
    });
    expect(second.baseError?.fields).toEqual([
      { path: 'firstName', label: 'First name', theirs: 'Robert', yours: 'Annabel' },
      { path: 'lastName', label: 'Last name', theirs: annForm.lastName, yours: 'Smith' },
      { path: 'notes', label: 'Notes', theirs: 'Called on Monday', yours: '' },
    ]);
    expect(second.errors.firstName?.message).toBe('Changed to “Robert” while you were editing.');
    expect(second.notice).toContain('Someone else changed this customer');
    // Nothing of Ann's save is written, and only Bob's change is audited.
    const stored = await t.prisma.customer.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ firstName: 'Robert', lastName: annForm.lastName, notes: 'Called on Monday' });
    expect(stored.version).toBe(2);
    expect(await auditEntries('update', id)).toHaveLength(1);

    // The form comes back with Ann's values and the current version: saving again applies them.
    expect(second.params).toMatchObject({ firstName: 'Annabel', lastName: 'Smith', version: 2 });
    const again = await save(ann, id, {
      ...annForm,
      firstName: 'Annabel',
      lastName: 'Smith',
      notes: 'Called on Monday',
      version: String(second.params.version),
    });
    expect(again.errors).toEqual({});
    expect(await t.prisma.customer.findUniqueOrThrow({ where: { id } })).toMatchObject({
      firstName: 'Annabel',
      lastName: 'Smith',
      notes: 'Called on Monday',
      version: 3,
    });
  });

  it('lets exactly one of two simultaneous saves win', async () => {
    const { id } = await createdCustomer();
    const [annForm, bobForm] = await Promise.all([openEditForm(ann, id), openEditForm(bob, id)]);
    const results = await Promise.all([
      save(ann, id, { ...annForm, firstName: 'Annabel', email: 'annabel@example.com' }),
      save(bob, id, { ...bobForm, firstName: 'Robert', phone: '+1 212 555 9999' }),
    ]);
    const winners = results.filter((result) => result.baseError === null);
    expect(winners).toHaveLength(1);
    expect(results.filter((result) => result.baseError?.type === 'editConflict')).toHaveLength(1);
    const stored = await t.prisma.customer.findUniqueOrThrow({ where: { id } });
    // The winner's save whole, none of the loser's.
    if (winners[0] === results[0]) expect(stored).toMatchObject({ firstName: 'Annabel', email: 'annabel@example.com' });
    else expect(stored).toMatchObject({ firstName: 'Robert', phone: '+12125559999', email: annForm.email });
    expect(await auditEntries('update', id)).toHaveLength(1);
  });

  it('saves a form without a version (the last save wins), and refuses one that is not a version', async () => {
    const { id } = await createdCustomer();
    const { version: _none, ...form } = await openEditForm(ann, id);
    expect((await save(ann, id, { ...form, firstName: 'Nameless' })).errors).toEqual({});
    const forged = await save(ann, id, { ...form, firstName: 'Forged', version: 'latest' });
    expect(forged.baseError?.type).toBe('editConflict');
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id } })).firstName).toBe('Nameless');
  });
});

describe('stale deletes, restores and account changes in the panel', () => {
  it('refuses a delete confirmed on a customer that changed since, and deletes at the current version', async () => {
    const { id } = await createdCustomer();
    const shown = await openEditForm(bob, id);
    await save(ann, id, { ...(await openEditForm(ann, id)), notes: 'Moved abroad' });
    const refused = await bob.post(`${PANEL}/records/${id}/delete`).send({ version: shown.version });
    expect(refused.body.notice).toMatchObject({ type: 'error' });
    expect(refused.body.notice.message).toContain('Someone else changed this customer while you were editing (Ann');
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();
    expect(await auditEntries('delete', id)).toHaveLength(0);

    const deleted = await bob
      .post(`${PANEL}/records/${id}/delete`)
      .send({ version: refused.body.record.params.version });
    expect(deleted.body.notice.type).toBe('success');
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
  });

  it('refuses a restore confirmed on a customer that changed since', async () => {
    const { id } = await createdCustomer();
    await t.api.delete(`/customers/${id}`, { token: manager.token });
    const shown = (await bob.get(`${PANEL}/records/${id}/restore`)).body.record.params.version as number;
    await t.api.post(`/customers/${id}/restore`, { token: manager.token });
    await t.api.delete(`/customers/${id}`, { token: manager.token });
    const refused = await bob.post(`${PANEL}/records/${id}/restore`).send({ version: shown });
    expect(refused.body.notice.type).toBe('error');
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    expect(await auditEntries('restore', id)).toHaveLength(1);
  });

  it("refuses a stale change of a staff account's role, active flag or password", async () => {
    const admin = await t.signIn(superuser.email);
    const staff = await t.createUser('STAFF', { name: 'Sam Staff' });
    const loaded = (await admin.get(`${PANEL_USERS}/records/${staff.id}/edit`)).body.record.params as Record<
      string,
      unknown
    >;
    await t.services.users.update(staff.id, { name: 'Samuel Staff' }, { id: manager.id, role: 'SUPERUSER' });
    const before = await t.prisma.user.findUniqueOrThrow({ where: { id: staff.id } });
    const form = { email: staff.email, name: 'Sam Staff', version: String(loaded.version) };
    for (const change of [{ role: 'MANAGER' }, { isActive: 'false' }, { password: 'a brand new passphrase 42' }]) {
      const response = await admin
        .post(`${PANEL_USERS}/records/${staff.id}/edit`)
        .type('form')
        .send({ ...form, role: 'STAFF', isActive: 'true', ...change });
      expect(response.body.record.baseError).toMatchObject({ type: 'editConflict' });
      expect(response.body.record.baseError.message).toContain('Someone else changed this staff account');
    }
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).toEqual(before);
  });
});

describe('conditional requests over the API', () => {
  it('answers an ETag from the version, and 304 while If-None-Match names it', async () => {
    const { id, version } = await createdCustomer();
    const read = await t.api.get(`/customers/${id}`, { token: manager.token });
    expect(read.headers.etag).toBe(`"v${version}"`);
    const unchanged = await t.api.get(`/customers/${id}`, {
      token: manager.token,
      headers: { 'If-None-Match': `W/"v${version}"` },
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.etag).toBe(`"v${version}"`);
    const changed = await t.api.get(`/customers/${id}`, {
      token: manager.token,
      headers: { 'If-None-Match': '"v99"' },
    });
    expect(changed.status).toBe(200);
  });

  it('lets exactly one of 20 PATCHes carrying one ETag through: 19 answer 412, one audit entry', async () => {
    const { id } = await createdCustomer();
    const etag = (await t.api.get(`/customers/${id}`, { token: manager.token })).headers.etag as string;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        t.api.patch(`/customers/${id}`, {
          token: manager.token,
          headers: { 'If-Match': etag },
          body: { firstName: `Writer${n}` },
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(412)]);
    const winner = answers.find((answer) => answer.status === 200)!;
    expect(winner.headers.etag).toBe('"v2"');
    for (const refused of answers.filter((answer) => answer.status === 412)) {
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.headers.etag).toBe('"v2"');
    }
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id } })).firstName).toBe(winner.body.firstName);
    expect(await auditEntries('update', id)).toHaveLength(1);
  });

  it('refuses a stale DELETE, restore and account PATCH with 412 and the current ETag, writing nothing', async () => {
    const { id } = await createdCustomer();
    await t.api.patch(`/customers/${id}`, { token: manager.token, body: { notes: 'changed' } });
    const stale = { token: manager.token, headers: { 'If-Match': '"v1"' } };
    const deleted = await t.api.delete(`/customers/${id}`, stale);
    expect(deleted.status).toBe(412);
    expect(deleted.headers.etag).toBe('"v2"');
    expect(deleted.body.detail).toContain('Customer #');
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();

    await t.api.delete(`/customers/${id}`, { token: manager.token, headers: { 'If-Match': '"v2"' } });
    const restored = await t.api.post(`/customers/${id}/restore`, stale);
    expect(restored.status).toBe(412);
    expect(restored.headers.etag).toBe('"v3"');
    expect(await auditEntries('restore', id)).toHaveLength(0);

    const staff = await t.createUser('STAFF');
    const account = await t.api.patch(`/users/${staff.id}`, {
      token: superuser.token,
      headers: { 'If-Match': 'W/"v1"' },
      body: { name: 'Renamed' },
    });
    expect(account.status).toBe(200);
    expect(account.headers.etag).toBe('W/"v2"');
    const roleChange = await t.api.patch(`/users/${staff.id}`, {
      token: superuser.token,
      headers: { 'If-Match': 'W/"v1"' },
      body: { role: 'MANAGER' },
    });
    expect(roleChange.status).toBe(412);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).role).toBe('STAFF');
  });

  it('accepts a write without If-Match, or with *, as before', async () => {
    const { id } = await createdCustomer();
    expect((await t.api.patch(`/customers/${id}`, { token: manager.token, body: { notes: 'a' } })).status).toBe(200);
    const starred = await t.api.patch(`/customers/${id}`, {
      token: manager.token,
      headers: { 'If-Match': '*' },
      body: { notes: 'b' },
    });
    expect(starred.status).toBe(200);
    expect(starred.body.version).toBe(3);
  });
});

describe('the version rule in the domain services', () => {
  it('applies each of simultaneous writes made without a version (the last wins), each audited', async () => {
    const { id } = await createdCustomer();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        t.api.patch(`/customers/${id}`, { token: manager.token, body: { notes: `Note ${n}` } }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array<number>(8).fill(200));
    const stored = await t.prisma.customer.findUniqueOrThrow({ where: { id } });
    expect(stored.version).toBe(9);
    const entries = await auditEntries('update', id);
    expect(entries).toHaveLength(8);
    // Each entry's "before" is the value the next one replaced: no change was applied to a stale read.
    const befores = entries.map((entry) => (entry.changes as { notes: [unknown, unknown] }).notes[0]);
    expect(new Set(befores).size).toBe(8);
  });

  it('raises an account version with every change of it, but not with a sign-in', async () => {
    const staff = await t.createUser('STAFF');
    const version = async () => (await t.prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).version;
    expect(await version()).toBe(1);
    await t.signInApi(staff.email);
    expect(await version()).toBe(1);
    await t.services.users.updateOwnName(staff.id, { name: 'Self Named' });
    expect(await version()).toBe(2);
    await t.services.users.setPassword(staff.id, 'another long passphrase 7', null);
    expect(await version()).toBe(3);
  });

  it('applies both of two simultaneous account changes made without a version', async () => {
    const staff = await t.createUser('STAFF');
    const admin = { id: superuser.id, role: 'SUPERUSER' as const };
    await Promise.all([
      t.services.users.update(staff.id, { name: 'Both Applied' }, admin),
      t.services.users.update(staff.id, { role: 'MANAGER' }, admin),
    ]);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({
      name: 'Both Applied',
      role: 'MANAGER',
      version: 3,
    });
  });

  it('refuses a password set against an old version, naming who changed the account last', async () => {
    const staff = await t.createUser('STAFF');
    await t.services.users.update(staff.id, { name: 'Renamed By Admin' }, { id: superuser.id, role: 'SUPERUSER' });
    const before = await t.prisma.user.findUniqueOrThrow({ where: { id: staff.id } });
    const refused = t.services.users.setPassword(staff.id, 'another long passphrase 7', null, { expectedVersion: 1 });
    await expect(refused).rejects.toMatchObject({
      name: 'EditConflictError',
      expectedVersion: 1,
      current: { id: staff.id, version: 2 },
      lastChange: { actorName: expect.any(String) as string },
    });
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).toEqual(before);
  });
});

/**
 * A database client on which, once armed, someone else writes right after the service has read the
 * record: the interleaving a race produces, made certain (on SQLite, one connection orders every
 * statement, so simultaneous requests seldom interleave there).
 */
function clientWithWriteAfterRead(model: 'Customer' | 'User', writeInBetween: () => Promise<unknown>) {
  let armed = false;
  const client = t.prisma.$extends({
    query: {
      $allModels: {
        async findUnique({ model: read, args, query }) {
          const found = await query(args);
          if (armed && read === model) {
            armed = false;
            await writeInBetween();
          }
          return found;
        },
      },
    },
  });
  return {
    // The services take a PrismaClient; an extended client is one with a hook.
    prisma: client as unknown as PrismaClient,
    arm: () => {
      armed = true;
    },
  };
}

describe('a write that loses its race after the read', () => {
  it('is refused when it named a version, and re-applied to the newer record when it did not', async () => {
    const { id } = await createdCustomer();
    const inBetween = () =>
      t.prisma.customer.update({ where: { id }, data: { lastName: 'Between', version: { increment: 1 } } });
    const { prisma, arm } = clientWithWriteAfterRead('Customer', inBetween);
    const customers = createCustomerService({ prisma, clock: t.clock, defaultPhoneRegion: 'US' });
    const actor = { id: manager.id, role: 'MANAGER' as const };

    arm();
    await expect(customers.update(id, { notes: 'Mine' }, actor, { expectedVersion: 1 })).rejects.toMatchObject({
      name: 'EditConflictError',
      current: { version: 2, lastName: 'Between' },
    });
    expect(await auditEntries('update', id)).toHaveLength(0);

    arm();
    const applied = await customers.update(id, { notes: 'Mine' }, actor);
    expect(applied).toMatchObject({ lastName: 'Between', notes: 'Mine', version: 4 });
    const [entry] = await auditEntries('update', id);
    expect(entry?.changes).toEqual({ notes: [null, 'Mine'] });
  });

  it('is refused for an account when it named a version, and re-applied when it did not', async () => {
    const staff = await t.createUser('STAFF');
    const inBetween = () =>
      t.prisma.user.update({ where: { id: staff.id }, data: { name: 'Between', version: { increment: 1 } } });
    const { prisma, arm } = clientWithWriteAfterRead('User', inBetween);
    const users = createUserService({ prisma, clock: t.clock });
    const admin = { id: superuser.id, role: 'SUPERUSER' as const };

    arm();
    await expect(users.update(staff.id, { role: 'MANAGER' }, admin, { expectedVersion: 1 })).rejects.toMatchObject({
      name: 'EditConflictError',
      current: { version: 2, name: 'Between', role: 'STAFF' },
    });
    arm();
    await expect(users.update(staff.id, { role: 'MANAGER' }, admin)).resolves.toMatchObject({
      name: 'Between',
      role: 'MANAGER',
      version: 4,
    });
    arm();
    await expect(
      users.setPassword(staff.id, 'another long passphrase 7', null, { expectedVersion: 4 }),
    ).rejects.toMatchObject({ name: 'EditConflictError' });
  });
});

describe('REQUIRE_IF_MATCH=true', () => {
  let strict: ApiTestApp;
  let clerk: SignedInUser;
  beforeAll(async () => {
    strict = await createApiTestApp({ requireIfMatch: true });
    clerk = await strict.userWithToken('MANAGER');
  });
  afterAll(async () => strict.close());

  it('answers 428 to a write without If-Match and changes nothing', async () => {
    const created = await strict.api.post('/customers', { token: clerk.token, body: newCustomer() });
    const id = created.body.id as number;
    const patch = await strict.api.patch(`/customers/${id}`, { token: clerk.token, body: { notes: 'x' } });
    expect(patch.status).toBe(428);
    expect(patch.body.detail).toContain('If-Match');
    expect((await strict.api.delete(`/customers/${id}`, { token: clerk.token })).status).toBe(428);
    expect((await strict.prisma.customer.findUniqueOrThrow({ where: { id } })).version).toBe(1);
    const conditional = await strict.api.patch(`/customers/${id}`, {
      token: clerk.token,
      headers: { 'If-Match': created.headers.etag as string },
      body: { notes: 'x' },
    });
    expect(conditional.status).toBe(200);
  });
});

// The panel form of a new customer still works with the version property present.
it('creates customers from the panel with version 1', async () => {
  const response = await bob.post(`${PANEL}/actions/new`).type('form').send(customerForm());
  expect(response.body.record.params.version).toBe(1);
});
