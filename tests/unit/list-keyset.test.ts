import type { Prisma, Customer } from '@prisma/client';
import { describe, expect, it } from 'vitest';
import { customerRowsAfter } from '../../src/domain/customers/list-keyset.js';

const last = {
  id: 42,
  lastName: 'Lovelace',
  deletedAt: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
} as unknown as Customer;
const deletedLast = { ...last, deletedAt: new Date('2026-02-01T00:00:00Z') } as Customer;

/** The SQL text with its parameters in place, to read the condition. */
function sql(condition: Prisma.Sql): string {
  return condition.strings.reduce((text, part, i) => `${text}$${i}${part}`).replace(/\s+/g, ' ');
}

describe('customerRowsAfter', () => {
  it('continues after the last row by its sort value, then its id', () => {
    expect(sql(customerRowsAfter(last, { field: 'lastName', direction: 'asc' }, 'smallest'))).toBe(
      '("lastName", "id") > ($1, $2)',
    );
    expect(sql(customerRowsAfter(last, { field: 'createdAt', direction: 'desc' }, 'smallest'))).toBe(
      '("createdAt", "id") < ($1, $2)',
    );
    expect(sql(customerRowsAfter(last, { field: 'id', direction: 'desc' }, 'largest'))).toBe('"id" < $1');
  });

  it('puts NULLs where the database sorts them: after the values or before them', () => {
    // SQLite, ascending: NULLs first, so after a value no NULL follows.
    expect(sql(customerRowsAfter(deletedLast, { field: 'deletedAt', direction: 'asc' }, 'smallest'))).toBe(
      '("deletedAt", "id") > ($1, $2)',
    );
    // PostgreSQL, ascending: NULLs last.
    expect(sql(customerRowsAfter(deletedLast, { field: 'deletedAt', direction: 'asc' }, 'largest'))).toBe(
      '(("deletedAt", "id") > ($1, $2) OR "deletedAt" IS NULL)',
    );
    // After a NULL: the other NULLs by id, then — when NULLs come first — every value.
    expect(sql(customerRowsAfter(last, { field: 'deletedAt', direction: 'asc' }, 'smallest'))).toBe(
      '(("deletedAt" IS NULL AND "id" > $1) OR "deletedAt" IS NOT NULL)',
    );
    expect(sql(customerRowsAfter(last, { field: 'deletedAt', direction: 'desc' }, 'smallest'))).toBe(
      '("deletedAt" IS NULL AND "id" < $1)',
    );
  });
});
