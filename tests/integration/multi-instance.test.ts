/**
 * Several app instances on one database, as behind a load balancer: sessions and account state
 * live in the database, so whichever instance answers sees the same. Runs on SQLite under
 * `npm test` and on PostgreSQL under `npm run test:pg`.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../src/db/client.js';
import { startScript } from '../support/processes.js';
import { scratchDatabaseUrl, type ScratchDatabase } from '../support/test-database-url.js';

const ADMIN = { email: 'boss@staff.test', password: 'a long boss password 1' };
const serving = /serving the admin panel at (http:\/\/127\.0\.0\.1:\d+)\/admin/;

let database: ScratchDatabase;
const instances: { base: string; child: ChildProcess }[] = [];

function startInstance(url: string) {
  return startScript(
    'src/main.ts',
    {
      DATABASE_URL: url,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      SESSION_SECRET: 'one-secret-shared-by-every-instance-0123',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    serving,
  );
}

beforeAll(async () => {
  database = scratchDatabaseUrl();
  // Both start at the same moment on an empty database: migrations and the first superuser race.
  const started = await Promise.all([startInstance(database.url), startInstance(database.url)]);
  for (const { match, child } of started) instances.push({ base: match[1]!, child });
}, 120_000);

afterAll(async () => {
  await Promise.all(
    instances.map(
      ({ child }) =>
        new Promise((resolve) =>
          child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM')),
        ),
    ),
  );
  await database?.drop();
});

async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  });
  expect(response.headers.get('location')).toBe('/admin');
  return response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('backoffice.sid='))!
    .split(';')[0]!;
}

/** The customer list through AdminJS's API: 200 when the session is good, a redirect to sign-in when not. */
async function listStatus(base: string, cookie: string): Promise<number> {
  const response = await fetch(`${base}/admin/api/resources/Customer/actions/list`, {
    headers: { cookie },
    redirect: 'manual',
  });
  return response.status;
}

describe('two app instances on one database', () => {
  it('both came up on the empty database, and exactly one created the first superuser', async () => {
    const [a, b] = instances;
    expect([a, b].every(Boolean)).toBe(true);
    const prisma = createPrismaClient(database.url);
    try {
      expect(await prisma.user.count()).toBe(1);
      expect(await prisma.user.findFirstOrThrow()).toMatchObject({ email: ADMIN.email, role: 'SUPERUSER' });
    } finally {
      await prisma.$disconnect();
    }
  });

  it('a session opened on A works on B; logging out on B ends it on A', async () => {
    const [a, b] = instances.map((instance) => instance.base) as [string, string];
    const cookie = await signIn(a, ADMIN.email, ADMIN.password);
    expect(await listStatus(b, cookie)).toBe(200);

    const logout = await fetch(`${b}/admin/logout`, { headers: { cookie }, redirect: 'manual' });
    expect(logout.status).toBe(302);
    expect(await listStatus(a, cookie)).toBe(302);
  });

  it('a user deactivated on A is refused on B, in the session they already had', async () => {
    const [a, b] = instances.map((instance) => instance.base) as [string, string];
    const boss = await signIn(a, ADMIN.email, ADMIN.password);
    const created = await fetch(`${a}/admin/api/resources/User/actions/new`, {
      method: 'POST',
      headers: { cookie: boss, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        email: 'clerk@staff.test',
        name: 'Clerk',
        role: 'STAFF',
        password: 'a long clerk password 1',
      }),
    });
    const clerkId = ((await created.json()) as { record: { id: string } }).record.id;
    const clerk = await signIn(b, 'clerk@staff.test', 'a long clerk password 1');
    expect(await listStatus(b, clerk)).toBe(200);

    const deactivated = await fetch(`${a}/admin/api/resources/User/records/${clerkId}/edit`, {
      method: 'POST',
      headers: { cookie: boss, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ isActive: 'false' }),
    });
    expect(deactivated.status).toBe(200);
    expect(await listStatus(b, clerk)).toBe(302);
    expect(await listStatus(a, clerk)).toBe(302);
  });
});
