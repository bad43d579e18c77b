/**
 * npm run seed -- --customers N: deterministic fake customers that pass the app's own rules,
 * refused on a database with real customers unless --force. Runs the real command on the test
 * file's database (SQLite, or PostgreSQL under `npm run test:pg`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerSearchText } from '../../src/domain/customers/search-text.js';
import { validateNewCustomer } from '../../src/domain/customers/validation.js';
import { SEED_EMAIL_DOMAIN } from '../../src/seed/fake-customers.js';
import { runScript } from '../support/processes.js';
import {
  createTestApp,
  createTestDatabase,
  customerForm,
  type TestApp,
  type TestDatabase,
} from '../support/test-app.js';
import { testProvider } from '../support/test-database-url.js';

const seed = (databaseUrl: string, ...args: string[]) =>
  runScript('src/cli/seed.ts', args, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });

async function seededRows(db: TestDatabase) {
  const customers = await db.prisma.customer.findMany({ orderBy: { id: 'asc' } });
  return customers.map(
    ({ firstName, lastName, email, phone, dateOfBirth, notes, createdAt, deletedAt, searchText }) => ({
      firstName,
      lastName,
      email,
      phone,
      dateOfBirth,
      notes,
      createdAt,
      deletedAt,
      searchText,
    }),
  );
}

describe('seeding', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('adds customers that pass the rules of the app, then only the missing ones', async () => {
    const first = await seed(t.url, '--customers', '30');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Added 30 seeded customers (now 30)');

    const customers = await t.prisma.customer.findMany();
    expect(customers).toHaveLength(30);
    for (const customer of customers) {
      expect(customer.email.endsWith(`@${SEED_EMAIL_DOMAIN}`)).toBe(true);
      const { firstName, lastName, email, phone, dateOfBirth, notes } = customer;
      const valid = validateNewCustomer(
        { firstName, lastName, email, phone, dateOfBirth, notes },
        { today: new Date('2026-01-01T00:00:00Z'), defaultPhoneRegion: 'US' },
      );
      expect(valid).toMatchObject({ firstName, lastName, email, phone });
      expect(customer.searchText).toBe(customerSearchText(customer));
    }
    expect(new Set(customers.map((customer) => customer.lastName)).size).toBeGreaterThan(15);
    expect(new Set(customers.map((customer) => customer.phone.slice(0, 3))).size).toBeGreaterThan(2);

    const again = await seed(t.url, '--customers', '30');
    expect(again.stdout).toContain('already holds 30 seeded customers');
    const more = await seed(t.url, '--customers', '36');
    expect(more.stdout).toContain('Added 6 seeded customers (now 36)');
    expect(await t.prisma.customer.count()).toBe(36);
  }, 60_000);

  it('serves the seeded customers in the panel, searchable', async () => {
    const admin = await t.createUser('VIEWER');
    const agent = await t.signIn(admin.email);
    const active = await t.prisma.customer.count({ where: { deletedAt: null } });
    const list = await agent.get('/admin/api/resources/Customer/actions/list').query({ perPage: 5 });
    expect(list.body.meta.total).toBe(active);
    const someone = await t.prisma.customer.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { id: 'desc' } });
    const search = await agent
      .get('/admin/api/resources/Customer/actions/list')
      .query({ 'filters.search': `${someone.lastName} ${someone.phone.slice(-7)}` });
    expect(search.body.records.map((record: { id: string | number }) => Number(record.id))).toEqual([someone.id]);
  });
});

describe('seeding is deterministic', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => Promise.all([a.close(), b.close()]));

  it('gives the same customers on every database, in one go or in steps', async () => {
    expect((await seed(a.url, '--customers', '25')).code).toBe(0);
    expect((await seed(b.url, '--customers', '10')).code).toBe(0);
    expect((await seed(b.url, '--customers', '25')).code).toBe(0);
    const rows = await seededRows(a);
    expect(rows).toHaveLength(25);
    expect(await seededRows(b)).toEqual(rows);
  }, 60_000);
});

describe.skipIf(testProvider() !== 'sqlite')('seeding an empty SQLite table in one load', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.close());

  const customerSchema = () =>
    db.prisma.$queryRawUnsafe<Array<{ type: string; name: string; sql: string }>>(
      `SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('Customer', 'CustomerSearch') ORDER BY type, name`,
    );
  const searchIds = async (text: string) =>
    (
      await db.prisma.$queryRawUnsafe<Array<{ id: number }>>(
        `SELECT rowid AS id FROM "CustomerSearch" WHERE "CustomerSearch" MATCH ? ORDER BY rowid`,
        `"${text}"`,
      )
    ).map(({ id }) => Number(id));

  it('leaves the indexes and the search table as the migrations made them, in step with the rows', async () => {
    const before = await customerSchema();
    expect(before.filter(({ type }) => type === 'index').length).toBeGreaterThanOrEqual(4);
    const seeded = await seed(db.url, '--customers', '40');
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(await customerSchema()).toEqual(before);

    const integrity = await db.prisma.$queryRawUnsafe<Array<{ integrity_check: string }>>('PRAGMA integrity_check');
    expect(integrity).toEqual([{ integrity_check: 'ok' }]);
    const [first] = await db.prisma.customer.findMany({ orderBy: { id: 'asc' }, take: 1 });
    expect(await searchIds(first!.searchText.slice(0, 12))).toContain(first!.id);

    const admin = await db.createUser('SUPERUSER');
    const created = await db.services.customers.create(customerForm({ lastName: 'Zzyzxbulkload' }), {
      id: admin.id,
      role: 'SUPERUSER',
    });
    expect(await searchIds('zzyzxbulkload')).toEqual([created.id]);
  }, 60_000);
});

describe('seeding a database with real customers', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = await db.createUser('SUPERUSER');
    await db.services.customers.create(customerForm(), { id: admin.id, role: 'SUPERUSER' });
  });
  afterAll(async () => db.close());

  it('is refused without --force, and adds the fake customers with it', async () => {
    const refused = await seed(db.url, '--customers', '5');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/holds 1 real customer.*--force/);
    expect(await db.prisma.customer.count()).toBe(1);

    const forced = await seed(db.url, '--customers', '5', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(await db.prisma.customer.count()).toBe(6);
  }, 60_000);

  it('rejects a number of customers that is not a whole number of at least 1', async () => {
    const result = await seed(db.url, '--customers', 'many', '--force');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--customers must be a whole number of at least 1.');
  });
});
