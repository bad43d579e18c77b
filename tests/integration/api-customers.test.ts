/**
 * Customers over the API: the panel's validation (same messages), uniqueness (also in a race),
 * soft delete and restore, the audit log, and listing with paging, sorting, search and filters.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiTestApp, newCustomer, type ApiTestApp, type SignedInUser } from '../support/api-app.js';
import { customerForm } from '../support/test-app.js';

let t: ApiTestApp;
let manager: SignedInUser;
let panel: Awaited<ReturnType<ApiTestApp['signIn']>>;

beforeAll(async () => {
  t = await createApiTestApp();
  manager = await t.userWithToken('MANAGER');
  panel = await t.signIn(manager.email);
});
afterAll(async () => t.close());
beforeEach(async () => {
  t.clock.set('2026-11-23T12:00:00.000Z');
  await t.prisma.customer.deleteMany();
});

const create = (body: Record<string, unknown>) => t.api.post('/customers', { token: manager.token, body });

async function created(
  body: Record<string, unknown> = newCustomer(),
): Promise<{ id: number } & Record<string, unknown>> {
  const response = await create(body);
  expect(response.status).toBe(201);
  return response.body;
}

describe('POST /customers', () => {
  it('creates a customer with normalised values, answers 201 with Location, and audits it like the panel', async () => {
    const response = await create({
      firstName: '  Zoë ',
      lastName: ' Müller  Schmidt',
      email: ' Zoe.Muller@Example.COM ',
      phone: '(201) 555-0123',
      dateOfBirth: '1990-05-17',
      notes: 'VIP',
    });
    expect(response.status).toBe(201);
    expect(response.headers.location).toBe(`/api/v1/customers/${response.body.id}`);
    expect(response.body).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Müller Schmidt',
      email: 'zoe.muller@example.com',
      phone: '+12015550123',
      dateOfBirth: '1990-05-17',
      notes: 'VIP',
      createdById: manager.id,
      updatedById: manager.id,
      deletedAt: null,
      createdAt: '2026-11-23T12:00:00.000Z',
    });

    const viaPanel = await panel
      .post('/admin/api/resources/Customer/actions/new')
      .type('form')
      .send(customerForm({ notes: 'VIP' }));
    expect(viaPanel.body.notice.type).toBe('success');
    const entryOf = (id: unknown) =>
      t.prisma.auditLog.findFirstOrThrow({ where: { resource: 'Customer', recordId: String(id) } });
    const [apiEntry, panelEntry] = await Promise.all([entryOf(response.body.id), entryOf(viaPanel.body.record.id)]);
    expect(apiEntry).toMatchObject({ action: 'create', actorId: manager.id, recordId: String(response.body.id) });
    expect(apiEntry.ip).toBeTruthy();
    expect(Object.keys(apiEntry.changes as object).sort()).toEqual(Object.keys(panelEntry.changes as object).sort());
    expect(panelEntry.action).toBe(apiEntry.action);
  });

  it.each([
    ['firstName', { firstName: '' }],
    ['firstName', { firstName: '   ' }],
    ['lastName', { lastName: 'x'.repeat(101) }],
    ['email', { email: 'not-an-email' }],
    ['phone', { phone: '12345' }],
    ['phone', { phone: 'call me' }],
    ['dateOfBirth', { dateOfBirth: '2020-01-01' }],
    ['dateOfBirth', { dateOfBirth: '2023-02-29' }],
    ['dateOfBirth', { dateOfBirth: '' }],
    ['notes', { notes: 'n'.repeat(2001) }],
  ])('refuses a bad %s with 422 and the very message the panel shows, writing nothing', async (field, override) => {
    const response = await create(newCustomer(override));
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.errors)).toEqual([field]);
    const viaPanel = await panel
      .post('/admin/api/resources/Customer/actions/new')
      .type('form')
      .send(customerForm(override));
    expect(response.body.errors[field]).toBe(viaPanel.body.record.errors[field].message);
    expect(await t.prisma.customer.count()).toBe(0);
  });

  it('reports every missing and mistyped field at once', async () => {
    const response = await create({ firstName: 42, notes: false });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual({
      firstName: 'First name must be text.',
      lastName: 'Last name is required.',
      email: 'Email is required.',
      phone: 'Phone is required.',
      dateOfBirth: 'Date of birth is required.',
      notes: 'Notes must be text.',
    });
  });

  it("refuses fields that are not a customer's to set (id, deletedAt, createdById)", async () => {
    const response = await create(newCustomer({ id: 7, deletedAt: '2020-01-01', createdById: 1 }));
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.errors).sort()).toEqual(['createdById', 'deletedAt', 'id']);
    expect(response.body.errors.id).toMatch(
      /^Unknown field; the fields are firstName, lastName, email, phone, dateOfBirth, notes\.$/,
    );
    expect(await t.prisma.customer.count()).toBe(0);
  });

  it('names the holder of an email or phone already taken, pointing to restore for a deleted one', async () => {
    const holder = await created(newCustomer({ email: 'taken@example.com', phone: '+1 212 555 0100' }));
    const clash = await create(newCustomer({ email: 'TAKEN@example.com', phone: '(212) 555-0100' }));
    expect(clash.status).toBe(422);
    expect(clash.body.errors).toEqual({
      email: `The email taken@example.com already belongs to customer #${holder.id}.`,
      phone: `The phone number +1 212 555 0100 already belongs to customer #${holder.id}.`,
    });
    await t.api.delete(`/customers/${holder.id}`, { token: manager.token });
    const deleted = await create(newCustomer({ email: 'taken@example.com' }));
    expect(deleted.body.errors.email).toBe(
      `The email taken@example.com belongs to deleted customer #${holder.id} — restore that customer instead.`,
    );
  });

  it('lets exactly one of 20 concurrent creations with one email win; the 19 others get the same 422 message', async () => {
    const email = 'race@example.com';
    const answers = await Promise.all(Array.from({ length: 20 }, () => create(newCustomer({ email }))));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 422)).toHaveLength(19);
    const winner = answers.find((answer) => answer.status === 201)!.body.id as number;
    for (const loser of answers.filter((answer) => answer.status === 422)) {
      expect(loser.body.errors).toEqual({ email: `The email ${email} already belongs to customer #${winner}.` });
    }
    expect(await t.prisma.customer.count()).toBe(1);
    expect(
      await t.prisma.auditLog.count({ where: { resource: 'Customer', action: 'create', recordId: String(winner) } }),
    ).toBe(1);
  });
});

describe('GET /customers/{id}', () => {
  it('shows a customer, a soft-deleted one too', async () => {
    const customer = await created();
    expect((await t.api.get(`/customers/${customer.id}`, { token: manager.token })).body).toEqual(customer);
    await t.api.delete(`/customers/${customer.id}`, { token: manager.token });
    const shown = await t.api.get(`/customers/${customer.id}`, { token: manager.token });
    expect(shown.status).toBe(200);
    expect(shown.body.deletedAt).toBe('2026-11-23T12:00:00.000Z');
  });

  it.each(['999999', '0', 'abc', '1.5', '-1', '99999999999', '%20'])('answers 404 for id %s', async (id) => {
    const response = await t.api.get(`/customers/${id}`, { token: manager.token });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('PATCH /customers/{id}', () => {
  it('changes the given fields only, audits the change, and changes nothing for {}', async () => {
    const customer = await created();
    t.clock.set('2026-11-23T12:10:00.000Z');
    const response = await t.api.patch(`/customers/${customer.id}`, {
      token: manager.token,
      body: { lastName: 'Byron', notes: null },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      lastName: 'Byron',
      firstName: customer.firstName,
      notes: null,
      updatedAt: '2026-11-23T12:10:00.000Z',
    });
    const entry = await t.prisma.auditLog.findFirstOrThrow({
      where: { resource: 'Customer', recordId: String(customer.id), action: 'update' },
    });
    expect(entry.changes).toEqual({ lastName: [customer.lastName, 'Byron'] });

    const unchanged = await t.api.patch(`/customers/${customer.id}`, { token: manager.token, body: {} });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toEqual(response.body);
    expect(
      await t.prisma.auditLog.count({
        where: { resource: 'Customer', recordId: String(customer.id), action: 'update' },
      }),
    ).toBe(1);
  });

  it('refuses a bad field with 422 and changes nothing', async () => {
    const customer = await created();
    const response = await t.api.patch(`/customers/${customer.id}`, {
      token: manager.token,
      body: { phone: '12345', firstName: 'Ok' },
    });
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.errors)).toEqual(['phone']);
    expect((await t.api.get(`/customers/${customer.id}`, { token: manager.token })).body).toEqual(customer);
  });

  it('does not re-check an unchanged date of birth (a customer who has turned 101)', async () => {
    const customer = await created(newCustomer({ dateOfBirth: '1926-12-01' }));
    t.clock.set('2027-12-02T00:00:00.000Z');
    const staff = await t.userWithToken('STAFF');
    const response = await t.api.patch(`/customers/${customer.id}`, {
      token: staff.token,
      body: { dateOfBirth: '1926-12-01', notes: 'Still with us' },
    });
    expect(response.status).toBe(200);
    expect(response.body.notes).toBe('Still with us');
  });

  it('answers 404 for a customer that does not exist', async () => {
    expect((await t.api.patch('/customers/424242', { token: manager.token, body: { notes: 'x' } })).status).toBe(404);
  });
});

describe('DELETE /customers/{id} and POST /customers/{id}/restore', () => {
  it('soft-deletes and restores, each audited once, keeping the record', async () => {
    const customer = await created();
    const deleted = await t.api.delete(`/customers/${customer.id}`, { token: manager.token });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deletedAt).toBe('2026-11-23T12:00:00.000Z');
    expect((await t.api.delete(`/customers/${customer.id}`, { token: manager.token })).status).toBe(200);
    expect((await t.api.get('/customers', { token: manager.token })).body.total).toBe(0);

    const restored = await t.api.post(`/customers/${customer.id}/restore`, { token: manager.token });
    expect(restored.status).toBe(200);
    expect(restored.body.deletedAt).toBeNull();
    expect((await t.api.post(`/customers/${customer.id}/restore`, { token: manager.token })).status).toBe(200);
    const actions = await t.prisma.auditLog.findMany({
      where: { resource: 'Customer', recordId: String(customer.id) },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(actions.map(({ action }) => action)).toEqual(['create', 'delete', 'restore']);
    expect(await t.prisma.customer.count()).toBe(1);
  });
});

describe('GET /customers', () => {
  async function seed(): Promise<void> {
    const people = [
      ['Ada', 'Lovelace', 'ada@example.com', '+1 201 555 0101', '2026-01-10T09:00:00Z'],
      ['Alan', 'Turing', 'alan@example.com', '+44 20 7946 0958', '2026-02-10T09:00:00Z'],
      ['Grace', 'Hopper', 'grace@navy.example', '+1 212 555 0102', '2026-03-10T09:00:00Z'],
      ['Edsger', 'Dijkstra', 'edsger@example.nl', '+31 20 123 4567', '2026-04-10T09:00:00Z'],
      ['Barbara', 'Liskov', 'barbara@example.com', '+1 617 555 0103', '2026-05-10T09:00:00Z'],
    ];
    for (const [firstName, lastName, email, phone, at] of people) {
      t.clock.set(at!);
      await created(newCustomer({ firstName, lastName, email, phone }));
    }
    const liskov = await t.prisma.customer.findFirstOrThrow({ where: { lastName: 'Liskov' } });
    t.clock.set('2026-06-01T00:00:00Z');
    await t.api.delete(`/customers/${liskov.id}`, { token: manager.token });
  }
  const names = (response: { body: { items: Array<{ lastName: string }> } }) =>
    response.body.items.map((item) => item.lastName);
  const list = (query: Record<string, string> = {}) => t.api.get('/customers', { token: manager.token, query });

  it('pages the active customers, newest first, with the total', async () => {
    await seed();
    const first = await list({ pageSize: '3' });
    expect(first.body).toMatchObject({ page: 1, pageSize: 3, total: 4 });
    expect(names(first)).toEqual(['Dijkstra', 'Hopper', 'Turing']);
    const second = await list({ pageSize: '3', page: '2' });
    expect(names(second)).toEqual(['Lovelace']);
    expect((await list({ page: '9' })).body).toMatchObject({ items: [], total: 4 });
  });

  it('sorts by any field, either way', async () => {
    await seed();
    expect(names(await list({ sort: 'lastName' }))).toEqual(['Dijkstra', 'Hopper', 'Lovelace', 'Turing']);
    expect(names(await list({ sort: '-email' }))).toEqual(['Hopper', 'Dijkstra', 'Turing', 'Lovelace']);
  });

  it('searches names, email and phone digits, any case', async () => {
    await seed();
    expect(names(await list({ q: 'HOPPER' }))).toEqual(['Hopper']);
    expect(names(await list({ q: 'example.com' }))).toEqual(['Turing', 'Lovelace']);
    expect(names(await list({ q: '7946-0958' }))).toEqual(['Turing']);
    expect(names(await list({ q: 'ada lovelace' }))).toEqual(['Lovelace']);
  });

  it('lists deleted customers on request, and filters by creation date', async () => {
    await seed();
    expect(names(await list({ onlyDeleted: 'true' }))).toEqual(['Liskov']);
    expect((await list({ includeDeleted: 'true' })).body.total).toBe(5);
    expect(names(await list({ includeDeleted: 'true', createdFrom: '2026-02-10', createdTo: '2026-04-09' }))).toEqual([
      'Hopper',
      'Turing',
    ]);
    expect(names(await list({ createdFrom: '2026-03-10T09:00:01Z' }))).toEqual(['Dijkstra']);
  });

  it.each([
    [{ page: '0' }, 'page', 'page must be a whole number from 1 to 1000000.'],
    [{ pageSize: '101' }, 'pageSize', 'pageSize must be a whole number from 1 to 100.'],
    [{ pageSize: 'ten' }, 'pageSize', 'pageSize must be a whole number from 1 to 100.'],
    [{ sort: 'password' }, 'sort', /^sort must be one of: id, -id, firstName/],
    [{ includeDeleted: 'yes' }, 'includeDeleted', 'includeDeleted must be true or false.'],
    [{ includeDeleted: 'true', onlyDeleted: 'true' }, 'onlyDeleted', 'Use includeDeleted or onlyDeleted, not both.'],
    [{ createdFrom: '2026-02-30' }, 'createdFrom', /^createdFrom must be a date like 2026-01-31/],
    [{ createdFrom: '2024-01-01T00:00:00+99:99' }, 'createdFrom', /^createdFrom must be a date like 2026-01-31/],
    [{ createdTo: '2024-01-01T24:00:00Z' }, 'createdTo', /^createdTo must be a date like 2026-01-31/],
    [{ createdTo: '2024-01-01T10:00:00+15:00' }, 'createdTo', /^createdTo must be a date like 2026-01-31/],
    [{ q: 'x'.repeat(201) }, 'q', 'q must be at most 200 characters.'],
    [{ perPage: '10' }, 'perPage', 'Unknown query parameter.'],
  ])('refuses %j with 400 naming the parameter', async (query, parameter, message) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors)).toEqual([parameter]);
    expect(response.body.errors[parameter]).toMatch(message);
  });

  it('refuses a repeated or nested parameter with 400', async () => {
    for (const query of ['page=1&page=2', 'page[x]=1', 'q[]=a']) {
      expect((await t.api.get('/customers', { token: manager.token, query })).status).toBe(400);
    }
  });
});
