/**
 * What applying each checked row would do, given the customers already in the database (active or
 * deleted, matched by email): create a customer, update the one with the row's email (when asked
 * to), leave it as it is (the file says what it already holds — which makes importing the same
 * file twice harmless), or refuse the row with the form's message for a taken email or phone.
 */
import type { Customer, PrismaClient } from '@prisma/client';
import { customersHolding } from '../../db/customer-holders.js';
import type { Provider } from '../../db/provider.js';
import type { Transaction } from '../../db/transaction.js';
import { changesBetween } from '../audit/audit-log.js';
import { takenMessage } from '../customers/uniqueness.js';
import type { CustomerData, CustomerField } from '../customers/validation.js';
import type { CheckedRow } from './import-rows.js';

export type RowDecision =
  | { kind: 'create'; rowNumber: number; data: CustomerData }
  | { kind: 'update'; rowNumber: number; existing: Customer; changes: Partial<CustomerData> }
  | { kind: 'unchanged'; rowNumber: number }
  | { kind: 'invalid'; rowNumber: number; errors: Record<string, string> };

/**
 * Rows looked up together: one query per this many rows. Each gives two parameters (email and
 * phone), and SQLite takes at most 999 in a statement.
 */
export const LOOKUP_BATCH = 400;

interface DecisionOptions {
  provider: Provider;
  updateExisting: boolean;
  /** The fields the file holds; the others are neither compared nor changed. */
  fields: readonly CustomerField[];
}

async function holders(db: PrismaClient | Transaction, provider: Provider, rows: readonly CheckedRow[]) {
  const valid = rows.flatMap((row) => (row.data ? [row.data] : []));
  if (valid.length === 0) return { byEmail: new Map<string, Customer>(), byPhone: new Map<string, Customer>() };
  const found = await customersHolding(
    db,
    provider,
    valid.map((data) => data.email),
    valid.map((data) => data.phone),
  );
  return {
    byEmail: new Map(found.map((customer) => [customer.email, customer])),
    byPhone: new Map(found.map((customer) => [customer.phone, customer])),
  };
}

/** Decides a batch of rows (at most LOOKUP_BATCH) with one lookup. */
export async function decideRows(
  db: PrismaClient | Transaction,
  rows: readonly CheckedRow[],
  options: DecisionOptions,
): Promise<RowDecision[]> {
  const { byEmail, byPhone } = await holders(db, options.provider, rows);
  return rows.map(({ rowNumber, data, errors }): RowDecision => {
    if (!data) return { kind: 'invalid', rowNumber, errors };
    const existing = byEmail.get(data.email);
    const phoneHolder = byPhone.get(data.phone);
    const phoneTaken = phoneHolder !== undefined && phoneHolder.id !== existing?.id;
    if (!existing) {
      return phoneTaken
        ? { kind: 'invalid', rowNumber, errors: { phone: takenMessage('phone', data.phone, phoneHolder) } }
        : { kind: 'create', rowNumber, data };
    }
    const given = Object.fromEntries(options.fields.map((field) => [field, data[field]])) as Partial<CustomerData>;
    const changed = Object.keys(changesBetween(existing, { ...existing, ...given }, options.fields));
    if (changed.length === 0) return { kind: 'unchanged', rowNumber };
    if (!options.updateExisting || existing.deletedAt) {
      return { kind: 'invalid', rowNumber, errors: { email: takenMessage('email', data.email, existing) } };
    }
    if (phoneTaken)
      return { kind: 'invalid', rowNumber, errors: { phone: takenMessage('phone', data.phone, phoneHolder) } };
    const changes = Object.fromEntries(changed.map((field) => [field, given[field as CustomerField]]));
    return { kind: 'update', rowNumber, existing, changes };
  });
}
