/**
 * The customers holding any of the given emails or phone numbers, in one statement with the values
 * handed over as JSON arrays: an import looks up to 400 rows' worth at a time, and Prisma's findMany
 * with two `in` lists of 400 costs several times the query itself (docs/performance.md, "Customer
 * import").
 */
import { Prisma, type Customer } from '@prisma/client';
import type { Provider } from './provider.js';
import type { Transaction } from './transaction.js';

const COLUMNS = Prisma.raw(
  Object.values(Prisma.CustomerScalarFieldEnum)
    .map((column) => `"${column}"`)
    .join(', '),
);

export async function customersHolding(
  db: Pick<Transaction, '$queryRaw'>,
  provider: Provider,
  emails: readonly string[],
  phones: readonly string[],
): Promise<Customer[]> {
  const [emailList, phoneList] = [JSON.stringify(emails), JSON.stringify(phones)];
  const found = await db.$queryRaw<Customer[]>(
    provider === 'sqlite'
      ? Prisma.sql`SELECT ${COLUMNS} FROM "Customer"
          WHERE "email" IN (SELECT value FROM json_each(${emailList})) OR "phone" IN (SELECT value FROM json_each(${phoneList}))`
      : Prisma.sql`SELECT ${COLUMNS} FROM "Customer"
          WHERE "email" IN (SELECT json_array_elements_text(${emailList}::json)) OR "phone" IN (SELECT json_array_elements_text(${phoneList}::json))`,
  );
  return found;
}
