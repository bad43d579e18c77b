import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_CREDENTIALS_MESSAGE } from '../../src/domain/accounts/authentication.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const sessionCookie = (response: request.Response) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('backoffice.sid='));

describe('signing in', () => {
  it('redirects anonymous visitors of the panel and its API to the login page', async () => {
    for (const path of ['/', '/admin', '/admin/resources/Customer', '/admin/api/resources/Customer/actions/list']) {
      const response = await request(t.app).get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.location).toMatch(path === '/' ? /^\/admin$/ : /^\/admin\/login$/);
    }
  });

  it('serves a branded login page that loads nothing from other hosts', async () => {
    const response = await request(t.app).get('/admin/login');
    expect(response.status).toBe(200);
    expect(response.text).toContain('Customer Back-office');
    expect(response.text).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//);
    expect(response.text).not.toContain('fonts.googleapis.com');
    expect(response.text).toContain('/admin/fonts/roboto/400.css');
    const font = await request(t.app).get('/admin/fonts/roboto/400.css');
    expect(font.status).toBe(200);
  });

  it('signs in with the right password: httpOnly SameSite=Lax cookie, session stored in the database', async () => {
    const user = await t.createUser('STAFF');
    const response = await request(t.app)
      .post('/admin/login')
      .type('form')
      .send({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/admin');
    const cookie = sessionCookie(response)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const sid = decodeURIComponent(cookie.split(';')[0]!.split('=')[1]!).slice(2).split('.')[0]!;
    const stored = await t.prisma.session.findUnique({ where: { sid } });
    expect(stored).not.toBeNull();
    expect(stored!.data).not.toContain(TEST_PASSWORD);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
  });

  it('accepts a JSON login too', async () => {
    const user = await t.createUser('VIEWER');
    const response = await request(t.app).post('/admin/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(response.status).toBe(302);
  });

  it('gives a new session id at every sign-in (no session fixation)', async () => {
    const user = await t.createUser('STAFF');
    const agent = request.agent(t.app);
    const first = sessionCookie(
      await agent.post('/admin/login').type('form').send({ email: user.email, password: TEST_PASSWORD }),
    );
    const second = sessionCookie(
      await agent.post('/admin/login').type('form').send({ email: user.email, password: TEST_PASSWORD }),
    );
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second!.split(';')[0]).not.toBe(first!.split(';')[0]);
  });

  it.each([
    ['a wrong password', async (email: string) => ({ email, password: 'wrong password!!' })],
    ['an unknown email', async () => ({ email: 'nobody@staff.test', password: TEST_PASSWORD })],
    [
      'an inactive account',
      async () => ({ email: (await t.createUser('STAFF', { isActive: false })).email, password: TEST_PASSWORD }),
    ],
    ['a missing password', async (email: string) => ({ email })],
    ['a non-string email', async () => ({ 'email[0]': 'x', password: 'y' })],
  ])('refuses %s with the same message and no session', async (_case, credentials) => {
    const user = await t.createUser('STAFF');
    const response = await request(t.app)
      .post('/admin/login')
      .type('form')
      .send(await credentials(user.email));
    expect(response.status).toBe(401);
    expect(response.text).toContain(INVALID_CREDENTIALS_MESSAGE);
    expect(sessionCookie(response)).toBeUndefined();
  });

  it('answers malformed login bodies with 400, not 500', async () => {
    const response = await request(t.app)
      .post('/admin/login')
      .set('content-type', 'application/json')
      .send('{"email":');
    expect(response.status).toBe(400);
  });
});

describe('signed-in sessions', () => {
  it('logout destroys the session: the old cookie no longer works', async () => {
    const user = await t.createUser('STAFF');
    const agent = await t.signIn(user.email);
    const before = await t.prisma.session.count();
    expect((await agent.get('/admin/api/resources/Customer/actions/list')).status).toBe(200);
    const logout = await agent.get('/admin/logout');
    expect(logout.status).toBe(302);
    expect(logout.headers.location).toBe('/admin/login');
    expect(await t.prisma.session.count()).toBe(before - 1);
    expect((await agent.get('/admin/api/resources/Customer/actions/list')).status).toBe(302);
  });

  it('ends a live session of a user who is deactivated, on their next request', async () => {
    const user = await t.createUser('STAFF');
    const agent = await t.signIn(user.email);
    expect((await agent.get('/admin/api/resources/Customer/actions/list')).status).toBe(200);
    await t.prisma.user.update({ where: { id: user.id }, data: { isActive: false } });
    const refused = await agent.get('/admin/api/resources/Customer/actions/list');
    expect(refused.status).toBe(302);
    expect(refused.headers.location).toBe('/admin/login');
    await t.prisma.user.update({ where: { id: user.id }, data: { isActive: true } });
    expect((await agent.get('/admin/api/resources/Customer/actions/list')).status).toBe(302);
  });

  it('ends sessions that signed in before a password change', async () => {
    const user = await t.createUser('STAFF');
    const agent = await t.signIn(user.email);
    t.clock.set(new Date(Date.now() + 1000));
    try {
      await t.services.users.setPassword(user.id, 'a brand new password');
    } finally {
      t.clock.set('2026-11-23T12:00:00.000Z');
    }
    expect((await agent.get('/admin/api/resources/Customer/actions/list')).status).toBe(302);
  });

  it('applies a role change to a live session at once', async () => {
    const user = await t.createUser('MANAGER');
    const agent = await t.signIn(user.email);
    expect((await agent.get('/admin/api/resources/User/actions/list')).status).toBe(403);
    await t.prisma.user.update({ where: { id: user.id }, data: { role: 'SUPERUSER' } });
    expect((await agent.get('/admin/api/resources/User/actions/list')).status).toBe(200);
  });
});

describe('cross-site requests', () => {
  it('applies the permission check and the cross-site check whatever the case of the URL', async () => {
    const viewer = await t.createUser('VIEWER');
    const agent = await t.signIn(viewer.email);
    expect(
      (await agent.post('/admin/API/resources/Customer/records/1/edit').type('form').send({ firstName: 'V' })).status,
    ).toBe(403);
    expect((await agent.get('/admin/Api/Resources/User/actions/list')).status).toBe(403);
    const boss = await t.signIn((await t.createUser('SUPERUSER')).email);
    expect(
      (await boss.get('/admin/API/resources/Customer/actions/list').set('Sec-Fetch-Site', 'cross-site')).status,
    ).toBe(403);
  });

  it('opens only entry pages from a link on another site; others get a "continue" link and change nothing', async () => {
    const boss = await t.signIn((await t.createUser('SUPERUSER')).email);
    const login = await request(t.app).get('/admin/login').set('Sec-Fetch-Site', 'cross-site');
    expect(login.text).toContain('Customer Back-office');
    const logout = await boss.get('/admin/logout').set('Sec-Fetch-Site', 'cross-site');
    expect(logout.status).toBe(200);
    expect(logout.text).toContain('Continue to the page');
    expect((await boss.get('/admin/api/resources/Customer/actions/list')).status).toBe(200);
  });

  it('refuses a state-changing request from another origin', async () => {
    const user = await t.createUser('SUPERUSER');
    const agent = await t.signIn(user.email);
    const response = await agent
      .post('/admin/api/resources/Customer/actions/new')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ firstName: 'X' });
    expect(response.status).toBe(403);
  });

  it('refuses the panel API when the browser says the request is cross-site, even for GET', async () => {
    const user = await t.createUser('SUPERUSER');
    const agent = await t.signIn(user.email);
    const response = await agent.get('/admin/api/resources/Customer/actions/list').set('Sec-Fetch-Site', 'cross-site');
    expect(response.status).toBe(403);
    const sameOrigin = await agent
      .get('/admin/api/resources/Customer/actions/list')
      .set('Sec-Fetch-Site', 'same-origin');
    expect(sameOrigin.status).toBe(200);
  });
});

describe('health and unknown routes', () => {
  it('answers /healthz and /readyz, and 404 for unknown paths', async () => {
    expect((await request(t.app).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await request(t.app).get('/readyz')).body).toMatchObject({ status: 'ok' });
    expect((await request(t.app).get('/no/such/page')).status).toBe(404);
  });

  it('never answers 500 to odd resource or action names', async () => {
    const user = await t.createUser('STAFF');
    const agent = await t.signIn(user.email);
    for (const path of [
      '/admin/resources/constructor',
      '/admin/api/resources/__proto__/actions/list',
      '/admin/api/resources/Customer/actions/constructor',
      '/admin/api/resources/Customer/records/1/toString',
      '/admin/api/resources/Customer/records/%E0%A4%A/show',
      '/admin/api/resources/Nope/actions/list',
      '/admin/api/resources/Customer/records/1/list',
      '/admin/api/resources/Customer/records/1/search',
      '/admin/api/resources/Customer/actions/list?perPage=abc',
      '/admin/api/resources/Customer/actions/list?page=1e99',
      '/admin/api/resources/Customer/actions/list?page=-1&perPage=-5',
      '/admin/api/resources/Customer/actions/list?filters.constructor=1',
      '/admin/api/resources/Customer/actions/list?filters[toString]=1',
      '/admin/api/resources/AuditLog/actions/list?filters.__proto__=1',
    ]) {
      const response = await agent.get(path);
      expect(response.status, path).toBeLessThan(500);
    }
  });

  it('never answers 500 to malformed bulk actions', async () => {
    const user = await t.createUser('MANAGER');
    const agent = await t.signIn(user.email);
    for (const query of ['', '?recordIds=', '?recordIds=abc', '?recordIds[]=1']) {
      const response = await agent.post(`/admin/api/resources/Customer/bulk/bulkDelete${query}`);
      expect(response.status, query).toBe(400);
    }
  });
});
