import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, customerForm, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

type Agent = Awaited<ReturnType<TestApp['signIn']>>;
let t: TestApp;
let boss: { id: number; email: string };
let agent: Agent;
let lastId = 0;

beforeAll(async () => {
  t = await createTestApp();
  boss = await t.createUser('SUPERUSER');
  agent = await t.signIn(boss.email);
});
afterAll(async () => t.close());
beforeEach(async () => {
  lastId = (await t.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0;
});

/** The entries written since the test began. */
const newEntries = () => t.prisma.auditLog.findMany({ where: { id: { gt: lastId } }, orderBy: { id: 'asc' } });
const UA = 'audit-test-agent/1.0';

describe('audited customer changes: exactly one entry each, with only what changed', () => {
  it('create, update, delete, restore', async () => {
    const created = await agent
      .post('/admin/api/resources/Customer/actions/new')
      .set('User-Agent', UA)
      .type('form')
      .send(customerForm({ email: 'audited@example.com' }));
    const id = created.body.record.params.id;
    let entries = await newEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: boss.id,
      action: 'create',
      resource: 'Customer',
      recordId: String(id),
      userAgent: UA,
    });
    expect(entries[0]!.ip).toMatch(/127\.0\.0\.1/);
    expect((entries[0]!.changes as Record<string, unknown>).email).toEqual([null, 'audited@example.com']);

    lastId = entries[0]!.id;
    await agent
      .post(`/admin/api/resources/Customer/records/${id}/edit`)
      .type('form')
      .send({ lastName: 'Changed', email: 'audited@example.com', notes: '' });
    entries = await newEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'update', changes: { lastName: [expect.any(String), 'Changed'] } });
    expect(Object.keys(entries[0]!.changes as object)).toEqual(['lastName']);

    lastId = entries[0]!.id;
    await agent.post(`/admin/api/resources/Customer/records/${id}/delete`);
    await agent.post(`/admin/api/resources/Customer/records/${id}/restore`);
    entries = await newEntries();
    expect(entries.map((e) => e.action)).toEqual(['delete', 'restore']);
    expect((entries[0]!.changes as Record<string, [unknown, unknown]>).deletedAt![0]).toBeNull();
  });

  it('an invalid change, or one that changes nothing, writes no entry', async () => {
    const customer = await t.services.customers.create(customerForm(), { id: boss.id, role: 'SUPERUSER' });
    lastId = (await t.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id!;
    await agent
      .post('/admin/api/resources/Customer/actions/new')
      .type('form')
      .send(customerForm({ phone: 'nope' }));
    await agent
      .post(`/admin/api/resources/Customer/records/${customer.id}/edit`)
      .type('form')
      .send({ email: 'broken' });
    await agent
      .post(`/admin/api/resources/Customer/records/${customer.id}/edit`)
      .type('form')
      .send({ firstName: customer.firstName });
    expect(await newEntries()).toEqual([]);
  });
});

describe('the origin of a change', () => {
  /** A POST whose body is sent a moment after its headers, as from a slow client: the body parser is listening by then. */
  async function postWithLateBody(
    path: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; cookie?: string }> {
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      return await new Promise((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path,
            method: 'POST',
            headers: { ...headers, 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () =>
              resolve({ status: res.statusCode!, cookie: res.headers['set-cookie']?.[0]?.split(';')[0] }),
            );
          },
        );
        req.on('error', reject);
        req.flushHeaders();
        void sleep(100).then(() => req.end(body));
      });
    } finally {
      server.close();
    }
  }

  it('is recorded when the request body arrives after the headers (sign-in form, AdminJS form)', async () => {
    const user = await t.createUser('STAFF');
    lastId = (await t.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id!;
    const form = { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': UA };
    const signedIn = await postWithLateBody(
      '/admin/login',
      new URLSearchParams({ email: user.email, password: TEST_PASSWORD }).toString(),
      form,
    );
    expect(signedIn.status).toBe(302);
    const created = await postWithLateBody(
      '/admin/api/resources/Customer/actions/new',
      new URLSearchParams(customerForm()).toString(),
      { ...form, cookie: signedIn.cookie! },
    );
    expect(created.status).toBe(200);
    const entries = await newEntries();
    expect(entries.map((entry) => [entry.action, entry.resource, entry.userAgent])).toEqual([
      ['login', 'Session', UA],
      ['create', 'Customer', UA],
    ]);
  });
});

describe('audited account events', () => {
  it('user create, role change, deactivate, activate — never a password or hash', async () => {
    const created = await agent
      .post('/admin/api/resources/User/actions/new')
      .type('form')
      .send({ email: 'audited.user@staff.test', name: 'Audited', role: 'STAFF', password: 'secret password 99' });
    const id = created.body.record.params.id;
    await agent.post(`/admin/api/resources/User/records/${id}/edit`).type('form').send({ role: 'MANAGER' });
    await agent.post(`/admin/api/resources/User/records/${id}/edit`).type('form').send({ isActive: 'false' });
    await agent
      .post(`/admin/api/resources/User/records/${id}/edit`)
      .type('form')
      .send({ isActive: 'true', password: 'reset by boss 123' });
    const entries = await newEntries();
    expect(entries.map((e) => [e.action, e.resource, e.recordId])).toEqual([
      ['create', 'User', String(id)],
      ['role_change', 'User', String(id)],
      ['deactivate', 'User', String(id)],
      ['activate', 'User', String(id)],
      ['password_reset', 'User', String(id)],
    ]);
    expect(entries[1]!.changes).toEqual({ role: ['STAFF', 'MANAGER'] });
    expect(JSON.stringify(entries)).not.toMatch(/secret password|reset by boss|argon2|passwordHash/);
  });

  it('login, login_failed (with the email tried), logout', async () => {
    const user = await t.createUser('VIEWER');
    lastId = (await t.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id!;
    await request(t.app)
      .post('/admin/login')
      .type('form')
      .send({ email: 'Nobody@Staff.test', password: 'whatever it is' });
    const session = await t.signIn(user.email, TEST_PASSWORD);
    await session.get('/admin/logout');
    const entries = await newEntries();
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ['login_failed', null],
      ['login', user.id],
      ['logout', user.id],
    ]);
    expect(entries[0]!.changes).toEqual({ email: [null, 'nobody@staff.test'] });
    expect(JSON.stringify(entries)).not.toContain('whatever it is');
  });

  it('login_failed never holds what was typed as an email unless it is an email address', async () => {
    lastId = (await t.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id!;
    // A password typed into the email field, over the panel and the API.
    await request(t.app).post('/admin/login').type('form').send({ email: 'my secret pass 42', password: 'x' });
    await request(t.app).post('/api/v1/auth/token').send({ email: 'my secret pass 42', password: 'x' });
    const entries = await newEntries();
    expect(entries.map((e) => [e.action, e.changes])).toEqual([
      ['login_failed', { identifier: [null, 'not an email address'] }],
      ['login_failed', { identifier: [null, 'not an email address'] }],
    ]);
    expect(JSON.stringify(entries)).not.toContain('my secret pass');
  });

  it('invitation sent and accepted, password reset by link, password change in the profile', async () => {
    const user = await t.createUser('STAFF');
    lastId = (await t.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id!;
    await agent.post(`/admin/api/resources/User/records/${user.id}/invite`);
    const invite = new URL(t.mailbox.linkIn(t.mailbox.messages.at(-1)!));
    await request(t.app)
      .post(invite.pathname)
      .type('form')
      .send({
        token: invite.searchParams.get('token'),
        password: 'accepted password 1',
        confirmation: 'accepted password 1',
      });
    await request(t.app).post('/admin/forgot-password').type('form').send({ email: user.email });
    const reset = new URL(t.mailbox.linkIn(t.mailbox.messages.at(-1)!));
    await request(t.app)
      .post(reset.pathname)
      .type('form')
      .send({
        token: reset.searchParams.get('token'),
        password: 'reset password 12',
        confirmation: 'reset password 12',
      });
    const own = await t.signIn(user.email, 'reset password 12');
    await own.post('/admin/profile/password').type('form').send({
      currentPassword: 'reset password 12',
      password: 'changed password 3',
      confirmation: 'changed password 3',
    });
    const entries = await newEntries();
    expect(entries.map((e) => e.action)).toEqual([
      'invitation_sent',
      'invitation_accepted',
      'password_reset',
      'login',
      'password_change',
    ]);
    const tokens = [invite.searchParams.get('token'), reset.searchParams.get('token')];
    for (const token of tokens) expect(JSON.stringify(entries)).not.toContain(token);
  });
});

describe('the audit log is append-only', () => {
  it('offers no create, edit or delete to anyone, and refuses them over HTTP', async () => {
    const entry = await t.prisma.auditLog.findFirstOrThrow();
    const before = await t.prisma.auditLog.findMany();
    const attempts = [
      agent
        .post('/admin/api/resources/AuditLog/actions/new')
        .type('form')
        .send({ action: 'create', resource: 'Customer' }),
      agent.post(`/admin/api/resources/AuditLog/records/${entry.id}/edit`).type('form').send({ action: 'logout' }),
      agent.post(`/admin/api/resources/AuditLog/records/${entry.id}/delete`),
      agent.post('/admin/api/resources/AuditLog/bulk/bulkDelete').query({ recordIds: String(entry.id) }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
    expect(await t.prisma.auditLog.findMany()).toEqual(before);
    const show = await agent.get(`/admin/api/resources/AuditLog/records/${entry.id}/show`);
    expect(show.body.record.recordActions.map((a: { name: string }) => a.name)).toEqual(['show']);
  });

  it('is protected by the database too: updates and deletes abort', async () => {
    const before = await t.prisma.auditLog.findMany();
    await expect(t.prisma.auditLog.updateMany({ data: { action: 'forged' } })).rejects.toThrow();
    await expect(t.prisma.auditLog.deleteMany()).rejects.toThrow();
    expect(await t.prisma.auditLog.findMany()).toEqual(before);
  });

  it('is readable by superusers and managers, filterable, and refused to staff and viewers', async () => {
    const manager = await t.signIn((await t.createUser('MANAGER')).email);
    const list = await manager
      .get('/admin/api/resources/AuditLog/actions/list')
      .query({ 'filters.action': 'login', 'filters.resource': 'Session' });
    expect(list.status).toBe(200);
    expect(list.body.records.length).toBeGreaterThan(0);
    expect(list.body.records.every((r: { params: { action: string } }) => r.params.action === 'login')).toBe(true);
    const ats = list.body.records.map((r: { params: { at: string } }) => r.params.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    for (const role of ['STAFF', 'VIEWER'] as const) {
      const other = await t.signIn((await t.createUser(role)).email);
      expect((await other.get('/admin/api/resources/AuditLog/actions/list')).status).toBe(403);
    }
  });

  it('History on a customer lists its entries, newest first', async () => {
    const customer = await t.services.customers.create(customerForm(), { id: boss.id, role: 'SUPERUSER' });
    t.clock.set('2026-11-23T13:00:00.000Z');
    await t.services.customers.update(customer.id, { notes: 'second' }, { id: boss.id, role: 'SUPERUSER' });
    t.clock.set('2026-11-23T12:00:00.000Z');
    const history = await agent.get(`/admin/api/resources/Customer/records/${customer.id}/history`);
    expect(history.body.history.entries.map((entry: { sentences: string[] }) => entry.sentences)).toEqual([
      ['Notes: (empty) → second'],
      ['Added'],
    ]);
  });
});
