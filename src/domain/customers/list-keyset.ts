/**
 * Where a list continues after a given row, in the list's own order (the sort of query.ts, id
 * breaking ties): reading a long list batch by batch this way (keyset paging) costs the same for the
 * last batch as for the first, where an OFFSET would read every earlier row again.
 */
import { Prisma, type Customer } from '@prisma/client';
import type { CustomerSort, CustomerSortField } from './query.js';

/**
 * Where NULLs sort, which differs by database: SQLite puts them before every value, PostgreSQL
 * after. Only deletedAt, of the sort fields, can be NULL.
 */
export type NullOrder = 'smallest' | 'largest';

const column = (name: string) => Prisma.raw(`"${name}"`);

/** The sort fields that can hold NULL (the others compare as plain row values, which an index serves). */
const NULLABLE: ReadonlySet<CustomerSortField> = new Set(['deletedAt']);

/**
 * The condition for the rows after `last`. With sort lastName ascending and last = (Lovelace, 42):
 * `("lastName", "id") > ('Lovelace', 42)`. A nullable field compares its NULLs by `nullOrder`.
 */
export function customerRowsAfter(
  last: Pick<Customer, CustomerSortField>,
  { field, direction }: CustomerSort,
  nullOrder: NullOrder,
): Prisma.Sql {
  const after = Prisma.raw(direction === 'asc' ? '>' : '<');
  const id = column('id');
  if (field === 'id') return Prisma.sql`${id} ${after} ${last.id}`;
  const sorted = column(field);
  const value = last[field];
  // Descending, the rows after a value are the smaller ones: NULLs come after values when they
  // sort as the largest in ascending order, or as the smallest in descending order.
  const nullsAfterValues = (direction === 'asc') === (nullOrder === 'largest');
  if (value === null) {
    const nullsAfter = Prisma.sql`(${sorted} IS NULL AND ${id} ${after} ${last.id})`;
    return nullsAfterValues ? nullsAfter : Prisma.sql`(${nullsAfter} OR ${sorted} IS NOT NULL)`;
  }
  const valuesAfter = Prisma.sql`(${sorted}, ${id}) ${after} (${value}, ${last.id})`;
  return nullsAfterValues && NULLABLE.has(field) ? Prisma.sql`(${valuesAfter} OR ${sorted} IS NULL)` : valuesAfter;
}
