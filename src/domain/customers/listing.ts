/**
 * Reading customer lists — a window of rows and the total — for the panel and the API alike: the
 * conditions and order of query.ts, the search through the database's index, the total by the rule
 * of list-total.ts.
 */
import { Prisma, type Customer, type PrismaClient } from '@prisma/client';
import { customerSearchCondition } from '../../db/customer-search-index.js';
import type { Clock } from '../clock.js';
import type { Page } from '../paging.js';
import { createListTotals } from './list-total.js';
import { customerConditions, customerOrder, isSearched, type CustomerListCriteria } from './query.js';

export interface ListWindow {
  skip: number;
  take: number;
  sortBy?: string;
  direction?: 'asc' | 'desc';
}

// Queries are composed with this module's Prisma.sql and handed over whole: the PostgreSQL client
// has its own runtime, whose template tag would not recognise these fragments as SQL.
const COLUMNS = Prisma.raw(
  Object.values(Prisma.CustomerScalarFieldEnum)
    .map((column) => `"${column}"`)
    .join(', '),
);

export function createCustomerListing(prisma: PrismaClient, clock: Clock) {
  const searchCondition = customerSearchCondition(prisma);
  const totals = createListTotals(clock);

  /**
   * The window's ids are found first, from the sort index alone (an index-only scan on
   * PostgreSQL), then only its rows are read: skipping 50,000 rows of page 2500 then costs half.
   */
  function rows(criteria: CustomerListCriteria, { skip, take, sortBy, direction }: ListWindow): Promise<Customer[]> {
    const order = customerOrder(sortBy, direction);
    return prisma.$queryRaw<Customer[]>(Prisma.sql`
      SELECT ${COLUMNS} FROM "Customer"
      WHERE "id" IN (SELECT "id" FROM "Customer" WHERE ${customerConditions(criteria, searchCondition)} ORDER BY ${order} LIMIT ${take} OFFSET ${skip})
      ORDER BY ${order}`);
  }

  async function countExactly(criteria: CustomerListCriteria): Promise<number> {
    const [{ total }] = await prisma.$queryRaw<[{ total: bigint | number }]>(
      Prisma.sql`SELECT COUNT(*) AS "total" FROM "Customer" WHERE ${customerConditions(criteria, searchCondition)}`,
    );
    return Number(total);
  }

  const total = (criteria: CustomerListCriteria) => totals.total(criteria, () => countExactly(criteria));

  /**
   * A searched list's window and exact total from one query: the window's query finds (and sorts)
   * every match anyway, so counting them there saves the second index lookup of a separate count
   * (3 ms of 6 at a million customers). Not for other lists: their window is read in index order and
   * stops after it, while a count over all rows in the same query would sort them all first. A
   * window past the end has no row to carry the total, which is then counted apart.
   */
  async function searchedRowsAndTotal(
    criteria: CustomerListCriteria,
    { skip, take, sortBy, direction }: ListWindow,
  ): Promise<Page<Customer>> {
    const order = customerOrder(sortBy, direction);
    const found = await prisma.$queryRaw<Array<Customer & { listTotal: bigint | number }>>(Prisma.sql`
      WITH "listWindow" AS MATERIALIZED (
        SELECT "id", COUNT(*) OVER () AS "listTotal" FROM "Customer"
        WHERE ${customerConditions(criteria, searchCondition)} ORDER BY ${order} LIMIT ${take} OFFSET ${skip}
      )
      SELECT ${COLUMNS}, (SELECT "listTotal" FROM "listWindow" LIMIT 1) AS "listTotal" FROM "Customer"
      WHERE "id" IN (SELECT "id" FROM "listWindow")
      ORDER BY ${order}`);
    const items = found.map(({ listTotal: _total, ...customer }) => customer);
    if (found.length > 0) return { items, total: Number(found[0]!.listTotal) };
    return { items, total: skip === 0 ? 0 : await countExactly(criteria) };
  }

  return {
    total,
    /** A window of the list and its total, by the rule of list-total.ts. */
    async rowsAndTotal(criteria: CustomerListCriteria, window: ListWindow): Promise<Page<Customer>> {
      if (isSearched(criteria)) return searchedRowsAndTotal(criteria, window);
      const [items, count] = await Promise.all([rows(criteria, window), total(criteria)]);
      return { items, total: count };
    },
    /** After customers were created, deleted or restored. */
    forgetTotals: () => totals.forget(),
  };
}
