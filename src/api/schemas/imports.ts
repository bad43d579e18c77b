/** Customer imports in the API: the import and its dry-run report, the options of a new dry run. */
import { CUSTOMER_FIELDS } from '../../domain/customers/validation.js';
import { DATE_FORMATS } from '../../domain/imports/date-format.js';
import { IMPORT_STATUSES, type CustomerImportView } from '../../domain/imports/service.js';
import { z } from '../zod.js';

const column = z.number().int().min(0).nullable();
const mapping = z
  .object(Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, column])) as Record<string, typeof column>)
  .strict()
  .openapi({
    description: 'For each customer field, the position (from 0) of its column in the header, or null.',
    example: { firstName: 0, lastName: 1, email: 2, phone: 3, dateOfBirth: 4, notes: null },
  });

const optionFields = {
  mapping,
  dateFormat: z.enum(DATE_FORMATS).openapi({
    description:
      'How dates like 05/06/1990 are read: DMY (day first), MDY (month first); ISO dates and spreadsheet serial ' +
      'numbers are read as such whatever the format.',
  }),
  phoneRegion: z.string().openapi({ description: 'Region of numbers without +country code.', example: 'GB' }),
  updateExisting: z.boolean().openapi({
    description: 'true: rows whose email belongs to a customer update that customer instead of being reported.',
  }),
};

export const ImportOptionsSchema = z.object(optionFields).strict().openapi('ImportOptions');

export const ImportOptionsChangesSchema = z
  .object({
    mapping: mapping.partial(),
    dateFormat: optionFields.dateFormat,
    phoneRegion: optionFields.phoneRegion,
    updateExisting: optionFields.updateExisting,
  })
  .partial()
  .strict()
  .openapi('ImportOptionsChanges', { description: 'The options to change; the others stay as they are.' });

const count = z.number().int().min(0);

export const CustomerImportSchema = z
  .object({
    id: z.number().int().positive(),
    fileName: z.string(),
    status: z.enum(IMPORT_STATUSES).openapi({
      description:
        'uploaded: dry run done, not applied; applying; done; failed: stopped on an error (apply again to go on); ' +
        'abandoned: not applied within 24 hours, its file dropped.',
    }),
    interrupted: z.boolean().openapi({ description: 'Applying, but the process applying it stopped: apply again.' }),
    createdAt: z.string().datetime(),
    createdById: z.number().int().nullable(),
    finishedAt: z.string().datetime().nullable(),
    options: ImportOptionsSchema,
    report: z
      .object({
        header: z.array(z.string()),
        detected: z
          .object({ dateFormat: z.boolean(), phoneRegion: z.boolean() })
          .strict()
          .openapi({ description: 'Whether the file alone decided the date format and the phone region.' }),
        unmapped: z.record(z.string()).openapi({ description: 'Required fields without a column: apply is refused.' }),
        counts: z.object({ toCreate: count, toUpdate: count, invalid: count, unchanged: count }).strict(),
        firstErrors: z.array(
          z.object({ rowNumber: z.number().int(), field: z.string(), message: z.string() }).strict(),
        ),
      })
      .strict()
      .openapi({ description: 'The dry run: what applying would do, row numbers as a spreadsheet shows them.' }),
    totalRows: count,
    appliedRows: count.openapi({ description: 'Progress of the apply: rows written or skipped so far.' }),
    result: z.object({ created: count, updated: count, skipped: count, failed: count }).strict(),
    failure: z.string().nullable(),
  })
  .strict()
  .openapi('CustomerImport');

export function importBody(view: CustomerImportView): z.infer<typeof CustomerImportSchema> {
  return {
    ...view,
    createdAt: view.createdAt.toISOString(),
    finishedAt: view.finishedAt?.toISOString() ?? null,
  };
}
