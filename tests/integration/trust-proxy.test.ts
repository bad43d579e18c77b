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

  it('takes the client address a proxy appended, not one the client put in front of it', async () => {
    // The client sends its own X-Forwarded-For; an appending proxy (nginx's $proxy_add_x_forwarded_for) adds the real one.
    await request(productionApp(1))
      .post('/admin/login')
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-For', '6.6.6.6, 203.0.113.9')
      .type('form')
      .send({ email: user.email, password: TEST_PASSWORD });
    const login = await db.prisma.auditLog.findFirst({ where: { action: 'login' }, orderBy: { id: 'desc' } });
    expect(login?.ip).toBe('203.0.113.9');
  });
});

describe('production over plain http (no trusted TLS proxy)', () => {
  /** What a refused sign-in may not leave behind. */
  const traces = async () => ({
    sessions: await db.prisma.session.count(),
    entries: await db.prisma.auditLog.count(),
    user: await db.prisma.user.findUniqueOrThrow({ where: { email: user.email } }),
  });

  it.each<[string, TrustProxy]>([
    ['no proxy trusted', false],
    ['a proxy it was not told about', ['10.0.0.0/8']],
  ])(
    'with %s, sign-in is refused with a page saying HTTPS is required, and writes nothing',
    async (_name, trustProxy) => {
      const before = await traces();
      const response = await signInThroughProxy(productionApp(trustProxy));
      expect(response.status).toBe(403);
      expect(response.text).toContain('This server requires HTTPS');
      expect(response.text).toContain('set TRUST_PROXY');
      expect(sessionCookie(response)).toBeUndefined();
      expect(await traces()).toEqual(before);
    },
  );

  it('shows the same page instead of the sign-in form, and leaves health checks alone', async () => {
    const app = productionApp(false);
    const page = await request(app).get('/admin/login');
    expect(page.status).toBe(403);
    expect(page.text).toContain('This server requires HTTPS');
    expect((await request(app).get('/healthz')).status).toBe(200);
  });
});
