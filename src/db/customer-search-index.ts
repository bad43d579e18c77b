/**
 * The SQL condition of a customer search, through each database's index on Customer.searchText.
 * Every term must match; a term matches when the search text contains one of its patterns.
 * - SQLite: the FTS5 trigram table CustomerSearch finds the ids: a quoted phrase in a MATCH is a
 *   substring, looked up in the index alone. (Its planner uses no index for a LIKE on Customer.)
 * - PostgreSQL: LIKE on the column, which its planner serves from the pg_trgm GIN index.
 * Patterns shorter than a trigram are checked on the rows the others found.
 */
import { Prisma, type PrismaClient } from '@prisma/client';
import type { SearchCondition } from '../domain/customers/query.js';
import { isIndexedTerm } from '../domain/customers/search-text.js';
import { providerOf } from './provider.js';

/** SQLite's FTS5 trigram table over Customer.searchText (migration customer_search), kept by triggers. */
export const SQLITE_SEARCH_TABLE = 'CustomerSearch';
const searchTable = Prisma.raw(`"${SQLITE_SEARCH_TABLE}"`);

const anyOf = (conditions: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(conditions, ' OR ')})`;
const allOf = (conditions: Prisma.Sql[]) => Prisma.join(conditions, ' AND ');

/** An FTS5 phrase: literal text between double quotes, a double quote doubled. */
const phrase = (pattern: string) => `"${pattern.replace(/"/g, '""')}"`;

const sqliteSearch: SearchCondition = (terms) => {
  const lookedUp = terms
    .filter(isIndexedTerm)
    .map((patterns) => `(${patterns.map(phrase).join(' OR ')})`)
    .join(' AND ');
  const checked = terms.filter((patterns) => !isIndexedTerm(patterns));
  return allOf([
    Prisma.sql`"id" IN (SELECT rowid FROM ${searchTable} WHERE ${searchTable} MATCH ${lookedUp})`,
    ...checked.map((patterns) => anyOf(patterns.map((pattern) => Prisma.sql`instr("searchText", ${pattern}) > 0`))),
  ]);
};

/** PostgreSQL's LIKE escapes with a backslash by default. */
const postgresSearch: SearchCondition = (terms) =>
  allOf(
    terms.map((patterns) =>
      anyOf(patterns.map((pattern) => Prisma.sql`"searchText" LIKE ${`%${pattern.replace(/[\\%_]/g, '\\$&')}%`}`)),
    ),
  );

export function customerSearchCondition(prisma: PrismaClient): SearchCondition {
  return providerOf(prisma) === 'sqlite' ? sqliteSearch : postgresSearch;
}
