import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVALID_CREDENTIALS_MESSAGE } from '../../src/domain/accounts/authentication.js';
import { LOGIN_LIMITS } from '../../src/domain/accounts/login-throttle.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(async () => {
  // rate-limiter-flexible reads the system clock: it is moved with fake timers, never with sleeps.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T12:00:00Z'));
  await t.prisma.rateLimiterFlexible.deleteMany();
});
afterEach(() => {
  vi.useRealTimers();
});

const attempt = (email: string, password: string) =>
  request(t.app).post('/admin/login').type('form').send({ email, password });

describe('login throttling', () => {
  it(`refuses the ${LOGIN_LIMITS.failuresPerAccount + 1}th attempt for an account, even with the right password, until the window passes`, async () => {
    const user = await t.createUser('STAFF');
    for (let i = 0; i < LOGIN_LIMITS.failuresPerAccount; i += 1) {
      const failed = await attempt(user.email, 'wrong password!!');
      expect(failed.status).toBe(401);
      expect(failed.text).toContain(INVALID_CREDENTIALS_MESSAGE);
    }
    const auditBefore = await t.prisma.auditLog.count();
    const refused = await attempt(user.email, TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('Too many sign-in attempts. Try again in 15 minutes.');
    // Refused before any password check: nothing verified, nothing logged, no sign-in.
    expect(await t.prisma.auditLog.count()).toBe(auditBefore);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();

    vi.setSystemTime(new Date('2026-11-23T12:10:00Z'));
    expect((await attempt(user.email, TEST_PASSWORD)).text).toContain('Try again in 5 minutes.');

    vi.setSystemTime(new Date('2026-11-23T12:15:01Z'));
    const recovered = await attempt(user.email, TEST_PASSWORD);
    expect(recovered.status).toBe(302);
  });

  it('counts an account by its email in any case, and a success clears its count', async () => {
    const user = await t.createUser('STAFF');
    for (let i = 0; i < LOGIN_LIMITS.failuresPerAccount - 1; i += 1)
      await attempt(user.email.toUpperCase(), 'wrong password!!');
    expect((await attempt(user.email, TEST_PASSWORD)).status).toBe(302);
    for (let i = 0; i < LOGIN_LIMITS.failuresPerAccount - 1; i += 1) await attempt(user.email, 'wrong password!!');
    expect((await attempt(user.email, TEST_PASSWORD)).status).toBe(302);
  });

  it(`refuses an IP address after ${LOGIN_LIMITS.failuresPerIp} failures across accounts`, async () => {
    const user = await t.createUser('STAFF');
    for (let i = 0; i < LOGIN_LIMITS.failuresPerIp; i += 1) {
      expect((await attempt(`guess${i}@staff.test`, 'wrong password!!')).status).toBe(401);
    }
    const refused = await attempt(user.email, TEST_PASSWORD);
    expect(refused.status).toBe(429);
    vi.setSystemTime(new Date('2026-11-23T12:16:00Z'));
    expect((await attempt(user.email, TEST_PASSWORD)).status).toBe(302);
  });

  it('keeps its counters in the database, where every app instance sees them', async () => {
    await attempt('someone@staff.test', 'wrong password!!');
    const keys = (await t.prisma.rateLimiterFlexible.findMany()).map((row) => row.key);
    expect(keys).toEqual(
      expect.arrayContaining([expect.stringContaining('someone@staff.test'), expect.stringContaining('127.0.0.1')]),
    );
  });
});
