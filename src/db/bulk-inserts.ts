/**
 * The writes of an import batch as one statement each — its new customers, then the audit entries —
 * the rows handed over as one JSON array, as src/seed/customer-batches.ts does. Prisma's
 * createManyAndReturn and createMany cost some ten times as much for the same rows, nearly all of it
 * in Prisma's handling of each row, not in the database (docs/performance.md, "Customer import").
 * Triggers, constraints and defaults apply as to any insert. Dates are stored as Prisma stores them:
 * on SQLite as text like 2024-01-01T08:00:00.000+00:00.
 */
import { Prisma } from '@prisma/client';
import type { Provider } from './provider.js';
import type { Transaction } from './transaction.js';

type Column = readonly [name: string, type: 'text' | 'integer' | 'timestamp(3)' | 'jsonb'];

const CUSTOMER_COLUMNS: readonly Column[] = [
  ['firstName', 'text'],
  ['lastName', 'text'],
  ['email', 'text'],
  ['phone', 'text'],
  ['dateOfBirth', 'timestamp(3)'],
  ['notes', 'text'],
  ['searchText', 'text'],
  ['createdAt', 'timestamp(3)'],
  ['updatedAt', 'timestamp(3)'],
  ['createdById', 'integer'],
  ['updatedById', 'integer'],
];

const AUDIT_COLUMNS: readonly Column[] = [
  ['at', 'timestamp(3)'],
  ['actorId', 'integer'],
  ['action', 'text'],
  ['resource', 'text'],
  ['recordId', 'text'],
  ['changes', 'jsonb'],
  ['ip', 'text'],
  ['userAgent', 'text'],
  ['importId', 'integer'],
];

export interface NewCustomerRow {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dateOfBirth: Date;
  notes: string | null;
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
  createdById: number | null;
  updatedById: number | null;
}

export interface AuditRow {
  at: Date;
  actorId: number | null;
  action: string;
  resource: string;
  recordId: string | null;
  /** Absent or undefined: NULL. */
  changes?: unknown;
  ip?: string;
  userAgent?: string;
  importId?: number;
}

/** INSERT INTO table (columns) SELECT … FROM the JSON array of rows; absent keys are NULL. */
function insertFromJson(provider: Provider, table: string, columns: readonly Column[], json: string): Prisma.Sql {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  if (provider === 'sqlite') {
    const values = columns
      .map(([name, type]) =>
        type === 'timestamp(3)' ? `replace(value ->> '${name}', 'Z', '+00:00')` : `value ->> '${name}'`,
      )
      .join(', ');
    return Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}" (${names}) SELECT ${values}`)} FROM json_each(${json})`;
  }
  const recordType = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}" (${names}) SELECT ${names}`)} FROM json_to_recordset(${json}::json) AS ${Prisma.raw(`"row"(${recordType})`)}`;
}

/** Inserts the customers; returns the id given to each email. */
export async function insertCustomers(
  tx: Transaction,
  provider: Provider,
  rows: readonly NewCustomerRow[],
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const insert = insertFromJson(provider, 'Customer', CUSTOMER_COLUMNS, JSON.stringify(rows));
  const inserted = await tx.$queryRaw<Array<{ id: number | bigint; email: string }>>(
    Prisma.sql`${insert} RETURNING "id", "email"`,
  );
  return new Map(inserted.map(({ id, email }) => [email, Number(id)]));
}

export async function insertAuditRows(tx: Transaction, provider: Provider, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length > 0) await tx.$executeRaw(insertFromJson(provider, 'AuditLog', AUDIT_COLUMNS, JSON.stringify(rows)));
}
