/**
 * History on the customer's page (GET …/records/:id/history): its entries as sentences for every
 * role the matrix allows — STAFF too, who may not read the audit log — and the audit log's entry
 * page rendering the same sentences, with its Record # linked where the viewer may open the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../src/domain/accounts/permissions.js';
import { createTestApp, customerForm, type TestApp } from '../support/test-app.js';

type Agent = Awaited<ReturnType<TestApp['signIn']>>;
let t: TestApp;
const people = {} as Record<Role, { actor: Actor; agent: Agent }>;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'] as const) {
    const name = { SUPERUSER: 'Sue Perkins', MANAGER: 'Max Manager', STAFF: 'Ann Clerk', VIEWER: 'Vic Viewer' }[role];
    const user = await t.createUser(role, { name });
    people[role] = { actor: { id: user.id, role }, agent: await t.signIn(user.email) };
  }
});
afterAll(async () => t.close());

const history = (role: Role, customerId: number, before?: number) =>
  people[role].agent
    .get(`/admin/api/resources/Customer/records/${customerId}/history`)
    .query(before === undefined ? {} : { before });

let customers = 0;

/** A customer added by Ann Clerk (STAFF), whose email she then changed, later deleted by Max Manager. */
async function customerWithChanges() {
  customers += 1;
  t.clock.set('2026-12-07T09:12:00.000Z');
  const customer = await t.services.customers.create(
    customerForm({ email: `ada${customers}@old.example`, firstName: 'Ada' }),
    people.STAFF.actor,
  );
  t.clock.set('2026-12-07T10:55:00.000Z');
  await t.services.customers.update(
    customer.id,
    { email: `ada${customers}@new.example`, notes: 'Prefers mail' },
    people.STAFF.actor,
  );
  t.clock.set('2026-12-07T11:30:00.000Z');
  await t.services.customers.softDelete(customer.id, people.MANAGER.actor);
  return customer;
}

describe('a customer’s History', () => {
  it('reads as sentences, newest first, for superusers, managers and staff', async () => {
    const customer = await customerWithChanges();
    for (const role of ['SUPERUSER', 'MANAGER', 'STAFF'] as const) {
      const response = await history(role, customer.id);
      expect(response.status, role).toBe(200);
      expect(response.body.history.hasMore).toBe(false);
      expect(response.body.history.entries).toEqual([
        expect.objectContaining({ at: '2026-12-07T11:30:00.000Z', actorName: 'Max Manager', sentences: ['Deleted'] }),
        expect.objectContaining({
          at: '2026-12-07T10:55:00.000Z',
          actorName: 'Ann Clerk',
          sentences: [
            `Email: ada${customers}@old.example → ada${customers}@new.example`,
            'Notes: (empty) → Prefers mail',
          ],
          details: [],
        }),
        expect.objectContaining({
          at: '2026-12-07T09:12:00.000Z',
          actorName: 'Ann Clerk',
          sentences: ['Added'],
          details: expect.arrayContaining(['First name: Ada', `Email: ada${customers}@old.example`]),
        }),
      ]);
    }
  });

  it('is refused to viewers, and the audit log stays refused to staff', async () => {
    const customer = await customerWithChanges();
    expect((await history('VIEWER', customer.id)).status).toBe(403);
    expect((await people.STAFF.agent.get('/admin/api/resources/AuditLog/actions/list')).status).toBe(403);
    const entry = await t.prisma.auditLog.findFirstOrThrow({ where: { recordId: String(customer.id) } });
    expect((await people.STAFF.agent.get(`/admin/api/resources/AuditLog/records/${entry.id}/show`)).status).toBe(403);
  });

  it('is offered on the customer’s page to the roles that may read it', async () => {
    const customer = await customerWithChanges();
    for (const [role, offered] of [
      ['STAFF', true],
      ['VIEWER', false],
    ] as const) {
      const shown = await people[role].agent.get(`/admin/api/resources/Customer/records/${customer.id}/show`);
      const actions = shown.body.record.recordActions.map((action: { name: string }) => action.name);
      expect(actions.includes('history'), role).toBe(offered);
    }
  });

  it('comes 20 entries at a time, older ones after a given entry', async () => {
    t.clock.set('2026-12-07T12:00:00.000Z');
    const customer = await t.services.customers.create(customerForm(), people.STAFF.actor);
    for (let i = 1; i <= 24; i++) {
      t.clock.set(new Date(Date.parse('2026-12-07T12:00:00.000Z') + i * 60_000));
      await t.services.customers.update(customer.id, { notes: `Call ${i}` }, people.STAFF.actor);
    }
    const first = (await history('STAFF', customer.id)).body.history;
    expect(first.entries).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(first.entries[0].sentences).toEqual(['Notes: Call 23 → Call 24']);
    const rest = (await history('STAFF', customer.id, first.entries.at(-1).id)).body.history;
    expect(rest.hasMore).toBe(false);
    expect(rest.entries.map((entry: { sentences: string[] }) => entry.sentences[0])).toEqual([
      'Notes: Call 3 → Call 4',
      'Notes: Call 2 → Call 3',
      'Notes: Call 1 → Call 2',
      'Notes: (empty) → Call 1',
      'Added',
    ]);
  });

  it('answers no history for a customer that does not exist, as AdminJS answers its own record actions', async () => {
    const response = await history('STAFF', 999_999);
    expect(response.body.history).toBeUndefined();
    expect(response.body.notice).toMatchObject({ type: 'error', message: expect.stringContaining('cannot be found') });
  });
});

describe('the audit log’s entry page', () => {
  it('shows the changes as the same sentences and links Record # to the record', async () => {
    const customer = await customerWithChanges();
    const update = await t.prisma.auditLog.findFirstOrThrow({
      where: { resource: 'Customer', recordId: String(customer.id), action: 'update' },
    });
    const shown = await people.MANAGER.agent.get(`/admin/api/resources/AuditLog/records/${update.id}/show`);
    expect(shown.status).toBe(200);
    expect(JSON.parse(shown.body.record.params.sentences)).toEqual({
      summary: 'Changed',
      sentences: [`Email: ada${customers}@old.example → ada${customers}@new.example`, 'Notes: (empty) → Prefers mail'],
      details: [],
    });
    expect(shown.body.record.params.recordHref).toBe(`/admin/resources/Customer/records/${customer.id}/show`);
    const list = await people.MANAGER.agent
      .get('/admin/api/resources/AuditLog/actions/list')
      .query({ 'filters.recordId': String(customer.id), 'filters.resource': 'Customer' });
    expect(list.body.records.every((record: { params: { recordHref?: string } }) => record.params.recordHref)).toBe(
      true,
    );
  });

  it('links a staff account entry only for those who may open staff accounts', async () => {
    const created = await t.prisma.auditLog.findFirstOrThrow({ where: { resource: 'User', action: 'create' } });
    const as = async (role: Role) =>
      (await people[role].agent.get(`/admin/api/resources/AuditLog/records/${created.id}/show`)).body.record.params;
    expect((await as('SUPERUSER')).recordHref).toBe(`/admin/resources/User/records/${created.recordId}/show`);
    expect((await as('MANAGER')).recordHref).toBeUndefined();
  });
});
