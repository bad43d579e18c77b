/**
 * Customers: list, show, create, change, soft delete, restore — through the customer service. Each
 * answer carrying a customer carries its ETag; writes honour If-Match (src/api/conditional-requests.ts).
 */
import type { Customer } from '@prisma/client';
import type { Services } from '../../domain/services.js';
import {
  CONDITIONAL_WRITE_RESPONSES,
  etagHeader,
  etagOf,
  IF_MATCH_DESCRIPTION,
  IfMatchHeaders,
  IfNoneMatchHeaders,
  isNotModified,
  writeConditionOf,
} from '../conditional-requests.js';
import { allowed, operation, type Operation, type Reply } from '../operation.js';
import { API_ROOT } from '../paths.js';
import { IdParams, parseSort } from '../schemas/common.js';
import {
  CustomerChangesSchema,
  CustomerListQuerySchema,
  CustomerPageSchema,
  CustomerSchema,
  NewCustomerSchema,
  customerBody,
  customerStatusOf,
} from '../schemas/customers.js';

const TAG = 'Customers';

/** A customer and its version as the ETag. */
function customerReply(status: number, customer: Customer, headers: Record<string, string> = {}): Reply {
  return { status, body: customerBody(customer), headers: { ...headers, ETag: etagOf('Customer', customer.version) } };
}

export function customerOperations({
  services,
  requireIfMatch,
}: {
  services: Services;
  requireIfMatch: boolean;
}): Operation[] {
  const { customers } = services;
  return [
    operation({
      operationId: 'listCustomers',
      method: 'get',
      path: '/customers',
      tag: TAG,
      summary: 'List customers: a page, sorted, searched and filtered',
      description: 'Soft-deleted customers are left out unless includeDeleted or onlyDeleted asks for them.',
      access: allowed('Customer', 'list'),
      query: CustomerListQuerySchema,
      responses: {
        200: { description: 'One page of customers and how many match in all.', schema: CustomerPageSchema },
      },
      async handle({ caller, query }) {
        const { page, pageSize } = query;
        const criteria = {
          search: query.q,
          status: customerStatusOf(query),
          createdFrom: query.createdFrom,
          createdTo: query.createdTo,
        };
        const result = await customers.list(criteria, { page, pageSize, ...parseSort(query.sort) }, caller.actor);
        return { status: 200, body: { items: result.items.map(customerBody), page, pageSize, total: result.total } };
      },
    }),

    operation({
      operationId: 'createCustomer',
      method: 'post',
      path: '/customers',
      tag: TAG,
      summary: 'Create a customer',
      description:
        'Validated by the same rules as the admin panel, with the same messages; an email or phone number already held is refused (422), also when two requests race for it.',
      access: allowed('Customer', 'create'),
      body: { schema: NewCustomerSchema, validatedBy: 'domain' },
      responses: {
        201: {
          description: 'Created.',
          schema: CustomerSchema,
          headers: {
            Location: { description: 'The URL of the new customer.', schema: { type: 'string' } },
            ...etagHeader,
          },
        },
      },
      async handle({ caller, body }) {
        const customer = await customers.create(body, caller.actor);
        return customerReply(201, customer, { Location: `${API_ROOT}/customers/${customer.id}` });
      },
    }),

    operation({
      operationId: 'getCustomer',
      method: 'get',
      path: '/customers/{id}',
      tag: TAG,
      summary: 'Show a customer (soft-deleted ones too)',
      description: 'With If-None-Match holding the current ETag, the answer is 304 without a body.',
      access: allowed('Customer', 'show'),
      params: IdParams,
      requestHeaders: IfNoneMatchHeaders,
      responses: {
        200: { description: 'The customer.', schema: CustomerSchema, headers: etagHeader },
        304: { description: 'The copy named by If-None-Match is still the current version.', headers: etagHeader },
      },
      async handle({ caller, params, req }) {
        const customer = await customers.find(params.id, caller.actor);
        if (isNotModified(req, customer.version))
          return { status: 304, headers: { ETag: etagOf('Customer', customer.version) } };
        return customerReply(200, customer);
      },
    }),

    operation({
      operationId: 'updateCustomer',
      method: 'patch',
      path: '/customers/{id}',
      tag: TAG,
      summary: 'Change some fields of a customer',
      description: IF_MATCH_DESCRIPTION,
      access: allowed('Customer', 'edit'),
      params: IdParams,
      requestHeaders: IfMatchHeaders,
      body: { schema: CustomerChangesSchema, validatedBy: 'domain' },
      responses: {
        200: { description: 'The customer as changed.', schema: CustomerSchema, headers: etagHeader },
        ...CONDITIONAL_WRITE_RESPONSES,
      },
      async handle({ caller, params, body, req }) {
        const condition = writeConditionOf(req, requireIfMatch);
        return customerReply(200, await customers.update(params.id, body, caller.actor, condition));
      },
    }),

    operation({
      operationId: 'deleteCustomer',
      method: 'delete',
      path: '/customers/{id}',
      tag: TAG,
      summary: 'Soft-delete a customer',
      description:
        'The customer leaves the default list and keeps its email and phone number reserved; POST …/restore brings it back. Deleting a deleted customer changes nothing. ' +
        IF_MATCH_DESCRIPTION,
      access: allowed('Customer', 'delete'),
      params: IdParams,
      requestHeaders: IfMatchHeaders,
      responses: {
        200: { description: 'The customer, with deletedAt set.', schema: CustomerSchema, headers: etagHeader },
        ...CONDITIONAL_WRITE_RESPONSES,
      },
      async handle({ caller, params, req }) {
        const condition = writeConditionOf(req, requireIfMatch);
        return customerReply(200, await customers.softDelete(params.id, caller.actor, condition));
      },
    }),

    operation({
      operationId: 'restoreCustomer',
      method: 'post',
      path: '/customers/{id}/restore',
      tag: TAG,
      summary: 'Restore a soft-deleted customer',
      description: `Restoring a customer that is not deleted changes nothing. ${IF_MATCH_DESCRIPTION}`,
      access: allowed('Customer', 'restore'),
      params: IdParams,
      requestHeaders: IfMatchHeaders,
      responses: {
        200: { description: 'The customer, with deletedAt cleared.', schema: CustomerSchema, headers: etagHeader },
        ...CONDITIONAL_WRITE_RESPONSES,
      },
      async handle({ caller, params, req }) {
        const condition = writeConditionOf(req, requireIfMatch);
        return customerReply(200, await customers.restore(params.id, caller.actor, condition));
      },
    }),
  ];
}
