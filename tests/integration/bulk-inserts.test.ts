/**
 * The import's one-statement inserts (src/db/bulk-inserts.ts) write what Prisma's own creates
 * would: the record as Prisma reads it back, found through the search index (kept by the database),
 * a taken email refused as a unique violation naming the field, and
 * audit entries with their changes as JSON.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertAuditRows, insertCustomers, type NewCustomerRow } from '../../src/db/bulk-inserts.js';
import { providerOf } from '../../src/db/provider.js';
import { uniqueViolationFields } from '../../src/db/unique-violation.js';
import type { Actor } from '../../src/domain/accounts/permissions.js';
import { createTestDatabase, type TestDatabase } from '../support/test-app.js';

let t: TestDatabase;
let manager: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  manager = { id: (await t.createUser('MANAGER')).id, role: 'MANAGER' };
});
afterAll(async () => t.close());

const at = new Date('2026-11-23T12:00:00.123Z');

function row(n: number, notes: string | null): NewCustomerRow {
  return {
    firstName: `Zoë${n}`,
    lastName: 'Bulkinsert',
    email: `zoe${n}@bulk.example`,
    phone: `+1201555${String(n).padStart(4, '0')}`,
    dateOfBirth: new Date('1990-05-17T00:00:00.000Z'),
    notes,
    searchText: `zoe${n} bulkinsert zoe${n}@bulk.example 1201555${String(n).padStart(4, '0')}`,
    createdAt: at,
    updatedAt: at,
    createdById: manager.id,
    updatedById: manager.id,
  };
}

it('writes customers as Prisma reads them, searchable, and gives each email its id', async () => {
  const rows = [row(1, null), row(2, 'Line one\n"quoted", it says')];
  const ids = await t.prisma.$transaction((tx) => insertCustomers(tx, providerOf(t.prisma), rows));
  for (const given of rows) {
    const written = await t.prisma.customer.findUniqueOrThrow({ where: { id: ids.get(given.email)! } });
    expect(written).toEqual({ ...given, id: ids.get(given.email), deletedAt: null, version: 1 });
  }
  const found = await t.services.customers.list({ search: 'bulkinsert' }, { page: 1, pageSize: 10 }, manager);
  expect(found.items.map((customer) => customer.email).sort()).toEqual(['zoe1@bulk.example', 'zoe2@bulk.example']);
});

it('refuses a taken email as a unique violation of the email', async () => {
  const error = await t.prisma
    .$transaction((tx) => insertCustomers(tx, providerOf(t.prisma), [{ ...row(3, null), email: 'zoe1@bulk.example' }]))
    .then(
      () => null,
      (failure: unknown) => failure,
    );
  expect(uniqueViolationFields(error)).toEqual(['email']);
});

it('writes audit entries with their changes as JSON, and none as NULL', async () => {
  await t.prisma.$transaction((tx) =>
    insertAuditRows(tx, providerOf(t.prisma), [
      {
        at,
        actorId: manager.id,
        action: 'create',
        resource: 'Customer',
        recordId: '7',
        changes: { notes: [null, 'a "b"'] },
        importId: 5,
      },
      { at, actorId: null, action: 'import', resource: 'CustomerImport', recordId: null, ip: '127.0.0.1' },
    ]),
  );
  const entries = await t.prisma.auditLog.findMany({ where: { at }, orderBy: { id: 'asc' } });
  expect(entries).toMatchObject([
    {
      at,
      actorId: manager.id,
      action: 'create',
      recordId: '7',
      changes: { notes: [null, 'a "b"'] },
      importId: 5,
      ip: null,
    },
    { at, actorId: null, action: 'import', recordId: null, changes: null, importId: null, ip: '127.0.0.1' },
  ]);
});
