/**
 * API sign-in: access tokens (expiry by the injectable clock), refresh-token rotation, reuse
 * detection, logout, throttling, and an account's changes (deactivation, password, role) taking
 * effect at once.
 */
import { decodeJwt, SignJWT } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deriveAccessTokenKey } from '../../src/api/auth/access-tokens.js';
import { INVALID_CREDENTIALS_MESSAGE } from '../../src/domain/accounts/authentication.js';
import { LOGIN_LIMITS } from '../../src/domain/accounts/login-throttle.js';
import { createApiTestApp, newCustomer, type ApiTestApp } from '../support/api-app.js';
import { TEST_PASSWORD } from '../support/test-app.js';

const START = '2026-11-23T12:00:00.000Z';
const at = (offsetMs: number) => new Date(Date.parse(START) + offsetMs).toISOString();
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let t: ApiTestApp;
beforeAll(async () => {
  t = await createApiTestApp();
});
afterAll(async () => t.close());
beforeEach(async () => {
  t.clock.set(START);
  await t.prisma.rateLimiterFlexible.deleteMany();
});

const me = (token: string) => t.api.get('/me', { token });
const refresh = (refreshToken: string) => t.api.post('/auth/refresh', { body: { refreshToken } });

describe('POST /auth/token', () => {
  it('answers a bearer access token for 15 minutes and a refresh token, and audits the sign-in', async () => {
    const user = await t.createUser('STAFF');
    const response = await t.api.post('/auth/token', {
      body: { email: user.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshTokenExpiresAt: at(7 * DAY) });
    const [header, payload] = (response.body.accessToken as string)
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'HS256', typ: 'at+jwt' });
    expect(payload).toMatchObject({
      sub: String(user.id),
      role: 'STAFF',
      sid: expect.any(String),
      iat: Date.parse(START) / 1000,
      exp: Date.parse(START) / 1000 + 900,
    });

    const login = await t.prisma.auditLog.findFirstOrThrow({ where: { action: 'login', actorId: user.id } });
    expect(login).toMatchObject({ resource: 'Session', recordId: String(user.id) });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt?.toISOString()).toBe(START);

    const who = await me(response.body.accessToken);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ id: user.id, email: user.email, role: 'STAFF', isActive: true });
    expect(who.body).not.toHaveProperty('passwordHash');
  });

  it('keeps only a hash of the refresh token, and no token or password in the audit log', async () => {
    const user = await t.createUser('STAFF');
    const pair = await t.signInApi(user.email);
    const rows = await t.prisma.refreshToken.findMany({ where: { family: { userId: user.id } } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(pair.refreshToken);
    await t.api.post('/auth/token', { body: { email: user.email, password: 'a wrong password' } });
    await t.api.post('/auth/logout', { body: { refreshToken: pair.refreshToken } });
    const audit = JSON.stringify(await t.prisma.auditLog.findMany());
    for (const secret of [pair.refreshToken, pair.accessToken, TEST_PASSWORD, 'a wrong password'])
      expect(audit).not.toContain(secret);
  });

  it.each([
    ['a wrong password', (email: string) => ({ email, password: 'not the password' })],
    ['an unknown email', () => ({ email: 'nobody@staff.test', password: TEST_PASSWORD })],
  ])('refuses %s with 401 and the panel message, and audits the failure', async (_case, body) => {
    const user = await t.createUser('STAFF');
    const before = await t.prisma.auditLog.count({ where: { action: 'login_failed' } });
    const response = await t.api.post('/auth/token', { body: body(user.email) });
    expect(response.status).toBe(401);
    expect(response.body.detail).toBe(INVALID_CREDENTIALS_MESSAGE);
    expect(await t.prisma.auditLog.count({ where: { action: 'login_failed' } })).toBe(before + 1);
  });

  it('refuses an inactive account with the same answer as a wrong password', async () => {
    const user = await t.createUser('STAFF', { isActive: false });
    const response = await t.api.post('/auth/token', { body: { email: user.email, password: TEST_PASSWORD } });
    expect(response.status).toBe(401);
    expect(response.body.detail).toBe(INVALID_CREDENTIALS_MESSAGE);
  });

  it(`throttles like the panel: after ${LOGIN_LIMITS.failuresPerAccount} failures even the right password gets 429 with Retry-After`, async () => {
    const user = await t.createUser('STAFF');
    for (let i = 0; i < LOGIN_LIMITS.failuresPerAccount; i += 1) {
      expect(
        (await t.api.post('/auth/token', { body: { email: user.email, password: 'wrong password!!' } })).status,
      ).toBe(401);
    }
    const refused = await t.api.post('/auth/token', { body: { email: user.email, password: TEST_PASSWORD } });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('900');
    expect(refused.body.detail).toBe('Too many sign-in attempts. Try again in 15 minutes.');
    expect(await t.prisma.refreshTokenFamily.count({ where: { userId: user.id } })).toBe(0);
    // One counter for the panel and the API.
    expect(
      (await request(t.app).post('/admin/login').type('form').send({ email: user.email, password: TEST_PASSWORD }))
        .status,
    ).toBe(429);
  });

  it.each([
    [{}, { email: 'Email is required.', password: 'Password is required.' }],
    [
      { email: 42, password: ['x'] },
      { email: 'Email must be text.', password: 'Password must be text.' },
    ],
    [{ email: 'a@b.test', password: 'x', otp: '123' }, { otp: 'Unknown field; the fields are email, password.' }],
  ])('answers 422 with per-field errors for %j', async (body, errors) => {
    const response = await t.api.post('/auth/token', { body });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(errors);
  });
});

describe('access tokens', () => {
  it('expire after 15 minutes by the injectable clock', async () => {
    const user = await t.userWithToken('VIEWER');
    t.clock.set(at(15 * MINUTE - 1000));
    expect((await me(user.token)).status).toBe(200);
    t.clock.set(at(15 * MINUTE));
    const expired = await me(user.token);
    expect(expired.status).toBe(401);
    expect(expired.headers['www-authenticate']).toMatch(
      /^Bearer realm="api\/v1", error="invalid_token", error_description=".*expired/,
    );
  });

  it.each([
    ['no Authorization header', undefined, 'Bearer realm="api/v1"'],
    ['another scheme', 'Basic dXNlcjpwYXNz', /invalid_token/],
    ['a malformed token', 'Bearer not-a-jwt', /invalid_token/],
  ])('refuses %s with 401 and a Bearer challenge', async (_case, authorization, challenge) => {
    const response = await t.api.get('/me', { headers: authorization ? { Authorization: authorization } : {} });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(challenge);
  });

  it('refuses tokens signed with another key, with alg none, or for another audience', async () => {
    const user = await t.userWithToken('SUPERUSER');
    const now = Date.parse(START) / 1000;
    const claims = { role: 'SUPERUSER', sid: decodeJwt(user.token).sid };
    const sign = (key: Uint8Array, audience = 'customer-backoffice/api/v1') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setIssuer('customer-backoffice')
        .setAudience(audience)
        .setSubject(String(user.id))
        .setIssuedAt(now)
        .setExpirationTime(now + 900)
        .sign(key);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, sub: String(user.id), iss: 'customer-backoffice', aud: 'customer-backoffice/api/v1', iat: now, exp: now + 900 })).toString('base64url')}.`;
    const rightKey = deriveAccessTokenKey('test-session-secret-of-at-least-32-chars');
    expect((await me(await sign(rightKey))).status).toBe(200);
    for (const token of [
      await sign(deriveAccessTokenKey('another-session-secret-of-32-chars!!')),
      unsigned,
      await sign(rightKey, 'someone-else'),
    ]) {
      expect((await me(token)).status).toBe(401);
    }
  });

  it('stop working at once when the account is deactivated, and a role change applies at once', async () => {
    const admin = await t.userWithToken('SUPERUSER');
    const staff = await t.userWithToken('STAFF');
    expect((await t.api.post('/customers', { token: staff.token, body: newCustomer() })).status).toBe(201);
    await t.api.patch(`/users/${staff.id}`, { token: admin.token, body: { role: 'VIEWER' } });
    expect((await t.api.post('/customers', { token: staff.token, body: newCustomer() })).status).toBe(403);
    expect((await t.api.patch(`/users/${staff.id}`, { token: admin.token, body: { isActive: false } })).status).toBe(
      200,
    );
    expect((await me(staff.token)).status).toBe(401);
    expect((await refresh(staff.refreshToken)).status).toBe(401);
    // Reactivated, the account signs in again; its old tokens stay revoked.
    await t.api.patch(`/users/${staff.id}`, { token: admin.token, body: { isActive: true } });
    expect((await refresh(staff.refreshToken)).status).toBe(401);
    expect((await me(staff.token)).status).toBe(401);
    expect((await me((await t.signInApi(staff.email)).accessToken)).status).toBe(200);
  });

  it('stop working when the password changes; a new sign-in works', async () => {
    const user = await t.userWithToken('STAFF');
    t.clock.set(at(MINUTE));
    await t.services.users.setPassword(user.id, 'a brand new password 42');
    expect((await me(user.token)).status).toBe(401);
    const refused = await refresh(user.refreshToken);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/password has changed/);
    const again = await t.signInApi(user.email, 'a brand new password 42');
    expect((await me(again.accessToken)).status).toBe(200);
  });
});

describe('POST /auth/refresh', () => {
  it('rotates: a new pair for the refresh token, which is then used up', async () => {
    const user = await t.userWithToken('MANAGER');
    t.clock.set(at(20 * MINUTE));
    expect((await me(user.token)).status).toBe(401);
    const rotated = await refresh(user.refreshToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(user.refreshToken);
    expect(rotated.body.refreshTokenExpiresAt).toBe(at(20 * MINUTE + 7 * DAY));
    expect((await me(rotated.body.accessToken)).status).toBe(200);
    expect((await refresh(rotated.body.refreshToken)).status).toBe(200);
  });

  it('revokes the whole chain when a used refresh token comes back', async () => {
    const user = await t.userWithToken('STAFF');
    const second = (await refresh(user.refreshToken)).body;
    const third = (await refresh(second.refreshToken)).body;
    const reused = await refresh(user.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body.detail).toMatch(/already been used/);
    // The legitimate holder's latest tokens are revoked too.
    const latest = await refresh(third.refreshToken);
    expect(latest.status).toBe(401);
    expect(latest.body.detail).toMatch(/revoked/);
    expect((await me(third.accessToken)).status).toBe(401);
    // Another sign-in of the same user is another chain, untouched.
    const other = await t.signInApi(user.email);
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('lets exactly one of two concurrent refreshes with the same token win, and revokes the chain', async () => {
    const user = await t.userWithToken('STAFF');
    const answers = await Promise.all([refresh(user.refreshToken), refresh(user.refreshToken)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
    const winner = answers.find((answer) => answer.status === 200)!;
    expect((await refresh(winner.body.refreshToken)).status).toBe(401);
  });

  it('expires a refresh token unused for 7 days, and every chain 30 days after its sign-in', async () => {
    const idle = await t.userWithToken('STAFF');
    t.clock.set(at(7 * DAY));
    const expired = await refresh(idle.refreshToken);
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/expired/);

    t.clock.set(START);
    const busy = await t.userWithToken('STAFF');
    let refreshToken = busy.refreshToken;
    for (const day of [6, 12, 18, 24]) {
      t.clock.set(at(day * DAY));
      const answer = await refresh(refreshToken);
      expect(answer.status).toBe(200);
      refreshToken = answer.body.refreshToken;
    }
    expect((await refresh(refreshToken)).body.refreshTokenExpiresAt).toBe(at(30 * DAY));
  });

  it.each([
    [{ refreshToken: 'x'.repeat(43) }, 401],
    [{ refreshToken: 'short' }, 401],
    [{ refreshToken: 'x'.repeat(201) }, 422],
    [{}, 422],
    [{ refreshToken: 12 }, 422],
  ])('refuses %j with %i', async (body, status) => {
    expect((await t.api.post('/auth/refresh', { body })).status).toBe(status);
  });
});

describe('POST /auth/logout', () => {
  it('ends the sign-in — refresh and access tokens —, audits the logout, and answers 204 for any token', async () => {
    const user = await t.userWithToken('VIEWER');
    const other = await t.signInApi(user.email);
    const second = (await refresh(user.refreshToken)).body;
    const logout = await t.api.post('/auth/logout', { body: { refreshToken: second.refreshToken } });
    expect(logout.status).toBe(204);
    expect(await t.prisma.auditLog.count({ where: { action: 'logout', actorId: user.id } })).toBe(1);
    expect((await refresh(second.refreshToken)).status).toBe(401);
    expect((await me(second.accessToken)).status).toBe(401);
    // The user's other sign-in goes on.
    expect((await me(other.accessToken)).status).toBe(200);
    expect((await t.api.post('/auth/logout', { body: { refreshToken: second.refreshToken } })).status).toBe(204);
    expect((await t.api.post('/auth/logout', { body: { refreshToken: 'y'.repeat(43) } })).status).toBe(204);
    expect(await t.prisma.auditLog.count({ where: { action: 'logout', actorId: user.id } })).toBe(1);
  });
});
