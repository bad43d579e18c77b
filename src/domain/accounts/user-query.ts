import type { Prisma } from '@prisma/client';
import { isAcceptableText, WORDS } from '../text.js';
import { isRole, type Role } from './permissions.js';

export const USER_SORT_FIELDS = ['id', 'email', 'name', 'role', 'isActive', 'lastLoginAt', 'createdAt'] as const;

export interface UserListCriteria {
  search?: string;
  role?: Role;
  isActive?: boolean;
}

/** Reads loosely typed filter values (form or query strings); anything unrecognised is ignored. */
export function userCriteria(values: { search?: unknown; role?: unknown; isActive?: unknown }): UserListCriteria {
  const active =
    values.isActive === true || values.isActive === 'true'
      ? true
      : values.isActive === false || values.isActive === 'false'
        ? false
        : undefined;
  return {
    search: typeof values.search === 'string' && values.search.trim() ? values.search.trim() : undefined,
    role: isRole(values.role) ? values.role : undefined,
    isActive: active,
  };
}

export function userWhere({ search, role, isActive }: UserListCriteria): Prisma.UserWhereInput {
  // A search holding characters no text may hold (domain/text.ts) finds no one.
  if (search !== undefined && !isAcceptableText(search, WORDS)) return { id: { in: [] } };
  return {
    ...(role ? { role } : {}),
    ...(isActive === undefined ? {} : { isActive }),
    ...(search ? { OR: [{ email: { contains: search.toLowerCase() } }, { name: { contains: search } }] } : {}),
  };
}

export function userOrderBy(sortBy: unknown, direction: unknown): Prisma.UserOrderByWithRelationInput[] {
  const field = (USER_SORT_FIELDS as readonly unknown[]).includes(sortBy)
    ? (sortBy as (typeof USER_SORT_FIELDS)[number])
    : 'email';
  const order = direction === 'desc' ? 'desc' : 'asc';
  return field === 'id' ? [{ id: order }] : [{ [field]: order }, { id: order }];
}
