/**
 * Staff accounts over HTTP. Request fields are documented by the user service's own schemas,
 * which validate them; the API adds the JSON shape, the query parameters and the answers.
 */
import type { User } from '@prisma/client';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/accounts/passwords.js';
import { ROLES } from '../../domain/accounts/permissions.js';
import { USER_SORT_FIELDS } from '../../domain/accounts/user-query.js';
import { newUserSchema, userChangesSchema } from '../../domain/accounts/users.js';
import { z } from '../zod.js';
import { booleanParameter, pagingParameters, searchParameter, sortParameter } from './common.js';

const created = newUserSchema.shape;
const changed = userChangesSchema.shape;
const roleDescription = 'SUPERUSER, MANAGER, STAFF or VIEWER: what the account may do (see the permission matrix).';
const activeDescription = 'An inactive account cannot sign in, and its API tokens stop working at once.';

export const NewUserSchema = z
  .object({
    email: created.email.openapi({
      description: 'The sign-in name; stored lower-case, unique.',
      format: 'email',
      example: 'grace@example.com',
    }),
    name: created.name.openapi({ description: 'At most 100 characters.', example: 'Grace Hopper' }),
    role: created.role.openapi({ description: `${roleDescription} Default STAFF.` }),
    isActive: created.isActive.openapi({ description: `${activeDescription} Default true.` }),
    password: created.password.openapi({
      description:
        `At least ${PASSWORD_MIN_LENGTH} and at most ${PASSWORD_MAX_LENGTH} characters, not the email, not a common password. ` +
        'Without one the account cannot sign in until a superuser sends it an invitation from the panel.',
    }),
  })
  .strict()
  .openapi('NewUser', { description: 'A new staff account. Other properties are refused.' });

export const UserChangesSchema = z
  .object({
    name: changed.name.openapi({ description: 'At most 100 characters.' }),
    role: changed.role.openapi({
      description: `${roleDescription} Nobody removes their own superuser role, and the last active superuser stays one.`,
    }),
    isActive: changed.isActive.openapi({ description: `${activeDescription} Nobody deactivates themselves.` }),
  })
  .strict()
  .openapi('UserChanges', {
    description: 'The fields to change; fields left out stay as they are. Other properties are refused.',
  });

const timestamp = z.string().datetime();

export const UserSchema = z
  .object({
    id: z.number().int().positive(),
    email: z.string().email(),
    name: z.string(),
    role: z.enum(ROLES),
    isActive: z.boolean(),
    lastLoginAt: timestamp.nullable().openapi({ description: 'The last successful sign-in (panel or API).' }),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z
      .number()
      .int()
      .positive()
      .openapi({ description: 'Raised by every change; the ETag is W/"v" and this number (send it as If-Match).' }),
  })
  .strict()
  .openapi('User');

export type UserBody = z.infer<typeof UserSchema>;

export function userBody(user: Omit<User, 'passwordHash'>): UserBody {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    isActive: user.isActive,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    version: user.version,
  };
}

export const UserPageSchema = z
  .object({
    items: z.array(UserSchema),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().min(0),
  })
  .strict()
  .openapi('UserPage');

export const UserListQuerySchema = z
  .object({
    ...pagingParameters,
    sort: sortParameter(USER_SORT_FIELDS, 'email'),
    q: searchParameter('Text matched against email and name.'),
    role: z
      .enum(ROLES, { errorMap: () => ({ message: `role must be one of: ${ROLES.join(', ')}.` }) })
      .optional()
      .openapi({ description: 'Only accounts with this role.' }),
    isActive: booleanParameter('isActive', 'Only active (true) or inactive (false) accounts.'),
  })
  .strict();
