/** Customers: list, export, show, create, change, soft delete, restore — through the customer services. */
import { EXPORT_MEDIA_TYPES, writeExportFile } from '../../domain/customers/export-file.js';
import { exportHeaders } from '../../http/export-headers.js';
import type { Services } from '../../domain/services.js';
import { allowed, operation, type Operation } from '../operation.js';
import { API_ROOT } from '../paths.js';
import { IdParams, parseSort } from '../schemas/common.js';
import {
  CustomerChangesSchema,
  CustomerExportQuerySchema,
  CustomerListQuerySchema,
  CustomerPageSchema,
  CustomerSchema,
  NewCustomerSchema,
  customerBody,
  customerCriteriaOf,
} from '../schemas/customers.js';

const TAG = 'Customers';

export function customerOperations({ services }: { services: Services }): Operation[] {
  const { customers, customerExport } = services;
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
        const result = await customers.list(
          customerCriteriaOf(query),
          { page, pageSize, ...parseSort(query.sort) },
          caller.actor,
        );
        return { status: 200, body: { items: result.items.map(customerBody), page, pageSize, total: result.total } };
      },
    }),

    // Before /customers/{id}, which would otherwise take "export" for an id.
    operation({
      operationId: 'exportCustomers',
      method: 'get',
      path: '/customers/export',
      tag: TAG,
      summary: 'Export a list of customers as CSV or XLSX',
      description:
        'Every customer of the list that GET /customers answers page by page with the same q, includeDeleted, ' +
        'onlyDeleted, createdFrom, createdTo and sort, in one file written as it is read. Columns: ID, First name, ' +
        'Last name, Email, Phone (E.164), Date of birth, Notes, Created, Updated (times in UTC), and Deleted when ' +
        'the list can hold deleted customers. Text a spreadsheet would run as a formula (starting with =, +, -, @, ' +
        'tab or carriage return) starts with an apostrophe in CSV and is a plain string cell in XLSX. Each export ' +
        'is audited (who, the list, the format and the number of rows), never its data.',
      access: allowed('Customer', 'export'),
      query: CustomerExportQuerySchema,
      responses: {
        200: {
          description: 'The file, as an attachment named after the day: customers-2026-12-01.csv.',
          files: [EXPORT_MEDIA_TYPES.csv.split(';')[0]!, EXPORT_MEDIA_TYPES.xlsx],
          headers: {
            'Content-Disposition': {
              description: 'attachment; filename="customers-YYYY-MM-DD.csv"',
              schema: { type: 'string' },
            },
          },
        },
      },
      async handle({ caller, query }) {
        const run = customerExport.start(
          { criteria: customerCriteriaOf(query), ...parseSort(query.sort), format: query.format },
          caller.actor,
        );
        return { status: 200, headers: exportHeaders(run), stream: (res) => writeExportFile(run, res) };
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
