/** Staff accounts over the API (superusers): the user service's rules, messages and audit entries. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestApp, type ApiTestApp, type SignedInUser } from '../support/api-app.js';

let t: ApiTestApp;
let admin: SignedInUser;

beforeAll(async () => {
  t = await createApiTestApp();
  admin = await t.userWithToken('SUPERUSER', { email: 'root@staff.test' });
});
afterAll(async () => t.close());

const createUser = (body: Record<string, unknown>) => t.api.post('/users', { token: admin.token, body });
const patchUser = (id: number, body: Record<string, unknown>) =>
  t.api.patch(`/users/${id}`, { token: admin.token, body });

describe('POST /users', () => {
  it('creates an account that can sign in; never answers a password or hash', async () => {
    const response = await createUser({
      email: ' New.Person@Staff.TEST ',
      name: 'New Person',
      role: 'MANAGER',
      password: 'a long enough password 7',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      email: 'new.person@staff.test',
      name: 'New Person',
      role: 'MANAGER',
      isActive: true,
      lastLoginAt: null,
    });
    expect(JSON.stringify(response.body)).not.toMatch(/password/i);
    const entry = await t.prisma.auditLog.findFirstOrThrow({
      where: { resource: 'User', action: 'create', recordId: String(response.body.id) },
    });
    expect(entry.actorId).toBe(admin.id);
    expect(JSON.stringify(entry.changes)).not.toContain('a long enough password 7');
    expect((await t.signInApi('new.person@staff.test', 'a long enough password 7')).accessToken).toBeTruthy();
  });

  it('defaults to an active STAFF account without a password, which cannot sign in yet', async () => {
    const response = await createUser({ email: 'invited@staff.test', name: 'Invited' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ role: 'STAFF', isActive: true });
    expect((await t.api.post('/auth/token', { body: { email: 'invited@staff.test', password: '' } })).status).toBe(401);
  });

  it.each([
    [{ email: 'not an email', name: 'X' }, { email: 'Enter a valid email address, like name@example.com.' }],
    [{ email: 'short@staff.test', name: 'X', password: 'short' }, { password: 'Use at least 12 characters.' }],
    [
      { email: 'role@staff.test', name: 'X', role: 'ADMIN' },
      { role: 'Choose one of: SUPERUSER, MANAGER, STAFF, VIEWER.' },
    ],
    [
      { email: 'root@staff.test', name: 'Again' },
      { email: expect.stringMatching(/^The email root@staff.test already belongs to user #\d+\.$/) },
    ],
    [
      { email: 'hash@staff.test', name: 'X', passwordHash: 'x' },
      { passwordHash: 'Unknown field; the fields are email, name, role, isActive, password.' },
    ],
  ])("refuses %j with 422 and the domain's messages", async (body, errors) => {
    const before = await t.prisma.user.count();
    const response = await createUser(body);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(errors);
    expect(await t.prisma.user.count()).toBe(before);
  });
});

describe('PATCH /users/{id}', () => {
  it('renames, changes the role (audited as role_change) and deactivates', async () => {
    const { id } = await t.createUser('STAFF');
    expect((await patchUser(id, { name: 'Renamed' })).body.name).toBe('Renamed');
    const promoted = await patchUser(id, { role: 'MANAGER' });
    expect(promoted.body.role).toBe('MANAGER');
    expect(
      await t.prisma.auditLog.count({ where: { resource: 'User', recordId: String(id), action: 'role_change' } }),
    ).toBe(1);
    const deactivated = await patchUser(id, { isActive: false });
    expect(deactivated.body.isActive).toBe(false);
    expect(
      await t.prisma.auditLog.count({ where: { resource: 'User', recordId: String(id), action: 'deactivate' } }),
    ).toBe(1);
  });

  it.each([
    [{ isActive: false }, { isActive: 'You cannot deactivate your own account.' }],
    [{ role: 'STAFF' }, { role: 'You cannot remove your own superuser role.' }],
    [{ email: 'else@staff.test' }, { email: 'Unknown field; the fields are name, role, isActive.' }],
    [{ password: 'a new password 1234' }, { password: 'Unknown field; the fields are name, role, isActive.' }],
    [{ isActive: 'maybe' }, { isActive: 'Choose active or inactive.' }],
  ])("refuses %j on one's own account with 422", async (body, errors) => {
    const response = await patchUser(admin.id, body);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(errors);
  });

  it('answers 404 for an account that does not exist', async () => {
    expect((await patchUser(987654, { name: 'Nobody' })).status).toBe(404);
  });
});

describe('GET /users', () => {
  it('lists, filters by role, active flag and text, and pages', async () => {
    await t.createUser('VIEWER', { email: 'viewer.one@staff.test', name: 'Vera Viewer' });
    await t.createUser('VIEWER', { email: 'viewer.two@staff.test', name: 'Victor Viewer', isActive: false });
    const viewers = await t.api.get('/users', { token: admin.token, query: { role: 'VIEWER', sort: '-email' } });
    expect(viewers.status).toBe(200);
    expect(viewers.body.items.map((user: { email: string }) => user.email)).toEqual([
      'viewer.two@staff.test',
      'viewer.one@staff.test',
    ]);
    const inactive = await t.api.get('/users', { token: admin.token, query: { role: 'VIEWER', isActive: 'false' } });
    expect(inactive.body.items.map((user: { name: string }) => user.name)).toEqual(['Victor Viewer']);
    expect((await t.api.get('/users', { token: admin.token, query: { q: 'vera' } })).body.total).toBe(1);
    const page = await t.api.get('/users', { token: admin.token, query: { pageSize: '1', page: '2' } });
    expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
    expect((await t.api.get('/users', { token: admin.token, query: { role: 'ROOT' } })).status).toBe(400);
  });
});
