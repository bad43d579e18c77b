/**
 * Customers: list, export, show, create, change, soft delete, restore — through the customer services.
 * Each answer carrying a customer carries its ETag; writes honour If-Match (src/api/conditional-requests.ts).
 */
import type { Customer } from '@prisma/client';
import { EXPORT_MEDIA_TYPES, writeExportFile } from '../../domain/customers/export-file.js';
import { exportHeaders } from '../../http/export-headers.js';
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
  CustomerExportQuerySchema,
  CustomerListQuerySchema,
  CustomerPageSchema,
  CustomerSchema,
  NewCustomerSchema,
  customerBody,
  customerCriteriaOf,
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
