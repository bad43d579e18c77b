import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, customerForm, type TestApp } from '../support/test-app.js';

type Agent = Awaited<ReturnType<TestApp['signIn']>>;
const API = '/admin/api/resources/Customer';

let t: TestApp;
let agent: Agent;
let adminId: number;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.createUser('SUPERUSER');
  adminId = admin.id;
  agent = await t.signIn(admin.email);
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.prisma.customer.deleteMany();
});

async function create(form: Record<string, string>) {
  return agent.post(`${API}/actions/new`).type('form').send(form);
}

async function list(query: Record<string, string | number> = {}) {
  const response = await agent.get(`${API}/actions/list`).query(query);
  expect(response.status).toBe(200);
  return response.body as {
    meta: { total: number; page: number; perPage: number };
    records: Array<{ id: string; params: Record<string, unknown> }>;
  };
}

describe('creating customers', () => {
  it('stores normalised values and shows the phone formatted', async () => {
    const response = await create({
      firstName: '  Zoë ',
      lastName: ' Müller  Schmidt',
      email: ' Zoe.Muller@Example.COM ',
      phone: '(201) 555-0123',
      dateOfBirth: '1990-05-17',
      notes: 'VIP',
    });
    expect(response.status).toBe(200);
    expect(response.body.record.errors).toEqual({});
    expect(response.body.notice.type).toBe('success');
    const stored = await t.prisma.customer.findFirstOrThrow();
    expect(stored).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Müller Schmidt',
      email: 'zoe.muller@example.com',
      phone: '+12015550123',
      notes: 'VIP',
      createdById: adminId,
      updatedById: adminId,
      deletedAt: null,
    });
    expect(stored.dateOfBirth.toISOString()).toBe('1990-05-17T00:00:00.000Z');
    expect(response.body.record.params.phone).toBe('+1 201 555 0123');
  });

  it('ignores fields that are not editable (deletedAt, createdById, id)', async () => {
    await create(customerForm({ deletedAt: '2020-01-01', createdById: '999', id: '77' }));
    const stored = await t.prisma.customer.findFirstOrThrow();
    expect(stored.deletedAt).toBeNull();
    expect(stored.createdById).toBe(adminId);
    expect(stored.id).not.toBe(77);
  });

  it.each([
    ['firstName', { firstName: '' }, /first name is required/i],
    ['firstName', { firstName: '   ' }, /first name is required/i],
    ['lastName', { lastName: 'x'.repeat(101) }, /at most 100/i],
    ['email', { email: 'not-an-email' }, /valid email/i],
    ['phone', { phone: '12345' }, /not a valid/i],
    ['phone', { phone: 'call me' }, /only digits/i],
    ['dateOfBirth', { dateOfBirth: '2020-01-01' }, /between 13 and 100/i],
    ['dateOfBirth', { dateOfBirth: '2023-02-29' }, /real calendar date/i],
    ['dateOfBirth', { dateOfBirth: '' }, /required/i],
    ['notes', { notes: 'n'.repeat(2001) }, /at most 2000/i],
  ])('reports a bad %s on its field and writes nothing', async (field, override, message) => {
    const response = await create(customerForm(override));
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.record.errors)).toEqual([field]);
    expect(response.body.record.errors[field].message).toMatch(message);
    expect(response.body.notice.type).toBe('error');
    expect(await t.prisma.customer.count()).toBe(0);
  });

  it('reports every bad field at once', async () => {
    const response = await create({ firstName: '', lastName: '', email: 'x', phone: '1', dateOfBirth: 'soon' });
    expect(Object.keys(response.body.record.errors).sort()).toEqual([
      'dateOfBirth',
      'email',
      'firstName',
      'lastName',
      'phone',
    ]);
    expect(await t.prisma.customer.count()).toBe(0);
  });

  it('names the customer who already has the email or phone, and points to restoring a deleted one', async () => {
    const first = await t.services.customers.create(
      customerForm({ email: 'taken@example.com', phone: '+1 201 555 0100' }),
      { id: adminId, role: 'SUPERUSER' },
    );
    const clash = await create(customerForm({ email: 'TAKEN@example.com', phone: '201-555-0100' }));
    expect(clash.body.record.errors.email.message).toBe(
      `The email taken@example.com already belongs to customer #${first.id}.`,
    );
    expect(clash.body.record.errors.phone.message).toBe(
      `The phone number +1 201 555 0100 already belongs to customer #${first.id}.`,
    );

    await t.services.customers.softDelete(first.id, { id: adminId, role: 'SUPERUSER' });
    const afterDelete = await create(customerForm({ email: 'taken@example.com' }));
    expect(afterDelete.body.record.errors.email.message).toBe(
      `The email taken@example.com belongs to deleted customer #${first.id} — restore that customer instead.`,
    );
    expect(await t.prisma.customer.count()).toBe(1);
  });

  it('lets exactly one of 20 concurrent creates with one email win; the others get the field error', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => create(customerForm({ email: 'race@example.com' }))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const winners = responses.filter((r) => Object.keys(r.body.record.errors).length === 0);
    const losers = responses.filter((r) => r.body.record.errors.email);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    const winnerId = winners[0]!.body.record.params.id;
    for (const loser of losers) {
      expect(loser.body.record.errors.email.message).toBe(
        `The email race@example.com already belongs to customer #${winnerId}.`,
      );
    }
    expect(await t.prisma.customer.count()).toBe(1);
  });
});

describe('editing customers', () => {
  it('validates changes on their fields and keeps the record unchanged on error', async () => {
    const customer = await t.services.customers.create(customerForm({ email: 'edit@example.com' }), {
      id: adminId,
      role: 'SUPERUSER',
    });
    const bad = await agent
      .post(`${API}/records/${customer.id}/edit`)
      .type('form')
      .send({ email: 'broken', phone: '+1 201 555 9999' });
    expect(bad.body.record.errors.email.message).toMatch(/valid email/i);
    expect(await t.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).toEqual(customer);

    const good = await agent
      .post(`${API}/records/${customer.id}/edit`)
      .type('form')
      .send({ lastName: 'Byron', notes: '' });
    expect(good.body.record.errors).toEqual({});
    const stored = await t.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(stored).toMatchObject({ lastName: 'Byron', email: 'edit@example.com', notes: null });
  });

  it('keeps its own email and phone without reporting a clash with itself', async () => {
    const customer = await t.services.customers.create(customerForm(), { id: adminId, role: 'SUPERUSER' });
    const response = await agent.post(`${API}/records/${customer.id}/edit`).type('form').send({
      firstName: 'Augusta',
      email: customer.email,
      phone: customer.phone,
      dateOfBirth: '1990-05-17T00:00:00.000Z',
    });
    expect(response.body.record.errors).toEqual({});
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).firstName).toBe('Augusta');
  });

  it('does not re-check an unchanged date of birth (a customer who has turned 101 stays editable)', async () => {
    const customer = await t.services.customers.create(customerForm({ dateOfBirth: '1926-01-01' }), {
      id: adminId,
      role: 'SUPERUSER',
    });
    t.clock.set('2027-06-01T00:00:00Z');
    try {
      const response = await agent
        .post(`${API}/records/${customer.id}/edit`)
        .type('form')
        .send({ notes: 'still here', dateOfBirth: '1926-01-01' });
      expect(response.body.record.errors).toEqual({});
      const moved = await agent
        .post(`${API}/records/${customer.id}/edit`)
        .type('form')
        .send({ dateOfBirth: '1925-12-31' });
      expect(moved.body.record.errors.dateOfBirth.message).toMatch(/between 13 and 100/);
    } finally {
      t.clock.set('2026-11-23T12:00:00.000Z');
    }
  });

  it('answers a missing customer without a server error', async () => {
    const response = await agent.post(`${API}/records/999999/edit`).type('form').send({ firstName: 'Nobody' });
    expect(response.status).toBeLessThan(500);
  });
});

describe('listing customers', () => {
  beforeEach(async () => {
    const actor = { id: adminId, role: 'SUPERUSER' as const };
    const people = [
      ['Ada', 'Lovelace', 'ada@example.com', '+1 201 555 0101', '1990-12-10'],
      ['Grace', 'Hopper', 'grace@navy.example', '+44 20 7946 0958', '1980-02-29'],
      ['Alan', 'Turing', 'alan@example.org', '+1 (212) 555-0199', '1970-06-23'],
      ['Zoë', 'Müller', 'zoe@example.de', '+49 30 901820', '1995-01-01'],
    ];
    for (const [index, [firstName, lastName, email, phone, dateOfBirth]] of people.entries()) {
      t.clock.set(`2026-11-0${index + 1}T10:00:00Z`);
      await t.services.customers.create({ firstName, lastName, email, phone, dateOfBirth }, actor);
    }
    t.clock.set('2026-11-23T12:00:00.000Z');
  });

  const lastNames = (body: Awaited<ReturnType<typeof list>>) => body.records.map((r) => r.params.lastName);

  it('sorts newest first by default, and by any listed column on request', async () => {
    const byDefault = await list();
    expect(byDefault.meta.total).toBe(4);
    expect(new Set(lastNames(byDefault))).toEqual(new Set(['Lovelace', 'Hopper', 'Turing', 'Müller']));
    expect(lastNames(await list({ sortBy: 'lastName', direction: 'asc' }))).toEqual([
      'Hopper',
      'Lovelace',
      'Müller',
      'Turing',
    ]);
    expect(lastNames(await list({ sortBy: 'lastName', direction: 'desc' }))).toEqual([
      'Turing',
      'Müller',
      'Lovelace',
      'Hopper',
    ]);
    expect(lastNames(await list({ sortBy: 'dateOfBirth', direction: 'asc' }))).toEqual([
      'Turing',
      'Hopper',
      'Lovelace',
      'Müller',
    ]);
  });

  it('paginates', async () => {
    const first = await list({ perPage: 3, page: 1, sortBy: 'lastName', direction: 'asc' });
    const second = await list({ perPage: 3, page: 2, sortBy: 'lastName', direction: 'asc' });
    expect(first.meta).toMatchObject({ total: 4, page: 1, perPage: 3 });
    expect(lastNames(first)).toEqual(['Hopper', 'Lovelace', 'Müller']);
    expect(lastNames(second)).toEqual(['Turing']);
  });

  it.each([
    ['a last name, in any case', 'hopper', ['Hopper']],
    ['a first name', 'Alan', ['Turing']],
    ['part of an email', 'navy.example', ['Hopper']],
    ['phone digits typed with formatting', '(212) 555-0199', ['Turing']],
    ['phone digits without country code', '2015550101', ['Lovelace']],
    ['a unicode name', 'Zoë', ['Müller']],
    ['two words (both must match)', 'ada lovelace', ['Lovelace']],
    ['something nobody has', 'nobody', []],
  ])('searches by %s', async (_what, search, expected) => {
    const body = await list({ 'filters.search': search, sortBy: 'lastName', direction: 'asc' });
    expect(lastNames(body)).toEqual(expected);
    expect(body.meta.total).toBe(expected.length);
  });

  it("answers AdminJS's own search (reference pickers) with matching customers only", async () => {
    const response = await agent.get(`${API}/actions/search/grace`);
    expect(response.body.records.map((r: { params: { lastName: string } }) => r.params.lastName)).toEqual(['Hopper']);
  });

  it('filters by created date range', async () => {
    const body = await list({
      'filters.createdAt~~from': '2026-11-02',
      'filters.createdAt~~to': '2026-11-03',
      sortBy: 'lastName',
      direction: 'asc',
    });
    expect(lastNames(body)).toEqual(['Hopper', 'Turing']);
  });

  it('ignores malformed and unknown filters instead of failing', async () => {
    for (const query of [
      { 'filters.createdAt~~from': 'yesterday-ish' },
      { 'filters.nonexistent': 'x' },
      { 'filters.status': 'weird' },
      { sortBy: 'passwordHash', direction: 'sideways' },
      { page: 'abc', perPage: '-5' },
    ]) {
      const response = await agent.get(`${API}/actions/list`).query(query);
      expect(response.status, JSON.stringify(query)).toBe(200);
    }
  });
});

describe('soft delete and restore', () => {
  it('hides a deleted customer from the default list, lists it with the Deleted filter, and restores it', async () => {
    const customer = await t.services.customers.create(customerForm(), { id: adminId, role: 'SUPERUSER' });
    const kept = await t.services.customers.create(customerForm(), { id: adminId, role: 'SUPERUSER' });

    const deleted = await agent.post(`${API}/records/${customer.id}/delete`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.notice.type).toBe('success');
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).deletedAt).not.toBeNull();

    expect((await list()).records.map((r) => Number(r.id))).toEqual([kept.id]);
    expect((await list({ 'filters.status': 'deleted' })).records.map((r) => Number(r.id))).toEqual([customer.id]);
    expect((await list({ 'filters.status': 'all' })).meta.total).toBe(2);

    const restored = await agent.post(`${API}/records/${customer.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.notice).toMatchObject({ type: 'success' });
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).deletedAt).toBeNull();
    expect((await list()).meta.total).toBe(2);
  });

  it('bulk delete is soft too', async () => {
    const a = await t.services.customers.create(customerForm(), { id: adminId, role: 'SUPERUSER' });
    const b = await t.services.customers.create(customerForm(), { id: adminId, role: 'SUPERUSER' });
    const response = await agent.post(`${API}/bulk/bulkDelete`).query({ recordIds: `${a.id},${b.id}` });
    expect(response.status).toBe(200);
    expect(await t.prisma.customer.count()).toBe(2);
    expect(await t.prisma.customer.count({ where: { deletedAt: { not: null } } })).toBe(2);
    expect((await list()).meta.total).toBe(0);
  });

  it('shows a customer with who created and last changed it, and lists rows without them', async () => {
    const customer = await t.services.customers.create(customerForm({ notes: 'VIP' }), {
      id: adminId,
      role: 'SUPERUSER',
    });
    const { record } = (await agent.get(`${API}/records/${customer.id}/show`)).body;
    expect(record.params).toMatchObject({
      id: customer.id,
      email: customer.email,
      notes: 'VIP',
      createdBy: adminId,
      updatedBy: adminId,
      deletedAt: null,
    });
    expect(record.params).not.toHaveProperty('searchText');
    expect(record.populated.createdBy).toMatchObject({ id: adminId });
    expect(record.populated.updatedBy).toMatchObject({ id: adminId });

    const rows = (await list()).records as Array<{ id: unknown; params: Record<string, unknown> }>;
    const listed = rows.find((row) => Number(row.id) === customer.id)?.params;
    expect(listed).toMatchObject({ email: customer.email, notes: 'VIP' });
    expect(listed).not.toHaveProperty('createdBy');
    expect(listed).not.toHaveProperty('searchText');
  });

  it('offers Delete only on active customers and Restore only on deleted ones', async () => {
    const customer = await t.services.customers.create(customerForm(), { id: adminId, role: 'SUPERUSER' });
    const actionsOf = async () => {
      const response = await agent.get(`${API}/records/${customer.id}/show`);
      return (response.body.record.recordActions as Array<{ name: string }>).map((action) => action.name);
    };
    expect(await actionsOf()).toContain('delete');
    expect(await actionsOf()).not.toContain('restore');
    await t.services.customers.softDelete(customer.id, { id: adminId, role: 'SUPERUSER' });
    expect(await actionsOf()).toContain('restore');
    expect(await actionsOf()).not.toContain('delete');
  });
});
