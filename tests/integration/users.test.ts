import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

type Agent = Awaited<ReturnType<TestApp['signIn']>>;
const API = '/admin/api/resources/User';

let t: TestApp;
let agent: Agent;
let me: { id: number; email: string };

beforeAll(async () => {
  t = await createTestApp();
  me = await t.createUser('SUPERUSER');
  agent = await t.signIn(me.email);
});
afterAll(async () => t.close());

describe('staff accounts', () => {
  it('creates a user with an argon2id-hashed password that never leaves the server', async () => {
    const response = await agent
      .post(`${API}/actions/new`)
      .type('form')
      .send({ email: 'New.Clerk@Staff.test', name: 'New Clerk', role: 'STAFF', password: 'clerk password 123' });
    expect(response.body.record.errors).toEqual({});
    expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|argon2|clerk password 123/);
    const stored = await t.prisma.user.findUniqueOrThrow({ where: { email: 'new.clerk@staff.test' } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored).toMatchObject({ role: 'STAFF', isActive: true });

    const list = await agent.get(`${API}/actions/list`);
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|argon2/);
    const show = await agent.get(`${API}/records/${stored.id}/show`);
    expect(JSON.stringify(show.body)).not.toMatch(/passwordHash|argon2/);
    await t.signIn('new.clerk@staff.test', 'clerk password 123');
  });

  it.each([
    [{ password: 'short' }, 'password', /at least 12/],
    [{ email: 'nope' }, 'email', /valid email/i],
    [{ role: 'EMPEROR' }, 'role', /SUPERUSER, MANAGER, STAFF, VIEWER/],
    [{ name: '' }, 'name', /required/i],
  ])('refuses %j on its field and writes nothing', async (override, field, message) => {
    const before = await t.prisma.user.count();
    const response = await agent
      .post(`${API}/actions/new`)
      .type('form')
      .send({
        email: `x${before}@staff.test`,
        name: 'Someone',
        role: 'STAFF',
        password: 'long enough password',
        ...override,
      });
    expect(response.body.record.errors[field].message).toMatch(message);
    expect(JSON.stringify(response.body)).not.toContain('long enough password');
    expect(await t.prisma.user.count()).toBe(before);
  });

  it('refuses an email that another user has', async () => {
    const response = await agent
      .post(`${API}/actions/new`)
      .type('form')
      .send({ email: me.email.toUpperCase(), name: 'Twin', role: 'STAFF', password: 'long enough password' });
    expect(response.body.record.errors.email.message).toBe(`The email ${me.email} already belongs to user #${me.id}.`);
  });

  it('edits name, role and active flag, and sets a new password only when one is typed', async () => {
    const user = await t.createUser('VIEWER');
    const hashBefore = (await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const response = await agent
      .post(`${API}/records/${user.id}/edit`)
      .type('form')
      .send({ name: 'Promoted', role: 'MANAGER', isActive: 'false', password: '' });
    expect(response.body.record.errors).toEqual({});
    const stored = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ name: 'Promoted', role: 'MANAGER', isActive: false, passwordHash: hashBefore });

    await agent
      .post(`${API}/records/${user.id}/edit`)
      .type('form')
      .send({ isActive: 'true', password: 'reset by the boss 1' });
    await t.signIn(user.email, 'reset by the boss 1');
    await expect(t.signIn(user.email, TEST_PASSWORD)).rejects.toThrow();
  });

  it('does not let a superuser deactivate or demote themselves', async () => {
    const deactivate = await agent.post(`${API}/records/${me.id}/edit`).type('form').send({ isActive: 'false' });
    expect(deactivate.body.record.errors.isActive.message).toMatch(/your own account/);
    const demote = await agent.post(`${API}/records/${me.id}/edit`).type('form').send({ role: 'STAFF' });
    expect(demote.body.record.errors.role.message).toMatch(/your own superuser role/);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      role: 'SUPERUSER',
      isActive: true,
    });
  });

  it('keeps one active superuser when the last two demote each other at the same moment', async () => {
    for (let round = 0; round < 5; round += 1) {
      const [first, second] = [await t.createUser('SUPERUSER'), await t.createUser('SUPERUSER')];
      await t.prisma.user.updateMany({
        where: { role: 'SUPERUSER', id: { notIn: [first.id, second.id] } },
        data: { role: 'MANAGER' },
      });
      try {
        const results = await Promise.allSettled([
          t.services.users.update(second.id, { role: 'STAFF' }, { id: first.id, role: 'SUPERUSER' }),
          t.services.users.update(first.id, { role: 'STAFF' }, { id: second.id, role: 'SUPERUSER' }),
        ]);
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        const [refused] = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
        expect(refused?.reason).toMatchObject({
          fieldErrors: { role: expect.stringMatching(/last active superuser/) },
        });
        expect(await t.prisma.user.count({ where: { role: 'SUPERUSER', isActive: true } })).toBe(1);
      } finally {
        await t.prisma.user.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { role: 'STAFF' } });
        await t.prisma.user.update({ where: { id: me.id }, data: { role: 'SUPERUSER' } });
      }
    }
  });

  it('keeps the last active superuser', async () => {
    const other = await t.createUser('SUPERUSER');
    await t.prisma.user.updateMany({
      where: { role: 'SUPERUSER', id: { notIn: [other.id] } },
      data: { role: 'MANAGER' },
    });
    try {
      const actor = { id: me.id, role: 'SUPERUSER' as const };
      await expect(t.services.users.update(other.id, { isActive: false }, actor)).rejects.toMatchObject({
        fieldErrors: { isActive: expect.stringMatching(/last active superuser/) },
      });
      await expect(t.services.users.update(other.id, { role: 'STAFF' }, actor)).rejects.toMatchObject({
        fieldErrors: { role: expect.stringMatching(/last active superuser/) },
      });
      expect(await t.prisma.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
        role: 'SUPERUSER',
        isActive: true,
      });
    } finally {
      await t.prisma.user.update({ where: { id: me.id }, data: { role: 'SUPERUSER' } });
    }
  });

  it('filters the user list by role and active flag, and searches by email or name', async () => {
    await t.createUser('VIEWER', { email: 'findme@staff.test', name: 'Findable Person' });
    const byRole = await agent.get(`${API}/actions/list`).query({ 'filters.role': 'VIEWER', perPage: 100 });
    expect(byRole.body.records.every((r: { params: { role: string } }) => r.params.role === 'VIEWER')).toBe(true);
    const bySearch = await agent.get(`${API}/actions/list`).query({ 'filters.search': 'findable' });
    expect(bySearch.body.records.map((r: { params: { email: string } }) => r.params.email)).toEqual([
      'findme@staff.test',
    ]);
    const weird = await agent
      .get(`${API}/actions/list`)
      .query({ 'filters.isActive': 'maybe', 'filters.createdAt~~from': 'garbage', sortBy: 'passwordHash' });
    expect(weird.status).toBe(200);
  });
});
