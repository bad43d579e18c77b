/** Customer imports: upload and dry-run, dry-run again with other options, apply, follow, error report. */
import type { Request } from 'express';
import { IMPORT_FILE_MAX_BYTES, IMPORT_FILE_TOO_LARGE } from '../../domain/imports/import-file.js';
import { optionsFromJson } from '../../domain/imports/import-options.js';
import type { Services } from '../../domain/services.js';
import { readFileUpload } from '../../http/file-upload.js';
import { allowed, operation, type Operation } from '../operation.js';
import { API_ROOT } from '../paths.js';
import { IdParams } from '../schemas/common.js';
import { CustomerImportSchema, ImportOptionsChangesSchema, importBody } from '../schemas/imports.js';
import { z } from '../zod.js';

const TAG = 'Customer imports';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const UploadQuerySchema = z
  .object({
    fileName: z
      .string()
      .max(255)
      .optional()
      .openapi({ description: 'The file’s name when the body is the file itself.', example: 'customers.csv' }),
  })
  .strict();

const UploadFormSchema = z.object({
  file: z.string().openapi({ format: 'binary', description: 'The CSV or XLSX file, at most 20 MB.' }),
  options: z.string().optional().openapi({
    description: 'ImportOptionsChanges as JSON, over the proposed options, e.g. {"mapping":{"phone":4}}.',
  }),
});

async function uploadOf(req: Request, fileName: string | undefined) {
  const upload = await readFileUpload(
    req,
    { maxBytes: IMPORT_FILE_MAX_BYTES, tooLargeMessage: IMPORT_FILE_TOO_LARGE },
    fileName ?? (req.is(XLSX_TYPE) ? 'upload.xlsx' : 'upload.csv'),
  );
  return { fileName: upload.fileName, content: upload.content, options: optionsFromJson(upload.fields.options) };
}

export function importOperations({ services }: { services: Services }): Operation[] {
  const { imports } = services;
  const importLocation = (id: number) => `${API_ROOT}/customers/imports/${id}`;
  return [
    operation({
      operationId: 'uploadCustomerImport',
      method: 'post',
      path: '/customers/imports',
      tag: TAG,
      summary: 'Upload a CSV or XLSX file of customers and dry-run it',
      description:
        'Nothing is written but the import itself: every row is checked with the customer rules (the panel’s ' +
        'messages), against the rows above it and against the customers there (active or deleted). The mapping, ' +
        'date format and phone region are proposed from the file; options given here override them.',
      access: allowed('Customer', 'import'),
      query: UploadQuerySchema,
      upload: {
        description: 'A form with the file, or the file itself as the body.',
        content: {
          'multipart/form-data': { schema: UploadFormSchema },
          'text/csv': { schema: z.string() },
          [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
      responses: {
        201: {
          description: 'The import, with its dry-run report.',
          schema: CustomerImportSchema,
          headers: { Location: { description: 'The URL of the import.', schema: { type: 'string' } } },
        },
      },
      async handle({ req, caller, query }) {
        const view = await imports.upload(await uploadOf(req, query.fileName), caller.actor);
        return { status: 201, body: importBody(view), headers: { Location: importLocation(view.id) } };
      },
    }),

    operation({
      operationId: 'dryRunCustomerImport',
      method: 'post',
      path: '/customers/imports/{id}/dry-run',
      tag: TAG,
      summary: 'Dry-run an uploaded import again with other options',
      description: 'Only before it is applied. Options left out stay as they were.',
      access: allowed('Customer', 'import'),
      params: IdParams,
      body: { schema: ImportOptionsChangesSchema, validatedBy: 'domain' },
      responses: { 200: { description: 'The import, with its new dry-run report.', schema: CustomerImportSchema } },
      async handle({ caller, params, body }) {
        return { status: 200, body: importBody(await imports.reconsider(params.id, body, caller.actor)) };
      },
    }),

    operation({
      operationId: 'applyCustomerImport',
      method: 'post',
      path: '/customers/imports/{id}/apply',
      tag: TAG,
      summary: 'Apply an import in the background',
      description:
        'Answers at once; follow the progress with GET. Applying again is harmless: a finished import stays as it ' +
        'is, a failed or interrupted one goes on from its first unapplied row. Invalid rows are never written.',
      access: allowed('Customer', 'import'),
      params: IdParams,
      responses: {
        202: {
          description: 'Applying (or already applied).',
          schema: CustomerImportSchema,
          headers: { Location: { description: 'Where to follow it.', schema: { type: 'string' } } },
        },
      },
      async handle({ caller, params }) {
        const view = await imports.apply(params.id, caller.actor);
        return { status: 202, body: importBody(view), headers: { Location: importLocation(view.id) } };
      },
    }),

    operation({
      operationId: 'getCustomerImport',
      method: 'get',
      path: '/customers/imports/{id}',
      tag: TAG,
      summary: 'An import: status, progress, counts and result',
      access: allowed('Customer', 'import'),
      params: IdParams,
      responses: { 200: { description: 'The import.', schema: CustomerImportSchema } },
      async handle({ caller, params }) {
        return { status: 200, body: importBody(await imports.find(params.id, caller.actor)) };
      },
    }),

    operation({
      operationId: 'getCustomerImportErrors',
      method: 'get',
      path: '/customers/imports/{id}/errors',
      tag: TAG,
      summary: 'The error report: the invalid rows of the dry run plus an errors column (CSV)',
      access: allowed('Customer', 'import'),
      params: IdParams,
      responses: {
        200: {
          description: 'UTF-8 CSV with a BOM; only the header when no row is invalid.',
          files: ['text/csv'],
        },
      },
      async handle({ caller, params }) {
        const report = await imports.errorReport(params.id, caller.actor);
        return {
          status: 200,
          body: report.csv,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${report.fileName}"`,
          },
        };
      },
    }),
  ];
}
