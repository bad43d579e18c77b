/**
 * Staff accounts (superusers only): list, create, change name, role and active flag — through the
 * user service. An answer carrying an account carries its ETag; a change honours If-Match.
 */
import type { PublicUser } from '../../domain/accounts/users.js';
import type { Services } from '../../domain/services.js';
import {
  CONDITIONAL_WRITE_RESPONSES,
  etagHeader,
  etagOf,
  IF_MATCH_DESCRIPTION,
  IfMatchHeaders,
  writeConditionOf,
} from '../conditional-requests.js';
import { allowed, operation, type Operation, type Reply } from '../operation.js';
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

/** An account and its version as the ETag. */
function userReply(status: number, user: PublicUser): Reply {
  return { status, body: userBody(user), headers: { ETag: etagOf('User', user.version) } };
}

export function userOperations({
  services,
  requireIfMatch,
}: {
  services: Services;
  requireIfMatch: boolean;
}): Operation[] {
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
      responses: { 201: { description: 'Created.', schema: UserSchema, headers: etagHeader } },
      async handle({ caller, body }) {
        return userReply(201, await users.create(body, caller.actor));
      },
    }),

    operation({
      operationId: 'updateUser',
      method: 'patch',
      path: '/users/{id}',
      tag: TAG,
      summary: 'Change the name, role or active flag of a staff account',
      description:
        'Deactivating an account ends its API sign-ins at once (a reactivated account signs in again) and its panel sessions at their next request. ' +
        IF_MATCH_DESCRIPTION,
      access: allowed('User', 'edit'),
      params: IdParams,
      requestHeaders: IfMatchHeaders,
      body: { schema: UserChangesSchema, validatedBy: 'domain' },
      responses: {
        200: { description: 'The account as changed.', schema: UserSchema, headers: etagHeader },
        ...CONDITIONAL_WRITE_RESPONSES,
      },
      async handle({ caller, params, body, req }) {
        const condition = writeConditionOf(req, requireIfMatch);
        return userReply(200, await users.update(params.id, body, caller.actor, condition));
      },
    }),
  ];
}
