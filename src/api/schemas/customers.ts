/**
 * Customers over HTTP. The fields of a request body are documented by the domain's own schema
 * (src/domain/customers/validation.ts), which the customer service validates them with; the API
 * adds what belongs to HTTP: the JSON shape, the query parameters, the answers.
 */
import type { Customer as CustomerRecord } from '@prisma/client';
import { MAX_AGE, MIN_AGE } from '../../domain/customers/age.js';
import { EXPORT_FORMATS } from '../../domain/customers/export.js';
import {
  CUSTOMER_SORT_FIELDS,
  parseDateBound,
  type CustomerListCriteria,
  type CustomerStatus,
} from '../../domain/customers/query.js';
import { customerSchema, NAME_MAX_LENGTH, NOTES_MAX_LENGTH } from '../../domain/customers/validation.js';
import { EMAIL_MAX_LENGTH } from '../../domain/email.js';
import { z } from '../zod.js';
import { booleanParameter, pagingParameters, searchParameter, sortParameter } from './common.js';

// The rules depend on the day and the region only in their checks, not in their shape; the
// service runs them with the day of the change and the configured region.
const fields = customerSchema({ today: new Date(), defaultPhoneRegion: 'US' }).shape;
const REUSED_WHEN_DELETED = 'Unique among customers, soft-deleted ones included.';

const customerFields = z.object({
  firstName: fields.firstName.openapi({
    description: `Trimmed; at most ${NAME_MAX_LENGTH} characters.`,
    maxLength: NAME_MAX_LENGTH,
    example: 'Ada',
  }),
  lastName: fields.lastName.openapi({
    description: `Trimmed; at most ${NAME_MAX_LENGTH} characters.`,
    maxLength: NAME_MAX_LENGTH,
    example: 'Lovelace',
  }),
  email: fields.email.openapi({
    description: `Stored lower-case. ${REUSED_WHEN_DELETED}`,
    format: 'email',
    maxLength: EMAIL_MAX_LENGTH,
    example: 'ada@example.com',
  }),
  phone: fields.phone.openapi({
    description:
      `Written as a person types it; a number without + and country code is read in the server's DEFAULT_PHONE_REGION. ` +
      `Must be valid for its region; stored and answered in E.164. ${REUSED_WHEN_DELETED}`,
    example: '+1 201 555 0123',
  }),
  dateOfBirth: fields.dateOfBirth.openapi({
    type: 'string',
    format: 'date',
    description: `A calendar date; the customer's age on the day of the change must be from ${MIN_AGE} to ${MAX_AGE}.`,
    example: '1990-05-17',
  }),
  notes: fields.notes.openapi({
    description: `Free text, at most ${NOTES_MAX_LENGTH} characters; null or "" clears it.`,
    maxLength: NOTES_MAX_LENGTH,
  }),
});

export const NewCustomerSchema = customerFields
  .strict()
  .openapi('NewCustomer', { description: 'A new customer. Other properties are refused.' });
export const CustomerChangesSchema = customerFields.partial().strict().openapi('CustomerChanges', {
  description: 'The fields to change; fields left out stay as they are. An unchanged date of birth is not re-checked.',
});

const timestamp = z.string().datetime();

export const CustomerSchema = z
  .object({
    id: z.number().int().positive(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().email(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{1,14}$/)
      .openapi({ description: 'E.164', example: '+12015550123' }),
    dateOfBirth: z.string().date().openapi({ example: '1990-05-17' }),
    notes: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: timestamp.nullable().openapi({ description: 'Set while the customer is soft-deleted.' }),
    createdById: z.number().int().nullable().openapi({ description: 'The staff account that created the record.' }),
    updatedById: z.number().int().nullable().openapi({ description: 'The staff account that changed it last.' }),
    version: z
      .number()
      .int()
      .positive()
      .openapi({ description: 'Raised by every change; the ETag is "v" and this number (send it as If-Match).' }),
  })
  .strict()
  .openapi('Customer');

export type CustomerBody = z.infer<typeof CustomerSchema>;

export function customerBody(customer: CustomerRecord): CustomerBody {
  return {
    id: customer.id,
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    phone: customer.phone,
    dateOfBirth: customer.dateOfBirth.toISOString().slice(0, 10),
    notes: customer.notes,
    createdAt: customer.createdAt.toISOString(),
    updatedAt: customer.updatedAt.toISOString(),
    deletedAt: customer.deletedAt?.toISOString() ?? null,
    createdById: customer.createdById,
    updatedById: customer.updatedById,
    version: customer.version,
  };
}

export const CustomerPageSchema = z
  .object({
    items: z.array(CustomerSchema),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().min(0).openapi({ description: 'How many customers match, over all pages.' }),
  })
  .strict()
  .openapi('CustomerPage');

function dateBound(name: string, bound: 'from' | 'to', description: string) {
  return z
    .string()
    .transform((value, context) => {
      const date = parseDateBound(value, bound);
      if (date) return date;
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${name} must be a date like 2026-01-31 or a date-time like 2026-01-31T12:00:00Z.`,
      });
      return z.NEVER;
    })
    .optional()
    .openapi({ description, example: '2026-01-31' });
}

/** What names a list — its search, filters and sort — for a page of it and for its export alike. */
const listParameters = {
  sort: sortParameter(CUSTOMER_SORT_FIELDS, '-createdAt'),
  q: searchParameter(
    'Search: every word must be found in the first name, last name, email or phone, case and accents ignored ' +
      '("muller" finds "Müller"). Words of 3 or more characters match anywhere, words of 1–2 letters the start of a word; ' +
      'a search of one-letter words alone finds no one. Phone digits match in any format: "(020) 7946-0958", ' +
      '"0044 20 7946 0958" and "+44 20 7946 0958" all find +44 20 7946 0958.',
  ),
  includeDeleted: booleanParameter('includeDeleted', 'true: soft-deleted customers are listed too.'),
  onlyDeleted: booleanParameter('onlyDeleted', 'true: only soft-deleted customers are listed.'),
  createdFrom: dateBound('createdFrom', 'from', 'Created on or after this day (or instant).'),
  createdTo: dateBound('createdTo', 'to', 'Created on or before this day (the whole day) or instant.'),
};

function notBothDeletedFilters(query: { includeDeleted?: boolean; onlyDeleted?: boolean }, context: z.RefinementCtx) {
  if (query.includeDeleted && query.onlyDeleted) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['onlyDeleted'],
      message: 'Use includeDeleted or onlyDeleted, not both.',
    });
  }
}

export const CustomerListQuerySchema = z
  .object({ ...pagingParameters, ...listParameters })
  .strict()
  .superRefine(notBothDeletedFilters);

export const CustomerExportQuerySchema = z
  .object({
    format: z
      .enum(EXPORT_FORMATS, { errorMap: () => ({ message: `format must be one of: ${EXPORT_FORMATS.join(', ')}.` }) })
      .default('csv')
      .openapi({ description: 'csv: UTF-8 with a byte order mark, RFC 4180. xlsx: an Excel workbook.' }),
    ...listParameters,
  })
  .strict()
  .superRefine(notBothDeletedFilters);

export function customerStatusOf(query: { includeDeleted?: boolean; onlyDeleted?: boolean }): CustomerStatus {
  if (query.onlyDeleted) return 'deleted';
  return query.includeDeleted ? 'all' : 'active';
}

/** The domain's list criteria from a list's query parameters. */
export function customerCriteriaOf(query: {
  q?: string;
  includeDeleted?: boolean;
  onlyDeleted?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
}): CustomerListCriteria {
  return {
    search: query.q,
    status: customerStatusOf(query),
    createdFrom: query.createdFrom,
    createdTo: query.createdTo,
  };
}
