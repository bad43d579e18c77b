/**
 * A real app on a real database of its own per test file (a SQLite file, or a PostgreSQL schema
 * under `npm run test:pg`): migrations applied, domain services with a controllable clock, the
 * express app ready for supertest.
 */
import type { PrismaClient } from '@prisma/client';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import { createPrismaClient } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import type { Role } from '../../src/domain/accounts/permissions.js';
import { createServices, type Services } from '../../src/domain/services.js';
import { createMailbox } from './mailbox.js';
import { scratchDatabaseUrl } from './test-database-url.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestClock {
  (): Date;
  set(date: Date | string): void;
}

export function testClock(start = '2026-11-23T12:00:00.000Z'): TestClock {
  let now = new Date(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (date) => {
    now = new Date(date);
  };
  return clock;
}

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  services: Services;
  clock: TestClock;
  mailbox: ReturnType<typeof createMailbox>;
  createUser(
    role: Role,
    overrides?: { email?: string; name?: string; isActive?: boolean; password?: string },
  ): Promise<{ id: number; email: string; password: string }>;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const scratch = scratchDatabaseUrl();
  const { url } = scratch;
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  const clock = testClock();
  const mailbox = createMailbox();
  const services = createServices({
    prisma,
    defaultPhoneRegion: 'US',
    clock,
    mail: mailbox.sender,
    publicUrl: 'http://backoffice.test',
  });
  let userCount = 0;
  return {
    url,
    prisma,
    services,
    clock,
    mailbox,
    async createUser(role, overrides = {}) {
      userCount += 1;
      const email = overrides.email ?? `${role.toLowerCase()}${userCount}@staff.test`;
      const password = overrides.password ?? TEST_PASSWORD;
      const user = await services.users.create(
        { email, name: overrides.name ?? `${role} ${userCount}`, role, password, isActive: overrides.isActive ?? true },
        null,
      );
      return { id: user.id, email, password };
    },
    async close() {
      await prisma.$disconnect();
      await scratch.drop();
    },
  };
}

export interface TestApp extends TestDatabase {
  app: ReturnType<typeof createApp>['app'];
  /** A supertest agent (keeps cookies) signed in as the given user. */
  signIn(email: string, password?: string): Promise<ReturnType<typeof request.agent>>;
}

/** Configuration a test may set beyond the defaults. */
export interface TestAppOptions {
  requireIfMatch?: boolean;
}

export async function createTestApp({ requireIfMatch }: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const { app, close } = createApp({
    config: { sessionSecret: 'test-session-secret-of-at-least-32-chars', nodeEnv: 'test', requireIfMatch },
    prisma: db.prisma,
    services: db.services,
  });
  return {
    ...db,
    app,
    async signIn(email, password = TEST_PASSWORD) {
      const agent = request.agent(app);
      const response = await agent.post('/admin/login').type('form').send({ email, password });
      if (response.status !== 302 || response.headers.location !== '/admin') {
        throw new Error(`sign-in as ${email} failed: ${response.status}`);
      }
      return agent;
    },
    async close() {
      close();
      await db.close();
    },
  };
}

/** A valid customer form, unique per call. */
let customerSequence = 0;
export function customerForm(overrides: Record<string, string> = {}): Record<string, string> {
  customerSequence += 1;
  const n = String(customerSequence).padStart(4, '0');
  return {
    firstName: 'Ada',
    lastName: `Lovelace${n}`,
    email: `ada${n}@example.com`,
    phone: `+1 201 555 ${n}`,
    dateOfBirth: '1990-05-17',
    ...overrides,
  };
}
