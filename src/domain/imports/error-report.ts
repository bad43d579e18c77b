/**
 * The error report of an import: every invalid row as the file gave it plus an `errors` column,
 * so the person importing can fix the rows in their spreadsheet and upload them again. A cell a
 * spreadsheet would run as a formula is neutralised (OWASP, "CSV Injection"); a phone number such
 * as "+44 20 7946 0958" is left as it is, since it calls nothing.
 */
import { stringify } from 'csv-stringify/sync';
import { FIELD_LABELS } from '../audit/audit-sentences.js';
import { neutraliseFormulaKeepingNumbers } from '../spreadsheet-formulas.js';

export interface RowErrors {
  rowNumber: number;
  errors: Record<string, string>;
}

/** What the preview lists: the first invalid rows, one line per field. */
export interface RowError {
  rowNumber: number;
  field: string;
  message: string;
}

export const FIRST_ERRORS_SHOWN = 20;

function fieldLabel(field: string): string {
  return Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field]! : field;
}

/** "Email: Enter a valid email address…; Phone: …" */
export function errorsText(errors: Record<string, string>): string {
  return Object.entries(errors)
    .map(([field, message]) => `${fieldLabel(field)}: ${message}`)
    .join('; ');
}

export function firstRowErrors(invalid: readonly RowErrors[]): RowError[] {
  return invalid
    .slice(0, FIRST_ERRORS_SHOWN)
    .flatMap(({ rowNumber, errors }) =>
      Object.entries(errors).map(([field, message]) => ({ rowNumber, field, message })),
    );
}

/** UTF-8 with a BOM, so spreadsheets read accents right. */
export function errorReportCsv(header: readonly string[], rows: readonly string[][], invalid: readonly RowErrors[]) {
  const records = invalid.map(({ rowNumber, errors }) => [
    ...rows[rowNumber - 2]!.map(neutraliseFormulaKeepingNumbers),
    errorsText(errors),
  ]);
  return `\uFEFF${stringify([[...header.map(neutraliseFormulaKeepingNumbers), 'errors'], ...records], { record_delimiter: '\r\n' })}`;
}
