/**
 * The rules behind the customer screens, over HTTP and in the service: a deleted customer is not
 * edited until restored (the panel says why and changes nothing), and the panel answers an unknown
 * resource or action with 404 — before the role is looked at — and a forbidden one with 403, a
 * refused page inside the panel with the way back, never AdminJS's own error text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/accounts/permissions.js';
import { FieldValidationError } from '../../src/domain/errors.js';
import { createTestApp, customerForm, type TestApp } from '../support/test-app.js';

type Agent = Awaited<ReturnType<TestApp['signIn']>>;

let t: TestApp;
let manager: Actor;
let managerAgent: Agent;
let viewerAgent: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.createUser('MANAGER');
  manager = { id: user.id, role: 'MANAGER' };
  managerAgent = await t.signIn(user.email);
  viewerAgent = await t.signIn((await t.createUser('VIEWER')).email);
});
afterAll(async () => t.close());

const ADMINJS_TEXT = /does not have an action with name|Resource of given id/;

describe('a deleted customer', () => {
  it('is not updated by the service until restored, and says so', async () => {
    const customer = await t.services.customers.create(customerForm(), manager);
    await t.services.customers.softDelete(customer.id, manager);
    const update = t.services.customers.update(customer.id, { notes: 'changed' }, manager);
    await expect(update).rejects.toBeInstanceOf(FieldValidationError);
    await expect(update).rejects.toMatchObject({
      fieldErrors: { deletedAt: `Customer #${customer.id} is deleted: restore it before changing it.` },
    });
    await t.services.customers.restore(customer.id, manager);
    await expect(t.services.customers.update(customer.id, { notes: 'changed' }, manager)).resolves.toMatchObject({
      notes: 'changed',
    });
  });

  it('is refused by the panel’s edit form with that message as the notice, nothing written', async () => {
    const customer = await t.services.customers.create(customerForm(), manager);
    await t.services.customers.softDelete(customer.id, manager);
    const response = await managerAgent
      .post(`/admin/api/resources/Customer/records/${customer.id}/edit`)
      .field('notes', 'changed');
    expect(response.status).toBe(200);
    expect(response.body.notice).toEqual({
      type: 'error',
      message: `Customer #${customer.id} is deleted: restore it before changing it.`,
    });
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).notes).not.toBe('changed');
  });
});

describe('404 and 403', () => {
  it.each([
    ['an unknown action', '/admin/resources/Customer/actions/launchRockets'],
    ['an unknown record action', '/admin/resources/Customer/records/1/launchRockets'],
    ['an unknown resource', '/admin/resources/Rockets'],
  ])('answers %s with 404 for every role, as a page inside the panel', async (_case, path) => {
    for (const agent of [viewerAgent, managerAgent]) {
      const response = await agent.get(path);
      expect(response.status, path).toBe(404);
      expect(response.type).toBe('text/html');
      expect(response.text).toContain('window.PANEL_REFUSAL = {"status":404');
      expect(response.text).toContain('There is no such page in the panel.');
      expect(response.text).toContain('id="app"'); // AdminJS's page, with its sidebar and top bar
      expect(response.text).not.toMatch(ADMINJS_TEXT);
    }
  });

  it('answers an unknown action of the API with 404 and a notice', async () => {
    const response = await viewerAgent.get('/admin/api/resources/Customer/actions/launchRockets');
    expect(response.status).toBe(404);
    expect(response.body.notice).toEqual({ type: 'error', message: 'There is no such page in the panel.' });
  });

  it('tells a viewer opening an edit form what the role may do, with a link to the record', async () => {
    const customer = await t.services.customers.create(customerForm(), manager);
    const response = await viewerAgent.get(`/admin/resources/Customer/records/${customer.id}/edit`);
    expect(response.status).toBe(403);
    const state = /window\.PANEL_REFUSAL = (\{.*\});/.exec(response.text)?.[1];
    expect(JSON.parse(state!)).toEqual({
      status: 403,
      message: 'Your role can view customers but not edit them.',
      path: `/admin/resources/Customer/records/${customer.id}/edit`,
      back: { href: `/admin/resources/Customer/records/${customer.id}/show`, label: 'Back to the record' },
    });
    // The API call behind the same screen gets the same words as its notice.
    const api = await viewerAgent.get(`/admin/api/resources/Customer/records/${customer.id}/edit`);
    expect(api.status).toBe(403);
    expect(api.body.notice.message).toBe('Your role can view customers but not edit them.');
  });

  it('sends a role without access to a resource back to the Home', async () => {
    const response = await viewerAgent.get('/admin/resources/AuditLog');
    expect(response.status).toBe(403);
    expect(response.text).toContain('Your role does not give access to the audit log.');
    expect(response.text).toContain('"back":{"href":"/admin","label":"Back to the Home"}');
  });
});
