/**
 * The rule "a deleted customer is restored before it is changed" over the API: the same message as
 * the panel's, on the `deletedAt` field, with 422, and nothing written until the customer is restored.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiTestApp, newCustomer, type ApiTestApp, type SignedInUser } from '../support/api-app.js';

let t: ApiTestApp;
let manager: SignedInUser;

beforeAll(async () => {
  t = await createApiTestApp();
  manager = await t.userWithToken('MANAGER');
});
afterAll(async () => t.close());

it('refuses to change a deleted customer with 422 until it is restored', async () => {
  const customer = (await t.api.post('/customers', { token: manager.token, body: newCustomer() })).body as {
    id: number;
  };
  await t.api.delete(`/customers/${customer.id}`, { token: manager.token });
  expect((await t.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).deletedAt).not.toBeNull();

  const refused = await t.api.patch(`/customers/${customer.id}`, { token: manager.token, body: { notes: 'x' } });
  expect(refused.status).toBe(422);
  expect(refused.body.errors).toEqual({
    deletedAt: `Customer #${customer.id} is deleted: restore it before changing it.`,
  });
  expect((await t.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).notes).toBeNull();
});
