/**
 * Reading customer lists — a window of rows and the total — for the panel and the API alike: the
 * conditions and order of query.ts, the search through the database's index, the total by the rule
 * of list-total.ts.
 */
import { Prisma, type Customer, type PrismaClient } from '@prisma/client';
import { customerSearchCondition } from '../../db/customer-search-index.js';
import type { Clock } from '../errors.js';
import { createListTotals } from './list-total.js';
import { customerConditions, customerOrder, type CustomerListCriteria } from './query.js';

export interface ListWindow {
  skip: number;
  take: number;
  sortBy?: string;
  direction?: 'asc' | 'desc';
}

// Queries are composed with this module's Prisma.sql and handed over whole: the PostgreSQL client
// has its own runtime, whose template tag would not recognise these fragments as SQL.
const COLUMNS = Prisma.raw(Object.values(Prisma.CustomerScalarFieldEnum).map((column) => `"${column}"`).join(', '));

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

  return {
    rows,
    total,
    async rowsAndTotal(criteria: CustomerListCriteria, window: ListWindow): Promise<{ items: Customer[]; total: number }> {
      const [items, count] = await Promise.all([rows(criteria, window), total(criteria)]);
      return { items, total: count };
    },
    /** After customers were created, deleted or restored. */
    forgetTotals: totals.forget,
  };
}
