/** Staff accounts (superusers only): list, create, change name, role and active flag — through the user service. */
import type { Services } from '../../domain/services.js';
import { allowed, operation, type Operation } from '../operation.js';
import { IdParams, parseSort } from '../schemas/common.js';
import {
  NewUserSchema,
  UserChangesSchema,
  UserListQuerySchema,
  UserPageSchema,
  UserSchema,
  userBody,
} from '../schemas/users.js';

const TAG = 'Users';

export function userOperations({ services }: { services: Services }): Operation[] {
  const { users } = services;
  return [
    operation({
      operationId: 'listUsers',
      method: 'get',
      path: '/users',
      tag: TAG,
      summary: 'List staff accounts',
      access: allowed('User', 'list'),
      query: UserListQuerySchema,
      responses: { 200: { description: 'One page of accounts and how many match in all.', schema: UserPageSchema } },
      async handle({ caller, query }) {
        const { page, pageSize } = query;
        const result = await users.list(
          { search: query.q, role: query.role, isActive: query.isActive },
          { page, pageSize, ...parseSort(query.sort) },
          caller.actor,
        );
        return { status: 200, body: { items: result.items.map(userBody), page, pageSize, total: result.total } };
      },
    }),

    operation({
      operationId: 'createUser',
      method: 'post',
      path: '/users',
      tag: TAG,
      summary: 'Create a staff account',
      access: allowed('User', 'create'),
      body: { schema: NewUserSchema, validatedBy: 'domain' },
      responses: { 201: { description: 'Created.', schema: UserSchema } },
      async handle({ caller, body }) {
        return { status: 201, body: userBody(await users.create(body, caller.actor)) };
      },
    }),

    operation({
      operationId: 'updateUser',
      method: 'patch',
      path: '/users/{id}',
      tag: TAG,
      summary: 'Change the name, role or active flag of a staff account',
      description:
        'Deactivating an account ends its API sign-ins at once (a reactivated account signs in again) and its panel sessions at their next request.',
      access: allowed('User', 'edit'),
      params: IdParams,
      body: { schema: UserChangesSchema, validatedBy: 'domain' },
      responses: { 200: { description: 'The account as changed.', schema: UserSchema } },
      async handle({ caller, params, body }) {
        return { status: 200, body: userBody(await users.update(params.id, body, caller.actor)) };
      },
    }),
  ];
}
