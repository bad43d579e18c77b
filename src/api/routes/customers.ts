/** Customers: list, show, create, change, soft delete, restore — through the customer service. */
import type { Services } from '../../domain/services.js';
import { allowed, operation, type Operation } from '../operation.js';
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

export function customerOperations({ services }: { services: Services }): Operation[] {
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
          headers: { Location: { description: 'The URL of the new customer.', schema: { type: 'string' } } },
        },
      },
      async handle({ caller, body }) {
        const customer = await customers.create(body, caller.actor);
        return {
          status: 201,
          body: customerBody(customer),
          headers: { Location: `${API_ROOT}/customers/${customer.id}` },
        };
      },
    }),

    operation({
      operationId: 'getCustomer',
      method: 'get',
      path: '/customers/{id}',
      tag: TAG,
      summary: 'Show a customer (soft-deleted ones too)',
      access: allowed('Customer', 'show'),
      params: IdParams,
      responses: { 200: { description: 'The customer.', schema: CustomerSchema } },
      async handle({ caller, params }) {
        return { status: 200, body: customerBody(await customers.find(params.id, caller.actor)) };
      },
    }),

    operation({
      operationId: 'updateCustomer',
      method: 'patch',
      path: '/customers/{id}',
      tag: TAG,
      summary: 'Change some fields of a customer',
      access: allowed('Customer', 'edit'),
      params: IdParams,
      body: { schema: CustomerChangesSchema, validatedBy: 'domain' },
      responses: { 200: { description: 'The customer as changed.', schema: CustomerSchema } },
      async handle({ caller, params, body }) {
        return { status: 200, body: customerBody(await customers.update(params.id, body, caller.actor)) };
      },
    }),

    operation({
      operationId: 'deleteCustomer',
      method: 'delete',
      path: '/customers/{id}',
      tag: TAG,
      summary: 'Soft-delete a customer',
      description:
        'The customer leaves the default list and keeps its email and phone number reserved; POST …/restore brings it back. Deleting a deleted customer changes nothing.',
      access: allowed('Customer', 'delete'),
      params: IdParams,
      responses: { 200: { description: 'The customer, with deletedAt set.', schema: CustomerSchema } },
      async handle({ caller, params }) {
        return { status: 200, body: customerBody(await customers.softDelete(params.id, caller.actor)) };
      },
    }),

    operation({
      operationId: 'restoreCustomer',
      method: 'post',
      path: '/customers/{id}/restore',
      tag: TAG,
      summary: 'Restore a soft-deleted customer',
      description: 'Restoring a customer that is not deleted changes nothing.',
      access: allowed('Customer', 'restore'),
      params: IdParams,
      responses: { 200: { description: 'The customer, with deletedAt cleared.', schema: CustomerSchema } },
      async handle({ caller, params }) {
        return { status: 200, body: customerBody(await customers.restore(params.id, caller.actor)) };
      },
    }),
  ];
}
