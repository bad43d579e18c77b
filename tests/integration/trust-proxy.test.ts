/**
 * Production behind a TLS-terminating proxy: the proxy speaks plain http to the app and says
 * `X-Forwarded-Proto: https`. With TRUST_PROXY naming the proxy, sign-in sets the Secure session
 * cookie and the client's address comes from X-Forwarded-For; without it, neither is believed.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { TrustProxy } from '../../src/config/trust-proxy.js';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase } from '../support/test-app.js';

let db: TestDatabase;
let user: { email: string };
const apps: Array<ReturnType<typeof createApp>> = [];
beforeAll(async () => {
  db = await createTestDatabase();
  user = await db.createUser('STAFF');
});
afterAll(async () => {
  for (const app of apps) app.close();
  await db.close();
});

function productionApp(trustProxy: TrustProxy) {
  const app = createApp({
    config: { sessionSecret: 'production-session-secret-of-32-chars!!', nodeEnv: 'production', trustProxy },
    prisma: db.prisma,
    services: db.services,
  });
  apps.push(app);
  return app.app;
}

/** Signs in the way a TLS-terminating proxy on this machine forwards it. */
const signInThroughProxy = (app: ReturnType<typeof productionApp>) =>
  request(app)
    .post('/admin/login')
    .set('X-Forwarded-Proto', 'https')
    .set('X-Forwarded-For', '203.0.113.7')
    .type('form')
    .send({ email: user.email, password: TEST_PASSWORD });

const sessionCookie = (response: request.Response) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('backoffice.sid='));

describe('TRUST_PROXY in production', () => {
  it.each<[string, TrustProxy]>([
    ['loopback', ['loopback']],
    ['a hop count', 1],
    ['the proxy address', ['127.0.0.1']],
  ])('with %s trusted, sign-in sets the Secure cookie and records the client address', async (_name, trustProxy) => {
    const response = await signInThroughProxy(productionApp(trustProxy));
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/admin');
    expect(sessionCookie(response)).toMatch(/;\s*Secure/i);
    const login = await db.prisma.auditLog.findFirst({ where: { action: 'login' }, orderBy: { id: 'desc' } });
    expect(login?.ip).toBe('203.0.113.7');
  });

  it('without it, the forwarded headers are not believed: no cookie over plain http', async () => {
    const response = await signInThroughProxy(productionApp(false));
    expect(sessionCookie(response)).toBeUndefined();
  });

  it('does not trust a proxy it was not told about', async () => {
    const response = await signInThroughProxy(productionApp(['10.0.0.0/8']));
    expect(sessionCookie(response)).toBeUndefined();
  });
});
