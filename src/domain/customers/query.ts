/**
 * How customer lists are filtered, searched and sorted — one definition for the panel and the API,
 * as SQL for both databases. The list is read with raw SQL: Prisma 6's JS engine compiles every
 * query-builder call anew (0.5–1.5 ms each here, more than the list query itself; plan caching came
 * with Prisma 7.4), and a search is one query with its index instead of ids passed around.
 */
import { Prisma } from '@prisma/client';
import { parseCalendarDate } from './age.js';
import { isAcceptableText, WORDS } from '../text.js';
import { isIndexedTerm, searchPatterns } from './search-text.js';

export const CUSTOMER_STATUSES = ['active', 'deleted', 'all'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const CUSTOMER_SORT_FIELDS = [
  'id',
  'firstName',
  'lastName',
  'email',
  'phone',
  'dateOfBirth',
  'createdAt',
  'updatedAt',
  'deletedAt',
] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

export interface CustomerListCriteria {
  /** Words matched against first name, last name, email and phone digits (see search-text.ts). */
  search?: string;
  /** Default "active": soft-deleted customers are hidden unless asked for. */
  status?: CustomerStatus;
  createdFrom?: Date;
  createdTo?: Date;
}

export function isCustomerStatus(value: unknown): value is CustomerStatus {
  return typeof value === 'string' && (CUSTOMER_STATUSES as readonly string[]).includes(value);
}

export function isCustomerSortField(value: unknown): value is CustomerSortField {
  return typeof value === 'string' && (CUSTOMER_SORT_FIELDS as readonly string[]).includes(value);
}

/**
 * A date or an instant: 2026-01-31, or 2026-01-31T12:00[:00[.000]] with Z, an offset of at most
 * ±14:00 (the widest in use) or none (read as UTC). Hours past 23, minutes past 59 and offsets like
 * +99:99 make it neither.
 */
const DATE_BOUND =
  /^(\d{4}-\d{2}-\d{2})(?:T((?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?)(Z|[+-](?:0\d|1[0-4]):[0-5]\d)?)?$/;

/** A date filter bound from user input, or undefined when it is not a date ("to" covers the whole day). */
export function parseDateBound(value: unknown, bound: 'from' | 'to'): Date | undefined {
  const match = typeof value === 'string' ? DATE_BOUND.exec(value.trim()) : null;
  const day = match ? parseCalendarDate(match[1]) : null;
  if (!match || !day) return undefined;
  const [, date, time, zone = 'Z'] = match;
  if (time !== undefined) return new Date(`${date}T${time}${zone}`);
  return bound === 'from' ? day : new Date(day.getTime() + 24 * 60 * 60 * 1000 - 1);
}

/** Whether a list is searched: its search has a word to look for. */
export function isSearched(criteria: CustomerListCriteria): boolean {
  return criteria.search !== undefined && searchPatterns(criteria.search).length > 0;
}

/**
 * The condition for a search's terms (each a list of patterns, at least one term 3+ characters
 * long): database-specific, as it goes through that database's index (src/db/customer-search-index.ts).
 */
export type SearchCondition = (terms: string[][]) => Prisma.Sql;

/**
 * The WHERE condition of a list. A search with no term an index can look up (only one-letter
 * words) matches no one: it would otherwise read the whole table to find most of it.
 */
export function customerConditions(criteria: CustomerListCriteria, searchCondition: SearchCondition): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const status = criteria.status ?? 'active';
  if (status === 'active') conditions.push(Prisma.sql`"deletedAt" IS NULL`);
  if (status === 'deleted') conditions.push(Prisma.sql`"deletedAt" IS NOT NULL`);
  if (criteria.createdFrom) conditions.push(Prisma.sql`"createdAt" >= ${criteria.createdFrom}`);
  if (criteria.createdTo) conditions.push(Prisma.sql`"createdAt" <= ${criteria.createdTo}`);
  // A search holding characters no text may hold (domain/text.ts) finds no one.
  const searchable = criteria.search === undefined || isAcceptableText(criteria.search, WORDS);
  const terms = criteria.search && searchable ? searchPatterns(criteria.search) : [];
  if (!searchable) conditions.push(Prisma.sql`1 = 0`);
  else if (terms.length > 0) conditions.push(terms.some(isIndexedTerm) ? searchCondition(terms) : Prisma.sql`1 = 0`);
  return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`1 = 1`;
}

export interface CustomerSort {
  field: CustomerSortField;
  direction: 'asc' | 'desc';
}

/** The sort of a list: a known field (else createdAt), descending unless "asc". */
export function customerSortOf(sortBy: unknown, direction: unknown): CustomerSort {
  return { field: isCustomerSortField(sortBy) ? sortBy : 'createdAt', direction: direction === 'asc' ? 'asc' : 'desc' };
}

/** ORDER BY of a list: its sort (customerSortOf), id breaking ties. */
export function customerOrder(sortBy: unknown, direction: unknown): Prisma.Sql {
  const { field, direction: sortDirection } = customerSortOf(sortBy, direction);
  const order = sortDirection === 'asc' ? 'ASC' : 'DESC';
  return Prisma.raw(field === 'id' ? `"id" ${order}` : `"${field}" ${order}, "id" ${order}`);
}
