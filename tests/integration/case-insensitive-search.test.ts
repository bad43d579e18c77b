/**
 * Search ignores case the same way on every database: SQLite's LIKE folds ASCII letters by itself,
 * PostgreSQL gets ILIKE from the database layer. Runs on SQLite under `npm test` and on
 * PostgreSQL under `npm run test:pg`, with the same expectations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createTestApp, customerForm, type TestApp } from '../support/test-app.js';

let t: TestApp;
let agent: ReturnType<typeof request.agent>;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.createUser('SUPERUSER', { name: 'Grace Admin' });
  await t.createUser('STAFF', { name: 'Linus Clerk', email: 'linus.clerk@staff.test' });
  agent = await t.signIn(admin.email);
  for (const [firstName, lastName, email] of [
    ['Ada', 'Lovelace', 'ada.lovelace@example.com'],
    ['ADAM', 'SMITH', 'adam.smith@example.com'],
    ['Grace', 'Hopper', 'grace@example.com'],
  ] as const) {
    const created = await agent
      .post('/admin/api/resources/Customer/actions/new')
      .type('form')
      .send(customerForm({ firstName, lastName, email }));
    expect(created.body.record.errors).toEqual({});
  }
});
afterAll(async () => t.close());

async function customerNames(search: string): Promise<string[]> {
  const response = await agent
    .get('/admin/api/resources/Customer/actions/list')
    .query({ 'filters.search': search, sortBy: 'lastName', direction: 'asc' });
  expect(response.status).toBe(200);
  return response.body.records.map(
    (record: { params: { firstName: string; lastName: string } }) =>
      `${record.params.firstName} ${record.params.lastName}`,
  );
}

describe('case-insensitive search', () => {
  it.each([
    ['ada', ['Ada Lovelace', 'ADAM SMITH']],
    ['ADA', ['Ada Lovelace', 'ADAM SMITH']],
    ['lOvElAcE', ['Ada Lovelace']],
    ['smith', ['ADAM SMITH']],
    ['GRACE@EXAMPLE.COM', ['Grace Hopper']],
    ['ada LOVELACE', ['Ada Lovelace']],
  ])('customers: %s', async (search, expected) => {
    expect(await customerNames(search)).toEqual(expected);
  });

  it("any query through the app's Prisma client, not only the panel's", async () => {
    const found = await t.prisma.customer.findMany({ where: { lastName: { contains: 'hOPPER' } } });
    expect(found.map((customer) => customer.email)).toEqual(['grace@example.com']);
  });

  it('staff accounts by name or email', async () => {
    for (const search of ['linus', 'LINUS CLERK', 'Linus.Clerk@STAFF.test']) {
      const response = await agent.get('/admin/api/resources/User/actions/list').query({ 'filters.search': search });
      expect(response.body.records.map((record: { params: { name: string } }) => record.params.name)).toEqual([
        'Linus Clerk',
      ]);
    }
  });
});
