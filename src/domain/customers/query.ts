/**
 * How customer lists are filtered, searched and sorted — one definition for the panel and the API.
 */
import type { Prisma } from '@prisma/client';
import { parseCalendarDate } from './age.js';

export const CUSTOMER_STATUSES = ['active', 'deleted', 'all'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const CUSTOMER_SORT_FIELDS = ['id', 'firstName', 'lastName', 'email', 'phone', 'dateOfBirth', 'createdAt', 'updatedAt', 'deletedAt'] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

export interface CustomerListCriteria {
  /** Free text matched against first name, last name, email and phone digits. */
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

/** A date filter bound from user input, or undefined when it is not a date ("to" covers the whole day). */
export function parseDateBound(value: unknown, bound: 'from' | 'to'): Date | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const day = parseCalendarDate(value.slice(0, 10));
  if (!day) return undefined;
  const exact = new Date(value);
  if (/T\d/.test(value) && !Number.isNaN(exact.getTime())) return exact;
  return bound === 'from' ? day : new Date(day.getTime() + 24 * 60 * 60 * 1000 - 1);
}

function searchCondition(search: string): Prisma.CustomerWhereInput | undefined {
  const terms = search.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (terms.length === 0) return undefined;
  return {
    AND: terms.map((term) => {
      const digits = term.replace(/\D/g, '');
      const alternatives: Prisma.CustomerWhereInput[] = [
        { firstName: { contains: term } },
        { lastName: { contains: term } },
        { email: { contains: term.toLowerCase() } },
      ];
      if (digits.length >= 3) alternatives.push({ phone: { contains: digits } });
      return { OR: alternatives };
    }),
  };
}

export function customerWhere(criteria: CustomerListCriteria): Prisma.CustomerWhereInput {
  const conditions: Prisma.CustomerWhereInput[] = [];
  const status = criteria.status ?? 'active';
  if (status === 'active') conditions.push({ deletedAt: null });
  if (status === 'deleted') conditions.push({ deletedAt: { not: null } });
  if (criteria.createdFrom || criteria.createdTo) {
    conditions.push({ createdAt: { gte: criteria.createdFrom, lte: criteria.createdTo } });
  }
  const search = criteria.search ? searchCondition(criteria.search) : undefined;
  if (search) conditions.push(search);
  return { AND: conditions };
}

export function customerOrderBy(sortBy: unknown, direction: unknown): Prisma.CustomerOrderByWithRelationInput[] {
  const field: CustomerSortField = isCustomerSortField(sortBy) ? sortBy : 'createdAt';
  const order = direction === 'asc' ? 'asc' : 'desc';
  return field === 'id' ? [{ id: order }] : [{ [field]: order }, { id: order }];
}
